import { MESSAGES } from '.';

const service = { en: 'Shipping and logistics', it: 'Spedizioni e logistica' };
const words = (rule: Parameters<typeof MESSAGES.offer.holdersLeftOut>[1], count: number) => MESSAGES.offer.holdersLeftOut('input.x', rule, count, 'Forno Rossi', 'Torino', service);

describe('offer messages', () => {
  it('make the shops left out by an edit agree with their number, one or many', () => {
    expect(words('CATEGORY', 1).it).toContain('(Forno Rossi, Torino) ha chiesto «Spedizioni e logistica»');
    expect(words('CATEGORY', 3).it).toContain('(come Forno Rossi, Torino) hanno chiesto «Spedizioni e logistica»');
    expect(words('EXPIRED', 3)).toMatchObject({ en: expect.stringContaining('Torino) need the offer valid now'), it: expect.stringContaining('Torino) hanno bisogno che') });
    expect(words('NOT_STARTED', 1)).toMatchObject({ en: expect.stringContaining('Torino) needs the offer valid now'), it: expect.stringContaining('Torino) ha bisogno che') });
    expect(words('SECTOR', 3)).toMatchObject({ en: expect.stringContaining('keep their sectors'), it: expect.stringContaining('mantieni i loro settori') });
    expect(words('COVERAGE', 1).it).toContain('continua a coprirla');
  });
});
