import type { ConfigService } from '@nestjs/config';
import { createServer, Server } from 'node:net';
import type { Environment } from '../config/environment';
import { assertMetricsPortFree, MetricsPortInUseError, MetricsServer } from './metrics-server';
import type { MetricsService } from './metrics.service';

/** A port held by another listener, as by another process on the host. */
async function heldPort(): Promise<{ port: number; holder: Server }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
  const address = holder.address();
  return { port: typeof address === 'object' && address ? address.port : 0, holder };
}

function metricsServerOn(port: number): MetricsServer {
  const settings: Partial<Environment> = { METRICS_PORT: port, METRICS_HOST: '127.0.0.1' };
  const config = { get: (key: keyof Environment) => settings[key] } as unknown as ConfigService<Environment, true>;
  // Nothing is scraped here: the registry is not reached.
  return new MetricsServer({} as MetricsService, config);
}

const MESSAGE = (port: number): string =>
  `Port ${port} for the metrics (METRICS_PORT) is in use (is another API or worker process running on this host?). ` +
  'Give each process its own METRICS_PORT, or set METRICS_PORT=0 for none.';

describe('A busy metrics port is refused naming METRICS_PORT, not PORT', () => {
  it('is found before start-up by the check the API and the worker run first', async () => {
    const { port, holder } = await heldPort();
    try {
      await expect(assertMetricsPortFree(port, '127.0.0.1')).rejects.toThrow(new MetricsPortInUseError(port));
      await expect(assertMetricsPortFree(port, '127.0.0.1')).rejects.toThrow(MESSAGE(port));
    } finally {
      holder.close();
    }
  });

  it('is named too when the port is taken between that check and the metrics server’s start', async () => {
    const { port, holder } = await heldPort();
    try {
      await expect(metricsServerOn(port).onApplicationBootstrap()).rejects.toThrow(MESSAGE(port));
    } finally {
      holder.close();
    }
  });

  it('lets METRICS_PORT=0 through: no metrics server, nothing to check', async () => {
    await expect(assertMetricsPortFree(0, '127.0.0.1')).resolves.toBeUndefined();
    const server = metricsServerOn(0);
    await server.onApplicationBootstrap();
    await server.onApplicationShutdown();
  });
});
