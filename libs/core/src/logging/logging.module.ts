import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { Environment } from '../config/environment';
import { logDestination, pinoOptions } from './log-options';

/** The one pino logger of the process: Nest's lines and the access lines derive from it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

function rootLogger(config: ConfigService<Environment, true>): Logger {
  const options = pinoOptions({ LOG_LEVEL: config.get('LOG_LEVEL', { infer: true }), LOG_FORMAT: config.get('LOG_FORMAT', { infer: true }), NODE_ENV: config.get('NODE_ENV', { infer: true }) });
  // Text through pino-pretty's own transport; JSON lines to an asynchronous destination.
  return options.transport ? pino(options) : pino(options, logDestination());
}

@Module({
  providers: [{ provide: ROOT_LOGGER, inject: [ConfigService], useFactory: rootLogger }],
  exports: [ROOT_LOGGER],
})
class RootLoggerModule {}

/**
 * Nest's logger through pino (nestjs-pino): every line of a request — the services' own included —
 * carries its request id. The access log at the HTTP edge, first of all middleware (so that
 * refusals made before Nest's routes, body limits and throttling, are logged too), gives each
 * request its logger; nestjs-pino only binds that one to the request (`useExisting`) instead of
 * running a second pino-http of its own on every request.
 */
@Module({
  imports: [
    RootLoggerModule,
    LoggerModule.forRootAsync({
      imports: [RootLoggerModule],
      inject: [ROOT_LOGGER],
      useFactory: (root: Logger) => ({ pinoHttp: { logger: root }, useExisting: true }),
    }),
  ],
  exports: [RootLoggerModule],
})
export class LoggingModule {}
