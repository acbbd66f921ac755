import Handlebars from 'handlebars';
import { datePhrase, type DateArticle, type Words } from './words';

/*
 * How e-mails are written: Handlebars templates per language, rendered from the values each kind
 * names. A value given in both languages (a date as people write it, a reason in words) is taken
 * in the language being written.
 */

export type Template = (values: object) => string;

/**
 * Handlebars of its own for e-mails, with `eq` for "one" and "many" (`{{#if (eq count 1)}}`), and
 * `datePhrase` for an Italian date after its article (`entro {{datePhrase "il" respondBy}}`: "entro l’11 dicembre").
 */
const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
handlebars.registerHelper('datePhrase', (article: DateArticle, written: unknown) => datePhrase(article, String(written)));

/** Subject and text parts take the values as written. */
export const plain = (source: string): Template => {
  const template = handlebars.compile(source, { noEscape: true, strict: true });
  return (values) => template(values).replace(/\n{3,}/g, '\n\n');
};

/** A subject is one line whatever a name holds. */
export const subject = (source: string): Template => {
  const template = plain(source);
  return (values) => template(values).replace(/\s+/g, ' ').trim();
};

/** The HTML part escapes every value. */
export const html = (source: string): Template => handlebars.compile(source, { strict: true });

const isWords = (value: unknown): value is Words =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 2 && typeof (value as Words).en === 'string' && typeof (value as Words).it === 'string';

/** A kind's values in one language: a value given in both becomes that language's, in lists too. */
const inLanguage = (values: unknown, language: keyof Words): unknown => {
  if (isWords(values)) return values[language];
  if (Array.isArray(values)) return values.map((value) => inLanguage(value, language));
  if (typeof values === 'object' && values !== null && !(values instanceof Date)) {
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, inLanguage(value, language)]));
  }
  return values;
};

/** English quotes as English does, “…”, where the templates (written alike for both languages) quote as Italian does, «…». */
const englishQuotes = (text: string): string => text.replace(/«/g, '“').replace(/»/g, '”');
/** One full stop where a sentence ends on a name that ends with one ("… Rossi S.r.l.."), in text and around a <strong>. */
const oneStop = (text: string): string => text.replace(/(?<!\.)\.\.(?!\.)/g, '.').replace(/\.(<\/strong>)\./g, '.$1');

export const both =
  (en: Template, it: Template) =>
  (values: object): Words => ({ en: oneStop(englishQuotes(en(inLanguage(values, 'en') as object))), it: oneStop(it(inLanguage(values, 'it') as object)) });

/** `{{#if x}}…{{/if}}` around a whole paragraph: its <p> goes inside, so nothing is left when x is empty. */
const CONDITIONAL = /^(\{\{#(?:if|unless) [^}]+\}\})([\s\S]*)(\{\{\/(?:if|unless)\}\})$/;
/** `{{#each list}}- item\n{{/each}}`: a list, one line each in text, <ul> in HTML. */
const LIST = /^\{\{#each (\w+)\}\}- ([\s\S]*)\n\{\{\/each\}\}$/;
const paragraph = (source: string): string => {
  const list = LIST.exec(source);
  if (list) return `<ul>\n{{#each ${list[1]}}}<li>${list[2]}</li>\n{{/each}}</ul>`;
  // A paragraph shown only on a condition is left out whole; one with an {{else}} is always a paragraph, of one wording or the other.
  const conditional = CONDITIONAL.exec(source);
  return conditional && !conditional[2].includes('{{else}}') ? `${conditional[1]}<p>${conditional[2]}</p>${conditional[3]}` : `<p>${source}</p>`;
};

/** `[words](url)`: a link in HTML, "words: url" in text. */
const LINK = /\[([^\]]+)\]\(([^)]+)\)/g;

/**
 * A body written once, as paragraphs, in each language: the text part separates them by a blank
 * line, the HTML part puts each in <p> with its values escaped. `**` marks bold in HTML only;
 * `[words](url)` is a link.
 */
export function paragraphs<V extends object>(en: readonly string[], it: readonly string[]): { text: (values: V) => Words; html: (values: V) => Words } {
  const textOf = (lines: readonly string[]): Template => {
    const template = plain(lines.join('\n\n').replace(/\*\*/g, '').replace(LINK, '$1: $2'));
    return (values) => template(values).trim();
  };
  const htmlOf = (lines: readonly string[]) => html(lines.map(paragraph).join('\n').replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(LINK, '<a href="$2">$1</a>'));
  return { text: both(textOf(en), textOf(it)), html: both(htmlOf(en), htmlOf(it)) };
}
