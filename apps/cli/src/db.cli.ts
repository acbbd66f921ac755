import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { validateDatabaseEnvironment } from '@vec/core';
import { pendingSchemaChanges, runPendingMigrations } from '@vec/database';
import { revertLastMigration, withSchema } from './schema-commands';

const USAGE = `Usage: npm run db -- <command>
  run              apply pending migrations
  revert           undo the last applied migration
  show             list migrations and whether each is applied
  check            fail when the entities and the migrations disagree
  generate <Name>  write a migration with the SQL that brings the schema to the entities
The same as npm run migration:run, migration:revert, migration:check and migration:generate -- <Name>.`;

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
  const env = validateDatabaseEnvironment(process.env);
  return withSchema(env, { log: (line) => console.log(line) }, async (dataSource, url) => {
    switch (command) {
      case 'run': {
        const applied = await runPendingMigrations(dataSource);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
        return 0;
      }
      case 'revert': {
        const reverted = await revertLastMigration(dataSource);
        console.log(reverted ? `Reverted ${reverted}` : 'No migration to revert');
        return 0;
      }
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
          { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
        );
        if (result.status === 0) console.log(`Now add ${name} to libs/database/src/migrations/index.ts`);
        return result.status ?? 1;
      }
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
