import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { isPortFree } from '@vec/database';
import type { Environment } from '../config/environment';
import { MetricsService } from './metrics.service';

/**
 * METRICS_PORT is taken, typically by another API or worker process on the same host: the message
 * names the variable to change, not PORT.
 */
export class MetricsPortInUseError extends Error {
  constructor(port: number) {
    super(
      `Port ${port} for the metrics (METRICS_PORT) is in use (is another API or worker process running on this host?). ` +
        'Give each process its own METRICS_PORT, or set METRICS_PORT=0 for none.',
    );
  }
}

/** Checked before a long start-up (migrations, seeding) so that a busy metrics port is refused at once; not a reservation. */
export async function assertMetricsPortFree(port: number, host: string): Promise<void> {
  if (port !== 0 && !(await isPortFree(port, host))) throw new MetricsPortInUseError(port);
}

/**
 * Serves `/metrics` (Prometheus text format) on a port of its own, METRICS_PORT, which is meant
 * for the monitoring network only; with METRICS_TOKEN set, scrapes must also send it as a bearer
 * token. The public port never serves metrics.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.get('METRICS_PORT', { infer: true });
    if (port === 0) return;
    const host = this.config.get('METRICS_HOST', { infer: true });
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new MetricsPortInUseError(port) : error));
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.logger.log(`Metrics at http://${host}:${port}/metrics`);
    const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
    if (this.config.get('NODE_ENV', { infer: true }) === 'production' && !loopback && !this.config.get('METRICS_TOKEN', { infer: true })) {
      // Business figures (matches by state, offers by status, queues) to anyone who reaches this port.
      this.logger.warn(`Metrics are open to anyone who can reach ${host}:${port}: set METRICS_TOKEN, or METRICS_HOST=127.0.0.1 behind a local scraper, or keep the port off public networks`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private authorised(req: IncomingMessage): boolean {
    const token = this.config.get('METRICS_TOKEN', { infer: true });
    if (!token) return true;
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url?.split('?')[0] !== '/metrics' || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    if (!this.authorised(req)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    try {
      const body = await this.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body);
    } catch (error) {
      this.logger.error(`Metrics not collected: ${(error as Error).message}`);
      res.writeHead(500).end();
    }
  }
}
