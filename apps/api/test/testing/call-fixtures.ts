import type { CreateSelectionCallInput } from '../gql/generated';

/**
 * A selection call on one offer for businesses of Piemonte: open since a minute ago, closing
 * `closesInMs` from now, one declaration to confirm, scored by size alone.
 */
export const aCallInput = (offerId: string, closesInMs: number, overrides: Partial<CreateSelectionCallInput> = {}): CreateSelectionCallInput => ({
  title: 'Export digitale per le imprese piemontesi',
  description: 'Un anno di vetrina sui marketplace esteri per le piccole imprese selezionate.',
  offerIds: [offerId],
  places: 1,
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + closesInMs).toISOString(),
  eligibility: { regionCodes: ['01'] },
  declarations: [{ code: 'sede-italia', text: 'Sede legale e produzione in Italia' }],
  questions: [],
  scoring: [{ kind: 'FEWER_EMPLOYEES', weight: 100, employeesCap: 10 }],
  tieBreak: ['EARLIER_APPLICATION'],
  ...overrides,
});
