import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * zxcvbn-ts with its lists of common passwords and keyboard layouts, English words and names, and
 * Italian ones: how many guesses an attacker trying the likeliest strings first would need. Built
 * on demand (it takes about a quarter of a second and a few megabytes), so that processes that
 * never judge a password or key never load the dictionaries.
 *
 * `words` are counted as known too (the platform's own name); `maxLength` is the most characters
 * judged, the rest being ignored (the estimate's time grows with the length).
 */
export function buildGuessEstimator(options: { words?: readonly string[]; maxLength?: number } = {}): ZxcvbnFactory {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, see above */
  const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  const italian = require('@zxcvbn-ts/language-it') as typeof import('@zxcvbn-ts/language-it');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The English lists are named `<list>-en`; the Italian package predates that convention.
  const italianLists = Object.fromEntries(Object.entries(italian.dictionary).map(([name, words]) => [`${name}-it`, words]));
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...italianLists, ...(options.words ? { userInputs: [...options.words] } : {}) },
    graphs: common.adjacencyGraphs,
    // The default (100) tries every l33t spelling and takes about a second per random key; 10
    // still finds keys such as `p4ssw0rd…` or `s3cr3t-k3y…`, in about a tenth of the time.
    l33tMaxSubstitutions: 10,
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  });
}
