import { auditEventWords } from './audit-words';

describe('an audit event in words', () => {
  it.each([
    ['no answer in time', { state: 'PENDING' }, { state: 'EXPIRED', reason: 'NO_ANSWER' }, 'Posto scaduto senza risposta'],
    ['a row written before reasons were recorded', { state: 'PENDING' }, { state: 'EXPIRED' }, 'Posto scaduto senza risposta'],
    ['an offer suspended', { state: 'PENDING' }, { state: 'EXPIRED', reason: 'OFFER_SUSPENDED' }, 'Posto trattenuto liberato: il Ministero ha sospeso l’offerta'],
    ['a provider suspended, as the CSV reads it', '{"state": "PENDING"}', '{"state": "EXPIRED", "reason": "PROVIDER_SUSPENDED"}', 'Posto trattenuto liberato: il Ministero ha sospeso il fornitore'],
    ['a waitlist place closed', { state: 'WAITLISTED' }, { state: 'EXPIRED', reason: 'PROVIDER_REJECTED' }, 'Posto in lista d’attesa chiuso: il Ministero ha respinto il fornitore'],
    ['a detailed reason', { state: 'PENDING' }, { state: 'EXPIRED', reason: 'NO_LONGER_ELIGIBLE: CATEGORY' }, 'Posto trattenuto liberato: l’offerta non è più adatta alla richiesta'],
  ])('words a match that expired for %s by its reason', (_case, before, after, it) => {
    expect(auditEventWords('match.expired', before, after).it).toBe(it);
  });

  it('words any other action by the action alone', () => {
    expect(auditEventWords('match.declined', { state: 'PENDING' }, { state: 'DECLINED', reason: 'OFFER_SUSPENDED' })).toEqual({ en: 'Provider declined the shop', it: 'Il fornitore ha rifiutato l’attività' });
  });
});
