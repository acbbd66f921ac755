import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, type HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MESSAGES, Public } from '@vec/core';
import { ShutdownState } from './shutdown-state';

/**
 * How long one database ping answers for every readiness check: the probe is public and not
 * throttled (load balancers poll it), so a flood of checks costs one ping a second, not one each.
 */
const PING_SHARED_MS = 1000;

@Public()
@Controller('health')
export class HealthController {
  private ping?: { at: number; result: Promise<HealthIndicatorResult> };

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** The process can do its work: PostgreSQL answers, and it is not stopping. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.draining) throw new ServiceUnavailableException({ status: 'shutting_down', message: MESSAGES.request.stopping().en });
    return this.health.check([() => this.sharedPing()]);
  }

  private sharedPing(): Promise<HealthIndicatorResult> {
    const now = Date.now();
    if (!this.ping || now - this.ping.at >= PING_SHARED_MS || now < this.ping.at) {
      this.ping = { at: now, result: this.database.pingCheck('database', { timeout: 2000 }) };
    }
    return this.ping.result;
  }
}
