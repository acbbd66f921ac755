import { createInput, dateInputOf, emptyOffer, isoOfDateInput, isoOfEndOfDateInput, readOffer, updateInput, type OfferValues } from './offer-form-values';

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

  const today = new Date(2026, 0, 10);

  it.each([
    [{ capacity: 'dieci' }, [{ field: 'capacity', problem: 'notWholeNumber' }]],
    [{ capacity: ' ' }, [{ field: 'capacity', problem: 'numberRequired' }]],
    [{ freePeriodMonths: '2.5' }, [{ field: 'freePeriodMonths', problem: 'notWholeNumber' }]],
    [{ validFrom: '' }, [{ field: 'validFrom', problem: 'dateRequired' }]],
    [{ validUntil: 'domani' }, [{ field: 'validUntil', problem: 'notDate' }]],
    // Whole numbers out of range are the API's to word (at least 1).
    [{ capacity: '-3', freePeriodMonths: '0' }, []],
  ])('finds what the API could not receive: %j', (change, problems) => {
    expect(readOffer({ ...filled(), ...change }, today).problems).toEqual(problems);
  });

  it('finds every problem at once, in the order of the form', () => {
    const values = { ...emptyOffer(today), validFrom: '', allSectors: false };
    expect(readOffer(values, today).problems.slice(0, 2)).toEqual([
      { field: 'coverage', problem: 'coverageEmpty' },
      { field: 'sectors', problem: 'sectorsEmpty' },
    ]);
    values.allSectors = true;
    values.coverage = { ...values.coverage, radii: [{ comune: null, latitude: 41.9, longitude: 12.5, km: 'molti' }] };
    expect(readOffer(values, today).problems).toEqual([
      { field: 'capacity', problem: 'numberRequired' },
      { field: 'freePeriodMonths', problem: 'numberRequired' },
      { field: 'coverage.radii.0.km', problem: 'notWholeNumber' },
      { field: 'validFrom', problem: 'dateRequired' },
    ]);
  });

  it('keeps an offer open all of its last day, in Italy: the end is the last moment of that day', () => {
    expect(isoOfEndOfDateInput('2027-12-31')).toBe('2027-12-31T22:59:59.999Z');
    // Summer time: Italy is two hours ahead.
    expect(isoOfEndOfDateInput('2027-07-15')).toBe('2027-07-15T21:59:59.999Z');
    expect(dateInputOf(isoOfEndOfDateInput('2027-12-31') as string)).toBe('2027-12-31');
    expect(isoOfEndOfDateInput('2027-02-30')).toBeNull();
    expect(createInput({ ...filled(), validUntil: '2027-12-31' }).validUntil).toBe('2027-12-31T22:59:59.999Z');
  });

  it('sends a stand-in the API refuses for each value it could not receive, so that it reports the rest and saves nothing', () => {
    const values = { ...filled(), capacity: '', freePeriodMonths: 'sei', validFrom: '' };
    values.coverage = { ...values.coverage, radii: [{ ...values.coverage.radii[0], km: '?' }] };
    const { sendable, standInsOnly } = readOffer(values, today);
    const input = createInput(sendable);
    expect(input).toMatchObject({ capacity: 0, freePeriodMonths: 0, coverage: { radii: [{ comuneCode: '001272', km: 0 }] }, title: values.title });
    // No start date: today's stands in, with an end the day before (always refused), which is not the reader's concern.
    expect(input.validFrom).toBe(isoOfDateInput('2026-01-10'));
    expect(input.validUntil).toBe(isoOfEndOfDateInput('2026-01-09'));
    expect(standInsOnly).toEqual(['validUntil']);
    // Nothing to stand in for: sent as typed.
    expect(readOffer(filled(), today)).toEqual({ problems: [], sendable: filled(), standInsOnly: [] });
  });

  it('refuses an end date that is not a date with an end before the start, its own message standing', () => {
    const { problems, sendable, standInsOnly } = readOffer({ ...filled(), validUntil: 'domani' }, today);
    expect(problems).toEqual([{ field: 'validUntil', problem: 'notDate' }]);
    expect(sendable.validUntil).toBe('2026-01-09');
    expect(standInsOnly).toEqual([]);
  });

  it('sends a new offer whole, with numbers as numbers and every sector unless some are chosen', () => {
    const input = createInput(filled());
    expect(input).toMatchObject({
      capacity: 10,
      freePeriodMonths: 6,
      sectors: { allSectors: true, sections: [], divisions: [] },
      coverage: { national: false, regionCodes: ['01'], provinceCodes: [], comuneCodes: ['058091'], radii: [{ comuneCode: '001272', km: 30 }] },
    });
    expect(input.validUntil).toBe(isoOfEndOfDateInput('2026-07-01'));
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
