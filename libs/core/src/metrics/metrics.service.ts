import { Injectable, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Bounds for request and job durations, in seconds (5 ms to 2 min). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** At most this many root fields become labels (the schema has fewer); others are counted as `other`. */
const MAX_OPERATIONS = 200;

/**
 * The process's Prometheus metrics, in a registry of its own (several apps may live in one test
 * process). Features record what they own through the metrics declared here; figures that live in
 * the database (pool use, matches by state, offers by status) are read when scraped.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route group and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations by name and kind (query, mutation)',
    labelNames: ['operation', 'kind'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL answers, by code (BAD_USER_INPUT, QUERY_TOO_COMPLEX, INTERNAL_SERVER_ERROR, …)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Jobs run by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly allocationRunDuration = new Histogram({
    name: 'allocation_run_duration_seconds',
    help: 'Allocation runs, by mode and how they ended',
    labelNames: ['mode', 'status'] as const,
    buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [this.registry],
  });

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    const pool = (): PgPool | undefined => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const current = pool();
        this.set({ state: 'total' }, current?.totalCount ?? 0);
        this.set({ state: 'idle' }, current?.idleCount ?? 0);
        this.set({ state: 'waiting' }, current?.waitingCount ?? 0);
      },
    });
    this.countedByDatabase('vicini_matches', 'Matches by state', 'state', 'SELECT state AS label, count(*)::int AS n FROM match GROUP BY state');
    this.countedByDatabase('vicini_offers', 'Offers by status', 'status', 'SELECT status AS label, count(*)::int AS n FROM offer GROUP BY status');
  }

  /** A gauge read from the database when scraped (grouped counts, answered from indexes). */
  private countedByDatabase(name: string, help: string, label: string, sql: string): void {
    const dataSource = this.dataSource;
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        const rows: { label: string; n: number }[] = await dataSource.query(sql);
        this.reset();
        for (const row of rows) this.set({ [label]: row.label }, row.n);
      },
    });
  }

  /** A root field's name fit for a label (`anonymous` when the operation asked none the schema has), from a bounded set. */
  operationLabel(name: string | undefined): string {
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }
}
