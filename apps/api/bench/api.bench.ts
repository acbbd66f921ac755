/**
 * `npm run bench:api`: the API against the floor of its own SQL. A fresh embedded PostgreSQL with
 * the demo; the statements the API sends for each operation are recorded once, then a plain
 * node:http + pg server replays exactly those, and autocannon drives both, interleaved, with 20
 * connections. Each query is sent the way the web app sends it: by GET, with `__typename` in every
 * selection, as the hash of its text (automatic persisted queries, registered once) and the
 * header the CSRF protection asks for. Targets: GraphQL ≥ 0.5× the raw throughput for the comune
 * search, ≥ 0.33× for the others, p99 ≤ 3× the raw p99. Then the same with two API processes on
 * one database, and where the CPU goes.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ALL_ENTITIES, seedDemo } from '@vec/core';
import { buildDataSourceOptions, EmbeddedPostgresServer, runPendingMigrations } from '@vec/database';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print } from 'graphql';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureHttp } from '../src/http/configure-http';
import { API_MAIN, freePort } from '../test/testing/spawned-api';
import { webOperations } from '../test/testing/web-operations';
import { startRawServer } from './raw-server';
import { Statement, StatementRecorder } from './statement-recorder';

const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Production settings, without the throttles (the load comes from one address) and without metrics. */
const BENCH_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'Bn4rT7yU2iO9pA1sD6fG3hJ8kL0zX5cV-mQ_wE7rT2yU4iO',
  RATE_LIMIT_PER_MINUTE: '0',
  THROTTLE_LOGIN_PER_ADDRESS: '1000000',
  THROTTLE_REFRESH_PER_ADDRESS: '1000000',
  METRICS_PORT: '0',
  MIGRATIONS_RUN: 'false',
  SEED_DEMO: 'false',
  RUN_WORKER: 'false',
  // Required in production; no e-mail is sent while benchmarking.
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'noreply@vicini.example',
  APP_URL: 'https://vicini.example',
};

interface Scenario {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  token?: string;
  target: number;
}

interface Persisted {
  operation: string;
  variables: Record<string, unknown>;
  token?: string;
  query: string;
}

