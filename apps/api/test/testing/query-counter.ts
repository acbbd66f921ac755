import { DataSource, Logger, QueryRunner } from 'typeorm';

/** Counts the SQL statements the app sends, by wrapping TypeORM's query logger. */
export class QueryCounter {
  private count = 0;
  private readonly original: Logger;

  constructor(private readonly dataSource: DataSource) {
    this.original = dataSource.logger;
    const counting: Logger = {
      logQuery: (query: string, parameters?: unknown[], runner?: QueryRunner) => {
        this.count += 1;
        this.original.logQuery(query, parameters, runner);
      },
      logQueryError: (...args) => this.original.logQueryError(...args),
      logQuerySlow: (...args) => this.original.logQuerySlow(...args),
      logSchemaBuild: (...args) => this.original.logSchemaBuild(...args),
      logMigration: (...args) => this.original.logMigration(...args),
      log: (...args) => this.original.log(...args),
    };
    Object.assign(dataSource, { logger: counting });
  }

  /** Statements sent while `work` runs. */
  async during(work: () => Promise<unknown>): Promise<number> {
    const before = this.count;
    await work();
    return this.count - before;
  }

  restore(): void {
    Object.assign(this.dataSource, { logger: this.original });
  }
}
