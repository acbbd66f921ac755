import { DataSource, Logger, QueryRunner } from 'typeorm';

export interface Statement {
  text: string;
  values: unknown[];
}

/** Records the SQL statements (with their parameters) the app sends, by wrapping TypeORM's logger. */
export class StatementRecorder {
  private recording: Statement[] | null = null;
  private readonly original: Logger;

  constructor(dataSource: DataSource) {
    this.original = dataSource.logger;
    const original = this.original;
    const recorder: Logger = {
      logQuery: (query: string, parameters?: unknown[], runner?: QueryRunner) => {
        this.recording?.push({ text: query, values: parameters ?? [] });
        original.logQuery(query, parameters, runner);
      },
      logQueryError: (...args) => original.logQueryError(...args),
      logQuerySlow: (...args) => original.logQuerySlow(...args),
      logSchemaBuild: (...args) => original.logSchemaBuild(...args),
      logMigration: (...args) => original.logMigration(...args),
      log: (...args) => original.log(...args),
    };
    Object.assign(dataSource, { logger: recorder });
  }

  /** The statements sent while `work` runs, in order. */
  async during(work: () => Promise<unknown>): Promise<Statement[]> {
    this.recording = [];
    try {
      await work();
      return this.recording;
    } finally {
      this.recording = null;
    }
  }
}