/** A query as the web app asks it: GET, its variables and the hash of its text in the URL. */
function persistedPath(path: string, scenario: Persisted): string {
  const hash = createHash('sha256').update(scenario.query).digest('hex');
  const params = new URLSearchParams({
    operationName: scenario.operation,
    variables: JSON.stringify(scenario.variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  return `${path}?${params.toString()}`;
}

const authorization = (scenario: Persisted): Record<string, string> => (scenario.token ? { authorization: `Bearer ${scenario.token}` } : {});

/** Registers each query's text under its hash with an API process (what the web app's first ask does). */
async function register(base: string, scenarios: Persisted[]): Promise<void> {
  for (const scenario of scenarios) {
    const hash = createHash('sha256').update(scenario.query).digest('hex');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization(scenario) },
      body: JSON.stringify({ query: scenario.query, variables: scenario.variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${scenario.operation}: ${JSON.stringify(body.errors)}`);
  }
}

/** One persisted GET, checked to answer without errors. */
async function getPersisted(base: string, scenario: Persisted): Promise<void> {
  const response = await fetch(`${base}${persistedPath('/graphql', scenario)}`, { headers: { 'apollo-require-preflight': 'true', ...authorization(scenario) } });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${scenario.operation}: ${JSON.stringify(body.errors)}`);
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, connections = CONNECTIONS, seconds = SECONDS): Promise<Measured> {
  const result = await autocannon({ url, connections, duration: seconds, method: 'GET', headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CPU seconds (user + system) of a process, and of its children already reaped. */
function cpuSeconds(pid: number, withReapedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // After the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14), in clock ticks.
    return (fields[11] + fields[12] + (withReapedChildren ? fields[13] + fields[14] : 0)) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and every backend it runs. */
function postgresCpu(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    });
  return cpuSeconds(postmaster, true) + children.reduce((total, pid) => total + cpuSeconds(Number(pid)), 0);
}

async function spawnApi(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), API_MAIN], { env: { ...process.env, ...BENCH_ENV, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let waited = 0; waited < 60_000; waited += 200) {
    if ((await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status, () => 0)) === 200) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not start');
}

async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error('Build first: npm run build (npm run bench:api does)');
  const dataDir = join(tmpdir(), `vicini-bench-api-${process.pid}-${Date.now()}`);
  const database = await EmbeddedPostgresServer.start({ dataDir, port: await freePort(), database: 'bench' });
  const children: ChildProcess[] = [];
  try {
    const setup = await new DataSource(buildDataSourceOptions(database.url, ALL_ENTITIES)).initialize();
    await runPendingMigrations(setup);
    await seedDemo(setup);
    await setup.destroy();

    // One request of each operation through the API in this process, its SQL recorded.
    const recording = await NestFactory.create<NestExpressApplication>(AppModule.register({ databaseUrl: database.url, worker: false, env: { ...BENCH_ENV, DATABASE_URL: database.url, LOG_LEVEL: 'error' } }), { logger: ['error'] });
    configureHttp(recording);
    await recording.listen(0, '127.0.0.1');
    const recorder = new StatementRecorder(recording.get(DataSource));
    const base = await recording.getUrl();
    const graphql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const login = async (email: string): Promise<string> =>
      (await graphql<{ login: { accessToken: string } }>('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: 'vicini-demo-2026' } })).login.accessToken;
    const shop = await login('negozio@vicini.demo');
    const ministry = await login('ministero@vicini.demo');
    const requests = await graphql<{ myHelpRequests: { items: { id: string }[] }; myShop: { comuneCode: string } }>(
      '{ myHelpRequests(filter: {}, first: 1) { items { id } } myShop { comuneCode } }',
      {},
      shop,
    );
    const helpRequestId = requests.myHelpRequests.items[0]?.id;
    if (!helpRequestId) throw new Error('the demo shop has no request');

    // As Apollo Client sends them: __typename in every selection set.
    const documents = new Map(webOperations().map((operation) => [operation.name, print(addTypenameToDocument(operation.document))]));
    const allScenarios: Scenario[] = [
      { name: 'comuni search', operation: 'SearchComuni', variables: { search: 'tor', first: 8 }, target: 0.5 },
      { name: 'public catalogue page', operation: 'OfferCatalogue', variables: { filter: {}, first: 20, offset: 0 }, target: 0.33 },
      { name: 'offers(first: 20) as a shop', operation: 'CategoryOffers', variables: { category: 'ONLINE_STORE', outsideComuneCode: requests.myShop.comuneCode, first: 20, offset: 0 }, token: shop, target: 0.33 },
      { name: 'offerRecommendations', operation: 'OfferRecommendations', variables: { helpRequestId, first: 20 }, token: shop, target: 0.33 },
      { name: 'dashboard KPIs', operation: 'DashboardKpis', variables: { filter: {} }, token: ministry, target: 0.33 },
    ];
    // BENCH_ONLY=SearchComuni (an operation name) measures that one alone, e.g. to profile it.
    const scenarios = allScenarios
      .filter((scenario) => !process.env.BENCH_ONLY || scenario.operation === process.env.BENCH_ONLY)
      .map((scenario) => {
        const query = documents.get(scenario.operation);
        if (!query) throw new Error(`no web operation ${scenario.operation}`);
        return { ...scenario, query };
      });
    const routes: Record<string, Statement[]> = {};
    await register(base, scenarios);
    for (const scenario of scenarios) {
      // The second request: the first also fills the caches (territory, …) that later ones read.
      await getPersisted(base, scenario);
      routes[`/${scenario.operation}`] = await recorder.during(() => getPersisted(base, scenario));
      if (process.env.BENCH_SHOW_SQL) console.log(scenario.name, routes[`/${scenario.operation}`].map((s) => s.text.replace(/\s+/g, ' ').slice(0, 300)));
    }
    if (process.env.BENCH_SHOW_SQL) process.exit(0);
    await recording.close();

    const raw = await startRawServer(database.url, routes);
    const api = await spawnApi(database.url);
    children.push(api.child);
    await register(`http://127.0.0.1:${api.port}`, scenarios);
    console.log(`\nAPI vs raw node:http + pg, ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${ROUNDS} interleaved runs (demo data)\n`);
    console.log('| operation | statements | raw req/s | API req/s | ratio | target | raw p99 | API p99 | p99 ratio | result |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    const results: boolean[] = [];
    for (const scenario of scenarios) {
      const headers: Record<string, string> = scenario.token ? { authorization: `Bearer ${scenario.token}` } : {};
      const apiUrl = `http://127.0.0.1:${api.port}${persistedPath('/graphql', scenario)}`;
      await load(apiUrl, headers, CONNECTIONS, 2);
      const rawRuns: Measured[] = [];
      const apiRuns: Measured[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        rawRuns.push(await load(`http://127.0.0.1:${raw.port}${persistedPath(`/${scenario.operation}`, scenario)}`, headers));
        apiRuns.push(await load(apiUrl, headers));
      }
      const rawRps = median(rawRuns.map((r) => r.rps));
      const apiRps = median(apiRuns.map((r) => r.rps));
      const rawP99 = median(rawRuns.map((r) => r.p99));
      const apiP99 = median(apiRuns.map((r) => r.p99));
      const errors = apiRuns.reduce((total, r) => total + r.errors, 0) + rawRuns.reduce((total, r) => total + r.errors, 0);
      const pass = apiRps >= scenario.target * rawRps && apiP99 <= 3 * Math.max(rawP99, 1) && errors === 0;
      results.push(pass);
      console.log(
        `| ${scenario.name} | ${routes[`/${scenario.operation}`].length} | ${rawRps.toFixed(0)} | ${apiRps.toFixed(0)} | ${(apiRps / rawRps).toFixed(2)} | ≥ ${scenario.target} | ${rawP99} ms | ${apiP99} ms | ${(apiP99 / Math.max(rawP99, 1)).toFixed(2)} | ${pass ? 'PASS' : 'FAIL'}${errors ? ` (${errors} errors)` : ''} |`,
      );
    }

    // Two API processes on one database, the same 20 connections split between them.
    const second = await spawnApi(database.url);
    children.push(second.child);
    const search = scenarios[0];
    await register(`http://127.0.0.1:${second.port}`, [search]);
    const measureCpu = async (ports: number[]): Promise<{ rps: number; api: number; postgres: number; loader: number }> => {
      const pids = [api, second].filter((p) => ports.includes(p.port)).map((p) => p.child.pid ?? 0);
      const before = { api: pids.reduce((t, pid) => t + cpuSeconds(pid), 0), postgres: postgresCpu(database.dataDir), loader: process.cpuUsage() };
      const runs = await Promise.all(ports.map((port) => load(`http://127.0.0.1:${port}${persistedPath('/graphql', search)}`, {}, CONNECTIONS / ports.length)));
      const loader = process.cpuUsage(before.loader);
      return {
        rps: runs.reduce((total, run) => total + run.rps, 0),
        api: pids.reduce((t, pid) => t + cpuSeconds(pid), 0) - before.api,
        postgres: postgresCpu(database.dataDir) - before.postgres,
        loader: (loader.user + loader.system) / 1e6,
      };
    };
    const one = await measureCpu([api.port]);
    const two = await measureCpu([api.port, second.port]);
    console.log(`\nComuni search, ${CONNECTIONS} connections, ${SECONDS} s: CPU seconds spent (2 cores: at most ${2 * SECONDS} s)\n`);
    console.log('| API processes | req/s | API processes | PostgreSQL | load generator |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const [n, run] of [[1, one], [2, two]] as const) {
      console.log(`| ${n} | ${run.rps.toFixed(0)} | ${run.api.toFixed(1)} s | ${run.postgres.toFixed(1)} s | ${run.loader.toFixed(1)} s |`);
    }
    console.log(`\nTwo processes serve ${(two.rps / one.rps).toFixed(2)}× one.`);
    await raw.close();
    console.log(`\n${results.every(Boolean) ? 'Every target PASSES' : 'Some targets FAIL'}`);
    process.exitCode = results.every(Boolean) ? 0 : 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
