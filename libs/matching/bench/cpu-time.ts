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
