import { ImportErrorCode, ImportException } from './import.exception';

/** How long an upload refused because others are running is asked to wait, in seconds. */
export const IMPORT_RETRY_SECONDS = 30;

/**
 * Imports one process runs at once. An all-or-nothing import holds two of the pool's ten
 * connections for its whole length (its transaction, and its progress written beside it so that
 * it can be followed), so without a bound ten of them would take every connection and wait on
 * each other: the API would stop answering. Three leave the requests most of the pool.
 */
export const MAX_RUNNING_IMPORTS = 3;

/** Lets an import start when its account has none running here and fewer than MAX_RUNNING_IMPORTS are. */
export class ImportGate {
  private readonly running = new Set<string>();

  /** Enters for `account`, or refuses at once (nothing queues); the returned function leaves. */
  enter(account: string): () => void {
    if (this.running.has(account)) throw new ImportException(ImportErrorCode.ALREADY_RUNNING);
    if (this.running.size >= MAX_RUNNING_IMPORTS) throw new ImportException(ImportErrorCode.BUSY, { limit: IMPORT_RETRY_SECONDS });
    this.running.add(account);
    return () => this.running.delete(account);
  }
}
