// The built API (dist/apps/api) started as an operator starts it: its own process, its own
// environment, its output captured. `npm test` builds before the database tiers run.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
export const WORKER_MAIN = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Spawned {
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with its exit code once it ends. */
  exited: Promise<number | null>;
}

/**
 * Starts a built entry point with `env` on top of this process's environment (undefined removes a
 * variable). With `ownProcessGroup` it leads a process group of its own, as a command started in a
 * terminal does: `process.kill(-pid, signal)` then signals the whole group, as Ctrl-C does.
 */
export function spawnBuilt(main: string, env: Record<string, string | undefined>, cwd = ROOT, options: { ownProcessGroup?: boolean } = {}): Spawned {
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (\`npm run build\`; \`npm test\` does it)`);
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const child = spawn(process.execPath, [main], { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownProcessGroup ?? false });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** Polls `url` until it answers 200, failing with the process's output after `timeoutMs`. */
export async function waitUntilReady(url: string, spawned: Spawned, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    if (spawned.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready at ${url}:\n${spawned.output()}`);
}

/** The JSON log lines printed so far. */
export function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The JSON body of a GraphQL request sending a typed document, for the spawned processes. */
export const graphqlBody = <R, V>(document: TypedDocumentNode<R, V>, variables?: V): string => JSON.stringify({ query: print(document), variables });
