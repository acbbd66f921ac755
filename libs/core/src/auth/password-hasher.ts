import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm.Argon2id of the package's const enum (not importable under isolatedModules).
const ARGON2ID = 2;

/**
 * Argon2id with 19 MiB of memory, 2 passes and 1 lane: OWASP's recommended minimum, and quick
 * enough that a login stays well under 100 ms on a small server.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-for-unknown-accounts'));

/** A strong password to hand out once (120 random bits, URL-safe). */
export const generatePassword = (): string => randomBytes(15).toString('base64url');
