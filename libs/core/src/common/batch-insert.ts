import { ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per statement: well under PostgreSQL's 65,535 bound parameters for any of our tables. */
export const INSERT_CHUNK = 1000;

/**
 * Inserts many rows in a few statements (an allocation run writes thousands of matches, their
 * history, audit events and notifications in one transaction).
 */
export async function insertInChunks<E extends ObjectLiteral>(repository: Repository<E>, rows: readonly QueryDeepPartialEntity<E>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await repository.insert(rows.slice(i, i + INSERT_CHUNK));
}
