import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * The fewest guesses (as a power of ten) zxcvbn-ts must estimate for a signing key: 10^40 is about
 * 2^133. Keys people make up (words, names, years, keyboard runs, repeats, l33t spellings) score
 * 2–35; `openssl rand -base64 48` scores about 63 and 64 random hex characters about 60. zxcvbn
 * counts a character it cannot explain as 10 guesses, so a random key needs about 44 characters.
 */
export const MIN_SECRET_GUESSES_LOG10 = 40;

let lastEstimate: { secret: string; guessesLog10: number } | undefined;

/**
 * zxcvbn-ts with its lists of common passwords and keyboard layouts, English words and names, and
 * Italian ones. Built when a key is judged: only production checks one, so development, most tests
 * and the migration commands never load the dictionaries, and nothing keeps them once judged.
 */
function zxcvbn(): ZxcvbnFactory {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, see above */
  const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  const italian = require('@zxcvbn-ts/language-it') as typeof import('@zxcvbn-ts/language-it');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The English lists are named `<list>-en`; the Italian package predates that convention.
  const italianLists = Object.fromEntries(Object.entries(italian.dictionary).map(([name, words]) => [`${name}-it`, words]));
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...italianLists },
    graphs: common.adjacencyGraphs,
    // The default (100) tries every l33t spelling and takes about a second per random key; 10
    // still finds keys such as `p4ssw0rd…` or `s3cr3t-k3y…`, in about a tenth of the time.
    l33tMaxSubstitutions: 10,
  });
}

/**
 * How many guesses, as a power of ten, an attacker trying the likeliest keys first would need
 * (zxcvbn-ts's estimate). The last answer is kept: a process validates its environment more than
 * once at start, always with the same key.
 */
export function secretGuessesLog10(secret: string): number {
  if (lastEstimate?.secret !== secret) lastEstimate = { secret, guessesLog10: zxcvbn().check(secret).guessesLog10 };
  return lastEstimate.guessesLog10;
}
