import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BENCHMARK_INSTANCES } from './benchmark-specs';
import { EngineRun, ReferenceRun } from './benchmark-run';
import { count, evaluateTargets, formatTargets, InstanceResult, seconds } from './benchmark-targets';

/**
 * `npm run bench:allocate`: national-scale synthetic instances on the real Italian territory.
 * For each, the allocator and the references run one after the other, each in a child process
 * of its own (peak memory is the child's maxRSS), from the same prepared candidate network:
 *
 * - engine: the exact allocator from the network to its answer (its own graph and state
 *   construction included), and allocate() end to end;
 * - max flow: a plain Dinic on the same layered network, built with typed arrays (served only);
 * - first come first served: requests in creation order, first eligible offer with room;
 * - HiGHS: the LP optimum (maximise served, then minimise cost), where it finishes in time;
 * - oracle: an independent min-cost maximum flow (cost scaling), where it finishes in time.
 *
 * Every time is CPU time. Then each target is checked and printed with its figures.
 * `BENCH_ONLY=name,name` runs only the instances whose names contain one of those words;
 * `BENCH_TIMEOUT_MIN` bounds each child (default 20 minutes).
 */
const runner = join(__dirname, 'benchmark-run.ts');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 20) * 60_000;

function child<T>(mode: 'engine' | 'reference', index: number): T | null {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', runner, mode, String(index)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: timeoutMs,
  });
  const elapsed = ((performance.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    process.stderr.write(`  ${mode} run of instance ${index} failed after ${elapsed} s (exit ${result.status}, ${result.signal ?? 'no signal'})\n`);
    return null;
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function main(): void {
  const only = process.env.BENCH_ONLY?.split(',').map((word) => word.trim()).filter((word) => word.length > 0);
  const results: InstanceResult[] = [];
  BENCHMARK_INSTANCES.forEach((instance, index) => {
    if (only && !only.some((word) => instance.spec.name.includes(word))) return;
    process.stderr.write(`${instance.spec.name}: engine…\n`);
    const engine = child<EngineRun>('engine', index);
    process.stderr.write(`${instance.spec.name}: references…\n`);
    const reference = child<ReferenceRun>('reference', index);
    results.push({ instance, engine, reference });
  });

  const header = [
    'instance', 'options/req', 'edges', 'engine s', 'allocate() s', 'peak RSS MB', 'served', 'total cost', 'certified',
    'max-flow s', 'ratio', 'FCFS served', 'HiGHS s', 'oracle s',
  ];
  const rows = results.map(({ instance, engine, reference }) => [
    instance.spec.name,
    engine ? engine.eligiblePerRequest.toFixed(1) : '-',
    engine ? count(engine.edges) : '-',
    engine ? seconds(engine.solveMs) : 'failed',
    engine ? seconds(engine.allocateMs) : '-',
    engine ? engine.peakRssMb.toFixed(0) : '-',
    engine ? count(engine.served) : '-',
    engine ? count(engine.totalCost) : '-',
    engine ? (engine.certified ? 'yes' : 'NO') : '-',
    engine ? seconds(engine.maxFlowMs) : 'failed',
    engine ? `${(engine.solveMs / engine.maxFlowMs).toFixed(2)}×` : '-',
    reference ? count(reference.fcfsServed) : '-',
    reference?.highs ? seconds(reference.highs.solveMs) : '-',
    reference?.oracle ? seconds(reference.oracle.solveMs) : '-',
  ]);
  process.stdout.write(`${table([header, ...rows])}\n`);
  process.stdout.write(
    `CPU time on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; engine and max-flow alternate in one process: 12 warm-up runs on a 5k instance, then on the instance 5 untimed + median of 11 runs up to 50k requests, 1 + median of 3 up to 200k, 1 run above; allocate(): one cold run; HiGHS: both LP solves; oracle: one run\n\n`,
  );
  for (const { instance, engine } of results) {
    if (!engine) continue;
    const phases = Object.entries(engine.phaseMs).map(([phase, ms]) => `${phase} ${seconds(ms)} s`).join(', ');
    const gcs = `${engine.fullGcs.count} full collection${engine.fullGcs.count === 1 ? '' : 's'} (${seconds(engine.fullGcs.ms)} s of the main thread)`;
    process.stdout.write(`${instance.spec.name}: ${phases}; ${gcs}; ${JSON.stringify(engine.stats)}\n`);
  }
  process.stdout.write(`\n${formatTargets(evaluateTargets(results))}\n`);
}

main();
