import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningEmbeddedUrl } from './embedded-postgres.launcher';

describe('runningEmbeddedUrl: a command-line tool joins the embedded PostgreSQL the platform runs', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vicini-pidfile-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  // postmaster.pid as PostgreSQL writes it: pid, data folder, start time, port, socket folder, …
  const pidFile = (pid: number, port: number): void => writeFileSync(join(dataDir, 'postmaster.pid'), [pid, dataDir, '1796430000', port, '/tmp', 'localhost', ''].join('\n'));

  it('gives the URL of the server running on the folder, on the port it recorded', () => {
    pidFile(process.pid, 54400);
    expect(runningEmbeddedUrl(dataDir, 'vicini')).toBe('postgres://postgres:postgres@127.0.0.1:54400/vicini');
  });

  it('gives nothing when no server runs there: no pid file, or the lock of a process that is gone', () => {
    expect(runningEmbeddedUrl(dataDir, 'vicini')).toBeNull();
    pidFile(2 ** 22 + 12345, 54400);
    expect(runningEmbeddedUrl(dataDir, 'vicini')).toBeNull();
  });
});
