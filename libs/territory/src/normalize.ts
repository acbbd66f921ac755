/**
 * Folds a place name for accent- and case-insensitive comparison and prefix search:
 * "Agliè" → "aglie", "Sant’Angelo" → "sant'angelo", "  Reggio  nell'Emilia" → "reggio nell'emilia".
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
