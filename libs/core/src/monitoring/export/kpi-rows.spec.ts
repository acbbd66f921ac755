import { kpiRows } from './kpi-rows';

const KPIS = {
  shopsRegistered: 12,
  providersByStatus: { PENDING: 2, APPROVED: 5 },
  offersPublished: 4,
  capacityTotal: 40,
  capacityUsed: 10,
  requestsByStatus: { OPEN: 3, CANCELLED: 1 },
  matchesByState: { WAITLISTED: 2, COMPLETED: 1 },
  matchRate: 0.5,
  medianHoursToAcceptance: null,
  activationRate: null,
  completedMatches: 1,
  surveyedCompletions: 0,
  onlineOrdersShare: null,
  outcomes: [],
};

describe('kpiRows', () => {
  it('names every figure in the language asked for, statuses included; the code keeps the API’s name', () => {
    const italian = kpiRows(KPIS, 'it');
    expect(italian).toEqual(
      expect.arrayContaining([
        { label: 'Fornitori in attesa di verifica', code: 'providersByStatus.PENDING', value: 2 },
        { label: 'Richieste (stato attuale: ritirata)', code: 'requestsByStatus.CANCELLED', value: 1 },
        { label: 'Abbinamenti (stato attuale: in lista d’attesa)', code: 'matchesByState.WAITLISTED', value: 2 },
        { label: 'Servizi conclusi', code: 'completedMatches', value: expect.any(Number) },
        { label: 'Attività registrate', code: 'shopsRegistered', value: 12 },
      ]),
    );
    expect(kpiRows(KPIS, 'en')).toEqual(expect.arrayContaining([{ label: 'Matches (current status: completed)', code: 'matchesByState.COMPLETED', value: 1 }]));
    expect(italian.every((row) => !/[A-Z]{4,}/.test(row.label))).toBe(true);
  });

  it('says, with a period chosen, what each figure counts in it', () => {
    expect(kpiRows(KPIS, 'it', true)).toEqual(
      expect.arrayContaining([
        { label: 'Richieste presentate nel periodo (stato attuale: ritirata)', code: 'requestsByStatus.CANCELLED', value: 1 },
        { label: 'Abbinamenti nati nel periodo (stato attuale: in lista d’attesa)', code: 'matchesByState.WAITLISTED', value: 2 },
        { label: 'Servizi conclusi nel periodo', code: 'completedMatches', value: expect.any(Number) },
      ]),
    );
    expect(kpiRows(KPIS, 'en', true)).toEqual(expect.arrayContaining([{ label: 'Matches made in the period (current status: completed)', code: 'matchesByState.COMPLETED', value: 1 }]));
    expect(kpiRows(KPIS, 'it', true).every((row) => !row.label.includes('{'))).toBe(true);
  });
});
