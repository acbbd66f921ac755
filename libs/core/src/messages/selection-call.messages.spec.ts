import { selectionCallMessages as m } from './selection-call.messages';

describe('selection call messages', () => {
  it('count employees as one or many', () => {
    expect(m.ineligible({ code: 'TOO_FEW_EMPLOYEES', min: 1 } as never, null)).toEqual({ en: 'The call asks for at least 1 employee', it: 'Il bando richiede almeno 1 addetto' });
    expect(m.ineligible({ code: 'TOO_MANY_EMPLOYEES', max: 9 } as never, null)).toEqual({ en: 'The call is for businesses with at most 9 employees', it: 'Il bando è per imprese con al massimo 9 addetti' });
  });

  it('give the hour a window closed at, not only the day', () => {
    const closed = m.ineligible({ code: 'WINDOW_CLOSED', closesAt: '2026-12-07T17:30:00Z' } as never, null);
    expect(closed.it).toMatch(/^Le domande si sono chiuse il 7 dicembre 2026 alle(?: ore)? 18:30$/);
    expect(closed.en).toContain('18:30');
  });

  it('say why the applicant above with the same score came first', () => {
    expect(m.separatedBy('DRAW')).toEqual({ en: 'Same score as the previous applicant, which comes first by the published draw', it: 'Stesso punteggio del precedente, che viene prima per il sorteggio pubblicato' });
    expect(m.separatedBy('EARLIER_APPLICATION' as never).it).toBe('Stesso punteggio del precedente, che viene prima perché ha presentato la domanda prima');
  });
});
