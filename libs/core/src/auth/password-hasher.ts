import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm.Argon2id of the package's const enum (not importable under isolatedModules).
const ARGON2ID = 2;

/**
 * Argon2id with 19 MiB of memory, 2 passes and 1 lane: OWASP's recommended minimum, and quick
 * enough that a login stays well under 100 ms on a small server.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * A password as hashed: Unicode NFKC, so that "caffè" typed as one character or as "e" and an
 * accent (as some keyboards and copy-paste give it), or with full-width letters, is the same
 * password (NIST SP 800-63B, 5.1.1.2).
 */
const normalised = (password: string): string => password.normalize('NFKC');

export const hashPassword = (password: string): Promise<string> => hash(normalised(password), OPTIONS);

/**
 * Whether the password is the one hashed. Hashes made before passwords were normalised hold the
 * characters as typed then: a password whose normal form differs is also tried as typed.
 */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  const check = (candidate: string): Promise<boolean> => verify(passwordHash, candidate).catch(() => false);
  if (await check(normalised(password))) return true;
  return normalised(password) !== password && check(password);
};

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-for-unknown-accounts'));

/** A strong password to hand out once (120 random bits, URL-safe). */
export const generatePassword = (): string => randomBytes(15).toString('base64url');
