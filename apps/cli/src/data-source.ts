import 'reflect-metadata';
import { ALL_ENTITIES } from '@vec/core';
import { buildDataSourceOptions } from '@vec/database';
import { DataSource } from 'typeorm';

/** For TypeORM's own CLI (migration:generate); `npm run db` sets DATABASE_URL before it runs. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run migrations through `npm run db`.');

export default new DataSource(buildDataSourceOptions(url, ALL_ENTITIES));
