import { LinkifyIt } from 'linkify-it';
import type { TextProblem } from '../messages';

/**
 * What people's text may hold, by kind of field. Pure: the input decorators (input-rules.ts) and
 * the check every argument passes (input-hygiene.ts) both read it.
 *
 * - Everywhere: no bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069:
 *   they reorder what is shown, "Trojan Source"), no control character but tab and line breaks,
 *   and no value made only of invisible characters.
 * - SINGLE_LINE (names, titles, addresses, contact names: business text others read in lists and
 *   documents), strict: no control character at all (no line break, no tab), no format character
 *   (zero-width spaces and joiners, bidi marks, soft hyphen, BOM, tags) except a zero-width joiner
 *   inside an emoji sequence (👩‍🍳), at most MAX_STACKED_MARKS combining marks on one character.
 * - MULTI_LINE (descriptions, reasons, notes), lenient: line breaks and tabs, and the format
 *   characters real writing uses (joiners, marks, soft hyphen, emoji tags).
 */
export type { TextProblem };
export type TextKind = 'SINGLE_LINE' | 'MULTI_LINE';

/** Combining marks one character may carry in a single-line field; more is "Zalgo" text. */
export const MAX_STACKED_MARKS = 3;

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** C0 and C1 controls (and DEL) but tab, line feed and carriage return. */
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/u;
/** A zero-width joiner between two emoji is part of one picture; anywhere else it is invisible. */
const EMOJI_ZWJ = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;
const FORMAT = /\p{Cf}/u;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_STACKED_MARKS + 1},}`, 'u');
/** Letters and symbols that draw nothing: Hangul fillers and the blank Braille pattern. */
const BLANK_LOOKALIKES = /\u115F|\u1160|\u3164|\uFFA0|\u2800/gu;
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\p{Cc}\p{Zl}\p{Zp}]/gu;

/** True when nothing would be seen: only whitespace, format characters, marks or blank look-alikes. */
export const hasVisibleCharacter = (value: string): boolean => value.replace(INVISIBLE, '').replace(BLANK_LOOKALIKES, '') !== '';

/** The first rule `value` breaks as text of `kind`, or null. An empty value breaks none (required-ness is another rule). */
export function textProblem(value: string, kind: TextKind): TextProblem | null {
  if (value === '') return null;
  if (BIDI_CONTROL.test(value)) return 'bidiControl';
  if (CONTROL_BUT_LAYOUT.test(value)) return 'controlCharacter';
  if (kind === 'SINGLE_LINE' && LINE_BREAK.test(value)) return 'lineBreak';
  if (value.trim() !== '' && !hasVisibleCharacter(value)) return 'noVisibleCharacter';
  if (kind === 'SINGLE_LINE') {
    if (FORMAT.test(value.replace(EMOJI_ZWJ, ''))) return 'invisibleCharacter';
    if (STACKED_MARKS.test(value.normalize('NFC'))) return 'stackedMarks';
  }
  return null;
}

/**
 * What a mail client would turn into a link, as linkify-it finds it with fuzzy links on: full
 * addresses, but also a bare domain with a path ("rimborsi-bonus.it/login") or without one; its
 * default top-level domains are the common generic ones and every country's. E-mail addresses
 * are left alone: a provider may well tell a shop where to write.
 */
const links = new LinkifyIt().set({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: true });

/** Markup, or a link a mail client would make clickable: not in a name that others' e-mails and pages show. */
const MARKUP_OR_LINK = /[<>]|[a-z][a-z0-9+.-]*:\/\/|\bwww\./iu;
/** What a bare domain in a name may not go on with: a path, a query, a fragment, a port or a user. */
const PAST_THE_DOMAIN = /[/:?#@]/u;

/**
 * A name (of a business, an organisation, an offer, a call) shown in others' e-mails and pages: no
 * markup and no link. A bare domain is a brand ("Subito.it", "Vetrina.com") and stays; a domain
 * going on to a page ("bonus-vicini.it/rimborso") is a link to that page, and is refused.
 */
export const nameProblem = (value: string): TextProblem | null =>
  MARKUP_OR_LINK.test(value) || (links.match(value) ?? []).some((link) => PAST_THE_DOMAIN.test(link.raw)) ? 'markupOrLink' : null;

/**
 * Free text one person writes and the platform e-mails to another under its own name (a provider's
 * reason for declining a shop): no markup and no web address, so that nobody can put a link to a
 * page of theirs in the platform's e-mails.
 */
export const mailedTextProblem = (value: string): TextProblem | null => (/[<>]/.test(value) || links.test(value) ? 'webAddress' : null);

/** The rules every argument of every operation meets, whatever its field: MULTI_LINE's. */
export const anyTextProblem = (value: string): TextProblem | null => textProblem(value, 'MULTI_LINE');

/**
 * Text as it is stored: composed (NFC, so "è" typed as e + ◌̀ equals the precomposed one in
 * searches and uniqueness), line breaks as \n, trimmed. `optional`: nothing left becomes null.
 */
export function normaliseText(value: unknown, optional = false): unknown {
  if (typeof value !== 'string') return value;
  // A lone surrogate cannot be normalised; the hygiene check refuses it before any input is built.
  const text = (value.isWellFormed() ? value.normalize('NFC') : value).replace(/\r\n?/g, '\n').trim();
  return optional && text === '' ? null : text;
}
