import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The single-use links of invitations and claims: `<delegation id>.<secret>`, the secret 32 random
 * bytes of which only the SHA-256 is stored, so neither the database nor its backups can forge one.
 */
export interface LinkSecret {
  secret: string;
  hash: string;
}

export const newLinkSecret = (): LinkSecret => {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
};

export const linkToken = (delegationId: string, secret: string): string => `${delegationId}.${secret}`;

/** The delegation id and secret a link names, if it is well formed. */
export function parseLink(link: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(link.trim());
  return match ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(hash: string | null, secret: string): boolean {
  if (!hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = Buffer.from(sha256(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
