import { EmbeddedPostgresServer, runningEmbeddedUrl, waitForDatabase } from '@vec/database';
import type { DatabaseEnvironment } from './validate-environment';

export interface DatabaseConnection {
  url: string;
  /** True when this process started an embedded PostgreSQL it must stop. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Uses DATABASE_URL when set (waiting for it to answer); otherwise starts (or reuses the data of)
 * the embedded PostgreSQL. With `joinRunning` (the command-line tools), an embedded PostgreSQL the
 * platform is running on the same folder is used as it is, and left running.
 */
export async function openDatabase(env: DatabaseEnvironment, log: (line: string) => void, options: { joinRunning?: boolean } = {}): Promise<DatabaseConnection> {
  if (env.DATABASE_URL) {
    await waitForDatabase(env.DATABASE_URL, env.DATABASE_CONNECT_TIMEOUT_SECONDS, log);
    return { url: env.DATABASE_URL, embedded: false, close: async () => undefined };
  }
  const running = options.joinRunning ? runningEmbeddedUrl(env.EMBEDDED_PG_DIR, 'vicini') : null;
  if (running) {
    await waitForDatabase(running, env.DATABASE_CONNECT_TIMEOUT_SECONDS, log);
    return { url: running, embedded: false, close: async () => undefined };
  }
  const started = Date.now();
  const server = await EmbeddedPostgresServer.start({
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    database: 'vicini',
  });
  log(`Embedded PostgreSQL ready on port ${env.EMBEDDED_PG_PORT} (data in ${server.dataDir}) in ${Date.now() - started} ms`);
  return { url: server.url, embedded: true, close: () => server.stop() };
}
