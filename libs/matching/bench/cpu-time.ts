/**
 * CPU time of this process (user + system), in ms. Unlike wall time it does not grow when other
 * work shares the machine, so the engine and its references can be compared on a busy machine.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median CPU time of `runs` calls of f (runs ≥ 1), and the last result. */
export function timed<T>(runs: number, f: () => T): { ms: number; result: T } {
  let started = cpuMs();
  let result = f();
  const times = [cpuMs() - started];
  for (let i = 1; i < runs; i++) {
    started = cpuMs();
    result = f();
    times.push(cpuMs() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

/**
 * Two computations timed side by side: `untimed` rounds first, then `timed` rounds, each round
 * running a then b, so that both meet the same machine load and the same garbage to collect.
 * Returns each one's median CPU time and last result.
 */
export function interleaved<A, B>(untimed: number, timedRuns: number, a: () => A, b: () => B): { a: { ms: number; result: A }; b: { ms: number; result: B } } {
  for (let i = 0; i < untimed; i++) {
    a();
    b();
  }
  const first = timed(1, a);
  const second = timed(1, b);
  const aTimes = [first.ms];
  const bTimes = [second.ms];
  let aResult = first.result;
  let bResult = second.result;
  for (let i = 1; i < timedRuns; i++) {
    const ra = timed(1, a);
    const rb = timed(1, b);
    aTimes.push(ra.ms);
    bTimes.push(rb.ms);
    aResult = ra.result;
    bResult = rb.result;
  }
  const median = (times: number[]): number => times.sort((x, y) => x - y)[Math.floor(times.length / 2)];
  return { a: { ms: median(aTimes), result: aResult }, b: { ms: median(bTimes), result: bResult } };
}
