import { isUUID } from 'class-validator';

/**
 * Whether a value is written as PostgreSQL's uuid type reads it (8-4-4-4-12 hexadecimal digits).
 * An id from a path, a token or a link is checked with this before any lookup, so that a
 * malformed one is simply not found, never a database error.
 */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && isUUID(value, 'all');
