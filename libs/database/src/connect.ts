import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** The database cannot be reached (or refuses the credentials): the message says where and why, in one line. */
export class DatabaseUnreachableError extends Error {}

/**
 * A connection string fit for a log line: the password masked, all of it up to the host, even
 * when it holds an unencoded `@` or `/` (the host is what follows the last `@` before the path).
 */
export const maskedUrl = (url: string): string => url.replace(/\/\/([^:/@]*):.*@(?=[^@/?#]*(?:[/?#]|$))/, '//$1:***@');

/** Failures that time may fix: the server not up yet, a name not resolvable yet, a server starting or shutting down. */
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P03', '53300']);

/**
 * Waits until PostgreSQL accepts a connection, retrying what time may fix with back-off (0.25 s,
 * doubling to 5 s) for at most `timeoutSeconds`; wrong credentials or a missing database fail at
 * once. `onWait` hears about the first failure only, so a slow start is one line, not a flood.
 */
export async function waitForDatabase(url: string, timeoutSeconds: number, onWait?: (reason: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = 250;
  for (let attempt = 1; ; attempt += 1) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      const reason = `${code ? `${code}: ` : ''}${(error as Error).message}`;
      if (!TRANSIENT.has(code)) throw new DatabaseUnreachableError(`The database at ${maskedUrl(url)} refused the connection (${reason})`);
      if (Date.now() + delay > deadline) {
        throw new DatabaseUnreachableError(`Cannot reach the database at ${maskedUrl(url)} after ${timeoutSeconds} s (${reason}); check DATABASE_URL and that PostgreSQL is running`);
      }
      if (attempt === 1) onWait?.(`Waiting for the database at ${maskedUrl(url)} (${reason}); retrying for up to ${timeoutSeconds} s`);
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}

/** Whether nothing listens on `port` of `host` yet (checked before a long start-up, not a reservation). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
