/**
 * SQL: the text in `column` is a person's words, not one of the platform's reason codes (the codes,
 * passed as parameter `$2`, with an optional detail after a colon, or how runs were recorded before
 * they had a code). Codes are not personal: erasure and retention keep them and remove the words.
 */
export const personWritten = (column: string): string =>
  `(${column} IS NOT NULL AND NOT (split_part(${column}, ':', 1) = ANY($2)) AND ${column} !~ '^allocation run ')`;
