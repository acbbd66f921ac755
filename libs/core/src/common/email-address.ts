import { domainToASCII } from 'node:url';

/**
 * An e-mail address in the one form the platform stores and compares: trimmed, NFKC (full-width
 * letters are plain ones), lower case, and its domain in ASCII (IDNA: an accented or Cyrillic
 * domain becomes `xn--…`, which staff can tell from the Latin one; invisible characters are
 * dropped or leave the domain empty, hence invalid). Sign-in, sign-up, the command line and the
 * identity providers all read addresses through it, so that one address is one account.
 */
export function normaliseEmailAddress(value: string): string {
  const typed = value.trim().normalize('NFKC').toLowerCase();
  const at = typed.lastIndexOf('@');
  if (at < 0) return typed;
  // An empty answer means no valid domain: left empty, so that validation refuses the address.
  return `${typed.slice(0, at)}@${domainToASCII(typed.slice(at + 1))}`;
}
