/**
 * The single-use links e-mailed to people (a password reset, an address to confirm, an invitation
 * or a claim) end in `<uuid>.<secret>`, the secret 32 random bytes in base64url. The database keeps
 * only their hashes; the outbox keeps the message as sent. Once the message has gone, its copy
 * needs the link no more: the secret is cut from it, so that reading the database or a backup
 * gives nobody a working link.
 */
const LINK_SECRET = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/** What replaces a secret in the kept copy. */
export const SECRET_REMOVED = '[rimosso dopo l’invio]';

export function withoutLinkSecrets(text: string): string {
  return text.replace(LINK_SECRET, `$1.${SECRET_REMOVED}`);
}
