// ATECO 2025 sections and divisions, from the same registry file the API validates against.
import ateco from '@vec/ateco-2025';
import type { Language } from '../../i18n';

export interface AtecoOption {
  value: string;
  label: string;
}

export function atecoSections(language: Language): AtecoOption[] {
  return ateco.sections.map((s) => ({ value: s.code, label: `${s.code} – ${s[language]}` }));
}

export function atecoDivisions(section: string, language: Language): AtecoOption[] {
  return ateco.divisions.filter((d) => d.section === section).map((d) => ({ value: d.code, label: `${d.code} – ${d[language]}` }));
}

export function atecoLabel(section: string, division: string, language: Language): string {
  const s = ateco.sections.find((x) => x.code === section);
  const d = ateco.divisions.find((x) => x.code === division);
  return [s ? `${s.code} – ${s[language]}` : section, d ? `${d.code} – ${d[language]}` : division].join(' · ');
}

export function atecoAllDivisions(language: Language): AtecoOption[] {
  return ateco.divisions.map((d) => ({ value: d.code, label: `${d.code} – ${d[language]}` }));
}
