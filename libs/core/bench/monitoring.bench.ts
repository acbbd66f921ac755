/**
 * `npm run bench:monitoring`: fills a fresh embedded PostgreSQL with a national programme
 * (500k shops, 5k offers, 300k requests, 200k matches) and times every monitoring query through
 * the real services, three runs each (the median is printed).
 */
import 'reflect-metadata';
import { MonitoringScale, NATIONAL_SCALE, fillMonitoringData } from './monitoring-data';
import { runPendingMigrations, EmbeddedPostgresServer } from '@vec/database';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserRole } from '../src/auth/user-role';
import { CapacityService } from '../src/monitoring/capacity.service';
import { BreakdownDimension, TimeBucket } from '../src/monitoring/monitoring.types';
import { MonitoringService } from '../src/monitoring/monitoring.service';
import { OpenDataService } from '../src/monitoring/open-data.service';
import { UnmetDemandService } from '../src/monitoring/unmet-demand.service';
import { seedUser } from '../src/testing/seed';
import { openTestDataSource } from '../src/testing/test-database';
import { actingAs, startTestCore } from '../src/testing/test-core';

const TARGET_MS = 1000;

async function main(): Promise<void> {
  const scale: MonitoringScale = process.argv.includes('--small')
    ? { shops: 50_000, providers: 200, offers: 1_000, requests: 30_000, matches: 20_000 }
    : NATIONAL_SCALE;
  // A folder the embedded server creates itself (it may run PostgreSQL as its own system user).
  const dir = join(tmpdir(), `vicini-bench-monitoring-${process.pid}-${Date.now()}`);
  const server = await EmbeddedPostgresServer.start({ dataDir: dir, port: 54500 + Math.floor(Math.random() * 400), database: 'bench' });
  try {
    const migrations = await openTestDataSource(server.url);
    await runPendingMigrations(migrations);
    console.log(`Filling: ${scale.shops} shops, ${scale.offers} offers, ${scale.requests} requests, ${scale.matches} matches`);
    await fillMonitoringData(migrations, scale, console.log);
    await migrations.destroy();

    const core = await startTestCore({ url: server.url });
    const staffActor = await seedUser(core.db, UserRole.MINISTRY);
    const staff = actingAs(staffActor);
    const monitoring = core.app.get(MonitoringService);
    const unmet = core.app.get(UnmetDemandService);
    const capacity = core.app.get(CapacityService);
    const openData = core.app.get(OpenDataService);
    const page = { first: 100, offset: 0 };
    let openDataRuns = 0;
    const queries: [string, () => Promise<unknown>, boolean][] = [
      ['KPIs, all Italy', () => monitoring.kpis(staff, {}), true],
      ['KPIs, Lombardia', () => monitoring.kpis(staff, { regionCode: '03' }), true],
      ['KPIs, Napoli × online store, 30 days', () => monitoring.kpis(staff, { provinceCode: '063', category: 'ONLINE_STORE' as never, from: new Date(Date.now() - 30 * 86_400_000) }), true],
      ['breakdown by region', () => monitoring.breakdown(staff, {}, BreakdownDimension.REGION), true],
      ['breakdown by province', () => monitoring.breakdown(staff, {}, BreakdownDimension.PROVINCE), true],
      ['breakdown by category', () => monitoring.breakdown(staff, {}, BreakdownDimension.CATEGORY), true],
      ['breakdown by ATECO section', () => monitoring.breakdown(staff, {}, BreakdownDimension.SECTOR), true],
      ['time series, 12 weeks', () => monitoring.timeSeries(staff, {}, TimeBucket.WEEK), false],
      ['time series, 30 days', () => monitoring.timeSeries(staff, {}, TimeBucket.DAY), false],
      ['unmet demand (province × category)', () => unmet.list(staff, {}, page), false],
      ['capacity burn-down per offer', () => capacity.byOffer(staff, {}, {}, page), false],
      ['capacity burn-down per provider', () => capacity.byProvider(staff, {}, page), false],
      // Each run two minutes later than the last: the one-minute cache would otherwise answer it.
      ['open data aggregates (uncached)', () => openData.aggregates(actingAs(staffActor, new Date(Date.now() + ++openDataRuns * 120_000))), false],
      ['public figures', () => openData.figures(staff), false],
    ];
    console.log(`\n${'query'.padEnd(40)} ${'median ms'.padStart(10)} ${'runs ms'.padStart(22)}  target`);
    let failures = 0;
    for (const [label, run, targeted] of queries) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      const median = [...times].sort((a, b) => a - b)[1];
      const verdict = targeted ? (median < TARGET_MS ? 'PASS (< 1 s)' : 'FAIL (≥ 1 s)') : '';
      if (targeted && median >= TARGET_MS) failures++;
      console.log(`${label.padEnd(40)} ${median.toFixed(0).padStart(10)} ${times.map((t) => t.toFixed(0)).join(' / ').padStart(22)}  ${verdict}`);
    }
    await core.close();
    if (process.argv.includes('--keep')) {
      // For EXPLAIN ANALYZE by hand: the data stays until Ctrl-C.
      console.log(`\nData kept at ${server.url} — Ctrl-C to stop`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
    console.log(failures ? `\n${failures} KPI/breakdown queries over target` : '\nEvery KPI and breakdown query answered in under a second.');
    process.exitCode = failures ? 1 : 0;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
