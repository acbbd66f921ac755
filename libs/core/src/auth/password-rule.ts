import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { buildGuessEstimator } from '../common/guess-estimator';

/** The fewest characters a new password has, spaces aside; and the most it may have. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** At least PASSWORD_MIN_LENGTH characters that are not spaces: a passphrase keeps its spaces, twelve spaces are no password. */
export const PASSWORD_CHARACTERS = new RegExp(`^(?:\\s*\\S){${PASSWORD_MIN_LENGTH}}`);

/** Whether a new password follows the rule (the API's inputs and the command line alike). */
export const acceptablePassword = (password: string): boolean =>
  password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH && PASSWORD_CHARACTERS.test(password);

/** Why a password is too easy to guess, in the words a person can act on. */
export type PasswordWeakness = 'repeat' | 'pattern' | 'common' | 'personal' | 'words' | 'guessable';

/**
 * The fewest guesses (as a power of ten) zxcvbn-ts must estimate for a new password: 10^9, within
 * its score 3 ("safely unguessable" online; stored hashes are slow). Twelve repeated letters, a row
 * of the keyboard, "password1234" or a name, a surname and a year score 2–8; three unrelated words
 * or a short sentence score 10 and more.
 */
export const MIN_PASSWORD_GUESSES_LOG10 = 9;

/**
 * Characters judged: enough for any strength (40 random letters are 10^56 guesses), and a bound on
 * the estimate's time, which grows with the square of the length.
 */
const JUDGED_LENGTH = 40;

/** Spaces, dots, dashes and underscores between words: "Mario Rossi 1980" is judged as "MarioRossi1980" too. */
const SEPARATORS = /[\s._-]+/gu;

/** Words a password must not lean on, whoever chooses it: the platform's own name. */
const PLATFORM_WORDS = ['vicini', 'connessi', 'vicinieconnessi', 'vicini e connessi'];

const WEAKNESS_OF_WARNING: Readonly<Record<string, PasswordWeakness>> = {
  simpleRepeat: 'repeat',
  extendedRepeat: 'repeat',
  straightRow: 'pattern',
  keyPattern: 'pattern',
  sequences: 'pattern',
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  userInputs: 'personal',
  wordByItself: 'words',
  namesByThemselves: 'words',
  commonNames: 'words',
  recentYears: 'words',
  dates: 'words',
};

let estimator: ZxcvbnFactory | undefined;
let lastJudged: { password: string; personal: string; weakness: PasswordWeakness | null } | undefined;

/**
 * Why a new password is too easy to guess, or null when it is not: zxcvbn-ts's estimate, with the
 * platform's name and the person's own details (their e-mail address, its parts) counted as known
 * words. The estimator is built at the first password judged and kept.
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): PasswordWeakness | null {
  const key = personal.join('\n');
  if (lastJudged?.password === password && lastJudged.personal === key) return lastJudged.weakness;
  estimator ??= buildGuessEstimator({ words: PLATFORM_WORDS, maxLength: JUDGED_LENGTH });
  const words = personalWords(personal);
  const joined = password.replace(SEPARATORS, '');
  // zxcvbn counts a separator as a random character: the words joined are judged too, and the weaker reading counts.
  const readings = joined === password || joined.length === 0 ? [estimator.check(password, words)] : [estimator.check(password, words), estimator.check(joined, words)];
  const result = readings.reduce((weakest, reading) => (reading.guessesLog10 < weakest.guessesLog10 ? reading : weakest));
  const onPersonalWords = result.sequence.some((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs');
  const weakness =
    result.guessesLog10 >= MIN_PASSWORD_GUESSES_LOG10 ? null : onPersonalWords ? 'personal' : (WEAKNESS_OF_WARNING[result.feedback.warning ?? ''] ?? 'guessable');
  lastJudged = { password, personal: key, weakness };
  return weakness;
}

/** An e-mail address as the words someone might build a password from: whole, its local part, and that part's pieces. */
function personalWords(personal: readonly string[]): string[] {
  return personal.flatMap((value) => {
    const local = value.split('@')[0] ?? '';
    return [value, local, ...local.split(/[^\p{L}\p{N}]+/u)].filter((word) => word.length >= 3);
  });
}

/** A new password too easy to guess: refused with the field it was given in and the reason. */
export class WeakPasswordException extends Error {
  constructor(
    readonly field: string,
    readonly weakness: PasswordWeakness,
  ) {
    super(`${field}: ${weakness}`);
  }
}

/**
 * Refuses a new password too easy to guess (`passwordWeakness`), the person's own e-mail address
 * counted as known words. The services call it once the request has passed its throttles and its
 * cheaper checks, so that judging (tens of milliseconds) is not free to ask for.
 */
export function requireGuessResistant(password: string, field: string, personal: readonly string[]): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw new WeakPasswordException(field, weakness);
}
