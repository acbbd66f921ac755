import { createInput, dateInputOf, emptyOffer, isoOfDateInput, unsendable, updateInput, type OfferValues } from './offer-form-values';

const filled = (): OfferValues => ({
  ...emptyOffer(new Date(2026, 0, 10)),
  title: 'Negozio online gratuito',
  description: 'Una vetrina online completa per il tuo negozio.',
  categories: ['ONLINE_STORE'],
  coverage: {
    national: false,
    regions: [{ code: '01', name: 'Piemonte' }],
    provinces: [],
    comuni: [{ code: '058091', name: 'Roma', sigla: 'RM' }],
    radii: [{ comune: { code: '001272', name: 'Torino', sigla: 'TO' }, latitude: 45.07, longitude: 7.68, km: ' 30 ' }],
  },
  capacity: '10',
  freePeriodMonths: '6',
  conditions: 'Gratuito per sei mesi, senza obbligo di rinnovo.',
  validUntil: '2026-07-01',
});

describe('offer form values', () => {
  it('reads a date input as the start of that day in the reader’s time zone, and back', () => {
    const iso = isoOfDateInput('2026-03-05');
    expect(iso).not.toBeNull();
    expect(dateInputOf(iso ?? '')).toBe('2026-03-05');
    expect(isoOfDateInput('2026-02-30')).toBeNull();
    expect(isoOfDateInput('05/03/2026')).toBeNull();
  });

  it.each([
    [{ capacity: 'dieci' }, { field: 'capacity', problem: 'notWholeNumber' }],
    [{ freePeriodMonths: '2.5' }, { field: 'freePeriodMonths', problem: 'notWholeNumber' }],
    [{ validFrom: '' }, { field: 'validFrom', problem: 'dateRequired' }],
    [{ validUntil: 'domani' }, { field: 'validUntil', problem: 'notDate' }],
  ])('finds what the API could not receive: %j', (change, problem) => {
    expect(unsendable({ ...filled(), ...change })).toEqual(problem);
  });

  it('names the radius whose km is not a number', () => {
    const values = filled();
    values.coverage = { ...values.coverage, radii: [...values.coverage.radii, { comune: null, latitude: 41.9, longitude: 12.5, km: 'molti' }] };
    expect(unsendable(values)).toEqual({ field: 'coverage.radii.1.km', problem: 'notWholeNumber' });
  });

  it('sends a new offer whole, with numbers as numbers and every sector unless some are chosen', () => {
    const input = createInput(filled());
    expect(input).toMatchObject({
      capacity: 10,
      freePeriodMonths: 6,
      sectors: { allSectors: true, sections: [], divisions: [] },
      coverage: { national: false, regionCodes: ['01'], provinceCodes: [], comuneCodes: ['058091'], radii: [{ comuneCode: '001272', km: 30 }] },
    });
    expect(input.validUntil).toBe(isoOfDateInput('2026-07-01'));
  });

  it('sends only what changed on an edit, coverage as a whole, and null to make the offer open-ended', () => {
    const before = filled();
    const after = { ...before, capacity: '12', validUntil: '', coverage: { ...before.coverage, national: true } };
    expect(updateInput('o1', before, after)).toEqual({
      id: 'o1',
      capacity: 12,
      validUntil: null,
      coverage: { ...createInput(before).coverage, national: true },
    });
    expect(updateInput('o1', before, filled())).toEqual({ id: 'o1' });
  });
});
