import { pinoOptions, prettyPrinterInstalled } from './log-options';

describe('pinoOptions', () => {
  const env = (LOG_FORMAT: 'auto' | 'json' | 'pretty', NODE_ENV: 'development' | 'production' | 'test') => ({ LOG_LEVEL: 'log' as const, LOG_FORMAT, NODE_ENV });
  const printer = (options: ReturnType<typeof pinoOptions>): string => (options.transport && 'target' in options.transport ? String(options.transport.target) : 'json');

  it('writes JSON in production and text in development, as LOG_FORMAT says', () => {
    expect(printer(pinoOptions(env('auto', 'production'), true))).toBe('json');
    expect(printer(pinoOptions(env('auto', 'development'), true))).toBe('pino-pretty');
    expect(printer(pinoOptions(env('json', 'development'), true))).toBe('json');
    expect(printer(pinoOptions(env('pretty', 'production'), true))).toBe('pino-pretty');
  });

  it('writes JSON where the text printer is not installed (the production image), whatever LOG_FORMAT asks', () => {
    expect(printer(pinoOptions(env('pretty', 'production'), false))).toBe('json');
    expect(printer(pinoOptions(env('auto', 'development'), false))).toBe('json');
  });

  it('tells whether the text printer can be loaded', () => {
    expect(prettyPrinterInstalled()).toBe(true);
    expect(
      prettyPrinterInstalled(() => {
        throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
      }),
    ).toBe(false);
  });
});
