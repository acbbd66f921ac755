import i18next from 'i18next';
import italian from '../../i18n/it.json';
import { reasonText } from './match-reason';

describe('reasonText', () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'it', resources: { it: { translation: italian } } }));

  it("words the platform's codes, with or without details, and keeps a person's words", () => {
    const t = i18n.t.bind(i18n);
    expect(reasonText('ALLOCATED_ELSEWHERE', t)).toBe('l’assegnazione ha attribuito un’altra offerta');
    expect(reasonText('NO_LONGER_ELIGIBLE: CATEGORY, SECTOR', t)).toBe('l’offerta non è più adatta alla richiesta');
    expect(reasonText('ALLOCATION_RUN: 3f2a5c1e-0000-4000-8000-000000000000', t)).toBe('attribuita da un’assegnazione');
    expect(reasonText('Abbiamo trovato un fattorino in zona.', t)).toBe('Abbiamo trovato un fattorino in zona.');
    expect(reasonText('URGENTE: chiamateci', t)).toBe('URGENTE: chiamateci');
  });
});
