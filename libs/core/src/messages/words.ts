/**
 * A text in the two languages the platform speaks. Every text the server writes for people comes
 * from this folder, one file per area, each entry a function of the values it names.
 */
export interface Words {
  readonly en: string;
  readonly it: string;
}

/** A date as people write it, in each language (Italian time). */
export function day(date: Date): Words {
  const format = (locale: string): string => date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' });
  return { en: format('en-GB'), it: format('it-IT') };
}

/** A date and time as people write them, in each language (Italian time): "8 December 2026 at 14:05". */
export function dayAndTime(date: Date): Words {
  const time = date.toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });
  const { en, it } = day(date);
  return { en: `${en} at ${time}`, it: `${it} alle ${time}` };
}

/** The articles, plain or fused with a preposition, that an Italian date may follow. */
export type DateArticle = 'il' | 'dal' | 'al' | 'del';

/**
 * An Italian date as written by `day`, with its article: "il 12 marzo 2026"; elided before the
 * vowel of "otto" and "undici", "l’8 marzo", "l’11 marzo"; the first of the month as an ordinal,
 * "il 1° marzo". The articulated prepositions follow suit: "dal 1°", "dall’8", "fino al 1°",
 * "entro l’11", "dell’8". A text that does not open with a day is only preceded by the article.
 */
export function datePhrase(article: DateArticle, written: string): string {
  const date = /^(\d{1,2})(?!\d)/.exec(written)?.[1];
  if (date === '1') return `${article} 1°${written.slice(1)}`;
  if (date === '8' || date === '11') return `${article === 'il' ? 'l' : `${article}l`}’${written}`;
  return `${article} ${written}`;
}

/** Text a person wrote (a reason, a name): the same in both languages. */
export const asWritten = (text: string): Words => ({ en: text, it: text });

/** " (why)" after a sentence, in each language; nothing when there is no why. */
export const inBrackets = (why: Words | null): Words => (why ? { en: ` (${why.en})`, it: ` (${why.it})` } : { en: '', it: '' });

/** Values a person may choose from: "a, b or c" / "a, b oppure c". */
export function alternatives(values: readonly string[]): Words {
  const list = (or: string): string => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} ${or} ${values[values.length - 1]}`);
  return { en: list('or'), it: list('oppure') };
}

/** Several texts joined in each language. */
export const joined = (parts: readonly Words[], separator: string): Words => ({
  en: parts.map((part) => part.en).join(separator),
  it: parts.map((part) => part.it).join(separator),
});
