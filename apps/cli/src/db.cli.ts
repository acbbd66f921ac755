import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { ALL_ENTITIES, openDatabase, validateEnvironment } from '@vec/core';
import { buildDataSourceOptions, pendingSchemaChanges, runPendingMigrations } from '@vec/database';
import { DataSource } from 'typeorm';

const USAGE = `Usage: npm run db -- <command>
  run              apply pending migrations
  revert           undo the last applied migration
  show             list migrations and whether each is applied
  check            fail when the entities and the migrations disagree
  generate <Name>  write a migration with the SQL that brings the schema to the entities`;

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(buildDataSourceOptions(url, ALL_ENTITIES)).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['run', 'revert', 'show', 'check', 'generate'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    console.error('generate needs a migration name in PascalCase, e.g. `npm run db -- generate AddOffers`');
    return 2;
  }
  const env = validateEnvironment(process.env);
  const database = await openDatabase(env, (line) => console.log(line));
  try {
    return await withDataSource(database.url, async (dataSource) => {
      switch (command) {
        case 'run': {
          const applied = await runPendingMigrations(dataSource);
          console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
          return 0;
        }
        case 'revert':
          await dataSource.undoLastMigration({ transaction: 'each' });
          console.log('Reverted the last migration');
          return 0;
        case 'show': {
          const applied = new Set((await dataSource.query('SELECT name FROM schema_migration')).map((r: { name: string }) => r.name));
          for (const migration of dataSource.migrations) {
            console.log(`${applied.has(migration.name ?? '') ? '[x]' : '[ ]'} ${migration.name}`);
          }
          return 0;
        }
        case 'check': {
          await runPendingMigrations(dataSource);
          const changes = await pendingSchemaChanges(dataSource);
          if (changes.length === 0) {
            console.log('Entities and migrations agree');
            return 0;
          }
          console.error(`Entities and migrations disagree; missing SQL:\n${changes.join(';\n')}`);
          return 1;
        }
        default: {
          await runPendingMigrations(dataSource);
          // TypeORM's own generator writes the file; it runs against the database just migrated.
          const result = spawnSync(
            process.execPath,
            [
              '-r', 'ts-node/register/transpile-only',
              '-r', 'tsconfig-paths/register',
              require.resolve('typeorm/cli.js'),
              'migration:generate', `libs/database/src/migrations/${name}`,
              '-d', 'apps/cli/src/data-source.ts',
              '--pretty',
            ],
            { stdio: 'inherit', env: { ...process.env, DATABASE_URL: database.url } },
          );
          if (result.status === 0) console.log(`Now add ${name} to libs/database/src/migrations/index.ts`);
          return result.status ?? 1;
        }
      }
    });
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
