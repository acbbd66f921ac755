/**
 * Words in an offer's text that suggest the shop would pay: an amount of money, an automatic
 * renewal, a fee, a charge, a card to give. The platform lists only free services, so staff read
 * these offers first; the words are a hint for a person to judge, never a refusal. A mention the
 * text itself denies ("senza canone", "nessun rinnovo automatico", "0 euro") is left out.
 */
const PATTERNS: readonly RegExp[] = [
  // An amount: "9,90 euro", "€ 5", "12 EUR al mese".
  /(?:€\s*\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s*(?:€|euro\b|eur\b))(?:\s*(?:al|all[’']|a|per|ogni)\s*(?:mese|anno|settimana|giorno))?/giu,
  /\b(?:rinnov\w*\s+automatic\w*|si\s+rinnova\s+(?:automaticamente|da\s+sé)|tacito\s+rinnovo|auto-?renew\w*)/giu,
  /\bcanon[ei]\b/giu,
  /\ba\s+pagamento\b/giu,
  /\baddebit\w*/giu,
  /\bcarta\s+di\s+credito\b/giu,
  /\bcommission[ei]\b/giu,
  /\b(?:subscription|monthly)\s+fee\b/giu,
];

/** Words that deny what follows them within a few words: "senza", "nessun canone", "né commissioni". */
const DENIAL = /\b(?:senza|nessun[oa]?|non|né|niente|zero|alcun[oa]?|no|without|free\s+of|nor)\b(?:\s+\S+){0,3}\s*$/iu;

const MAX_MENTIONS = 5;

export function paymentMentions(...texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const phrase = match[0].trim();
        const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0);
        if (DENIAL.test(before)) continue;
        // "0 euro", "€ 0,00": nothing to pay.
        if (/\d/.test(phrase) && !/[1-9]/.test(phrase.replace(/\s*(?:al|all[’']|a|per|ogni)\s*(?:mese|anno|settimana|giorno)$/iu, ''))) continue;
        if (!found.some((known) => known.toLowerCase() === phrase.toLowerCase())) found.push(phrase);
        if (found.length >= MAX_MENTIONS) return found;
      }
    }
  }
  return found;
}
