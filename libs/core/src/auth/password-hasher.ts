import * as argon2 from 'argon2';

/** Argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), above OWASP's minimum. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** A hash to verify against when the e-mail is unknown, so both cases take the same time. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-for-unknown-accounts'));
