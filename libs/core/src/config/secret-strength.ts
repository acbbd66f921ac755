import { buildGuessEstimator } from '../common/guess-estimator';

/**
 * The fewest guesses (as a power of ten) zxcvbn-ts must estimate for a signing key: 10^40 is about
 * 2^133. Keys people make up (words, names, years, keyboard runs, repeats, l33t spellings) score
 * 2–35; `openssl rand -base64 48` scores about 63 and 64 random hex characters about 60. zxcvbn
 * counts a character it cannot explain as 10 guesses, so a random key needs about 44 characters.
 */
export const MIN_SECRET_GUESSES_LOG10 = 40;

let lastEstimate: { secret: string; guessesLog10: number } | undefined;

/**
 * How many guesses, as a power of ten, an attacker trying the likeliest keys first would need
 * (zxcvbn-ts's estimate). The last answer is kept: a process validates its environment more than
 * once at start, always with the same key; the estimator is not, since only production judges a
 * key, once.
 */
export function secretGuessesLog10(secret: string): number {
  if (lastEstimate?.secret !== secret) lastEstimate = { secret, guessesLog10: buildGuessEstimator().check(secret).guessesLog10 };
  return lastEstimate.guessesLog10;
}
