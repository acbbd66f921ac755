import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCHMARK_SPECS } from './benchmark-specs';
import { EngineRun, ReferenceRun } from './benchmark-run';

/**
 * `npm run bench:allocate`: national-scale synthetic instances on the real Italian territory.
 * For each, the allocator and the references run one after the other, each in a child process
 * of its own (peak memory is the child's maxRSS), from the same prepared candidate network:
 *
 * - engine: the exact allocator from the network to its answer (its own graph and state
 *   construction included), and allocate() end to end;
 * - max flow: a plain Dinic on the same layered network, built with typed arrays (served only);
 * - first come first served: requests in creation order, first eligible offer with room;
 * - HiGHS: the LP optimum (maximise served, then minimise cost), where it finishes in time.
 *
 * Engine and max-flow times are medians of 3 runs up to 200k requests, single runs above;
 * HiGHS runs once. Then each target is checked and printed with its figures.
 */
const runner = join(__dirname, 'benchmark-run.ts');

function child<T>(mode: 'engine' | 'reference', index: number): T {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', runner, mode, String(index)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${mode} run of instance ${index} failed (exit ${result.status})`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const count = (n: number): string => n.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function main(): void {
  const results: { name: string; engine: EngineRun; reference: ReferenceRun }[] = [];
  BENCHMARK_SPECS.forEach((spec, index) => {
    process.stderr.write(`${spec.name}: engine…\n`);
    const engine = child<EngineRun>('engine', index);
    process.stderr.write(`${spec.name}: references…\n`);
    const reference = child<ReferenceRun>('reference', index);
    results.push({ name: spec.name, engine, reference });
  });

  const header = [
    'instance', 'eligible/req', 'network s', 'engine s', 'allocate() s', 'peak RSS MB', 'served', 'total cost', 'certified',
    'max-flow s', 'max-flow served', 'FCFS served', 'HiGHS s', 'HiGHS served', 'HiGHS cost',
  ];
  const rows = results.map(({ name, engine, reference }) => [
    name,
    engine.eligiblePerRequest.toFixed(2),
    seconds(reference.networkMs),
    seconds(engine.solveMs),
    seconds(engine.allocateMs),
    `${engine.peakRssMb.toFixed(0)} (${engine.rssBeforeMb.toFixed(0)} before)`,
    count(engine.served),
    count(engine.totalCost),
    engine.certified ? 'yes' : 'NO',
    seconds(reference.maxFlowMs),
    count(reference.maxFlowServed),
    count(reference.fcfsServed),
    reference.highs ? seconds(reference.highs.solveMs) : '-',
    reference.highs ? count(reference.highs.served) : '-',
    reference.highs ? count(reference.highs.totalCost) : '-',
  ]);
  process.stdout.write(`${table([header, ...rows])}\n`);
  process.stdout.write('engine, max-flow: median of 3 runs (1 run at 1M), after 12 warm-up runs on a 5k instance; network: the shared candidate build; HiGHS: one run, LP solve only\n\n');

  const targets: [string, boolean, string][] = [];
  for (const { name, engine, reference } of results) {
    targets.push([`served = max-flow optimum, ${name}`, engine.served === reference.maxFlowServed, `${count(engine.served)} vs ${count(reference.maxFlowServed)}`]);
    if (reference.highs) {
      const { highs } = reference;
      targets.push([`cost = LP optimum, ${name}`, engine.totalCost === highs.totalCost && engine.served === highs.served, `${count(engine.totalCost)} vs ${count(highs.totalCost)}`]);
      const speedup = highs.solveMs / engine.solveMs;
      targets.push([`≥ 100× faster than HiGHS, ${name}`, speedup >= 100, `${speedup.toFixed(0)}× (${seconds(engine.solveMs)} s vs ${seconds(highs.solveMs)} s)`]);
    }
  }
  const contested = results.find((r) => r.name === '200k x 5k, ~25 options');
  if (contested) {
    const ratio = contested.engine.solveMs / contested.reference.maxFlowMs;
    targets.push([`≤ ¼ of max-flow time, ${contested.name}`, ratio <= 0.25, `${ratio.toFixed(2)} × (${seconds(contested.engine.solveMs)} s vs ${seconds(contested.reference.maxFlowMs)} s)`]);
  }
  process.stdout.write(`${targets.map(([what, ok, figures]) => `${ok ? 'PASS' : 'FAIL'}  ${what}: ${figures}`).join('\n')}\n`);
}

main();
