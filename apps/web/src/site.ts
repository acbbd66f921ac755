// The administration's own addresses, shown on the contacts, accessibility and privacy pages. They
// are placeholders under the reserved .example domain until the administration sets the real ones
// before going live (the pages that use them say they are a template to be completed).
export const SITE_CONTACTS = {
  supportEmail: 'assistenza@vicini-e-connessi.example',
  accessibilityEmail: 'accessibilita@vicini-e-connessi.example',
  privacyEmail: 'protezionedati@vicini-e-connessi.example',
  pec: 'dipartimento@pec.vicini-e-connessi.example',
} as const;

/** Where anyone can escalate an accessibility report left unanswered (AgID, Difensore civico per il digitale). */
export const AGID_DIGITAL_OMBUDSMAN = 'https://www.agid.gov.it/it/design-servizi/difensore-civico-per-il-digitale';
