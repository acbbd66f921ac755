import { ServiceCategory } from '@vec/matching';
import { InvalidMatchMoveError, MatchColumns, canMove, moveMatch, openMatch } from './match-rules';
import { MATCH_TRANSITIONS, MatchAction, MatchActorKind, MatchOrigin, MatchState } from './match.types';

const NOW = new Date('2026-11-22T10:00:00Z');
const LATER = new Date('2026-11-25T09:30:00Z');
const RANKED = { coverageLevel: 'COMUNE', distanceKm: 0 };
const opening = (state: MatchState.PENDING | MatchState.WAITLISTED) =>
  openMatch(
    { request: { id: 'r1', shopId: 's1', category: ServiceCategory.WEBSITE }, offer: { id: 'o1', providerId: 'p1' }, state, origin: MatchOrigin.APPLICATION, ranked: RANKED },
    NOW,
    7,
  );
const inState = (state: MatchState): MatchColumns => ({ ...opening(MatchState.PENDING), state });

describe('openMatch', () => {
  it('holds a place with an answer deadline MATCH_RESPONSE_DAYS away, everything else empty', () => {
    expect(opening(MatchState.PENDING)).toMatchObject({
      state: MatchState.PENDING,
      shopId: 's1',
      providerId: 'p1',
      respondBy: new Date('2026-11-29T10:00:00Z'),
      waitlistedAt: null,
      acceptedAt: null,
      endedAt: null,
      allocationRunId: null,
      setId: null,
    });
  });

  it('puts a waitlisted match in the queue from now, with no deadline', () => {
    expect(opening(MatchState.WAITLISTED)).toMatchObject({ state: MatchState.WAITLISTED, respondBy: null, waitlistedAt: NOW });
  });
});

describe('moveMatch', () => {
  const actors: MatchActorKind[] = ['SHOP', 'PROVIDER', 'SYSTEM'];
  const moves = Object.keys(MATCH_TRANSITIONS) as MatchAction[];

  // Every action from every state by every actor: the table decides, nothing else.
  const cases = moves.flatMap((action) => Object.values(MatchState).flatMap((from) => actors.map((by) => [action, from, by] as const)));
  const allowed = ([action, from, by]: (typeof cases)[number]): boolean => MATCH_TRANSITIONS[action].from.includes(from) && MATCH_TRANSITIONS[action].by.includes(by);
  const move = (action: MatchAction, from: MatchState, by: MatchActorKind) => () =>
    moveMatch(inState(from), action, by, { now: LATER, freePeriodMonths: 3, responseDays: 7, ranked: RANKED });

  it.each(cases.filter(allowed))('allows %s from %s by %s', (action, from, by) => {
    expect(canMove(action, from, by)).toBe(true);
    expect(move(action, from, by)().state).toBe(MATCH_TRANSITIONS[action].to);
  });

  it.each(cases.filter((c) => !allowed(c)))('refuses %s from %s by %s', (action, from, by) => {
    expect(canMove(action, from, by)).toBe(false);
    expect(move(action, from, by)).toThrow(InvalidMatchMoveError);
  });

  it('records what each new state needs', () => {
    expect(moveMatch(inState(MatchState.PENDING), 'accept', 'PROVIDER', { now: LATER })).toMatchObject({ acceptedAt: LATER });
    expect(moveMatch(inState(MatchState.ACCEPTED), 'activate', 'SHOP', { now: LATER, freePeriodMonths: 3 })).toMatchObject({
      activatedAt: LATER,
      freeUntil: new Date('2027-02-25T09:30:00Z'),
    });
    expect(moveMatch(inState(MatchState.ACTIVE), 'complete', 'SYSTEM', { now: LATER })).toMatchObject({ completedAt: LATER });
    expect(moveMatch(inState(MatchState.PENDING), 'decline', 'PROVIDER', { now: LATER, reason: 'Posti finiti' })).toMatchObject({
      endedAt: LATER,
      endReason: 'Posti finiti',
    });
    expect(moveMatch(inState(MatchState.WAITLISTED), 'promote', 'SYSTEM', { now: LATER, responseDays: 7, ranked: { coverageLevel: 'REGION', distanceKm: 12 } })).toMatchObject(
      { respondBy: new Date('2026-12-02T09:30:00Z'), coverageLevel: 'REGION', distanceKm: 12 },
    );
  });

  it('refuses a promotion without its deadline and ranking rather than inventing them', () => {
    expect(() => moveMatch(inState(MatchState.WAITLISTED), 'promote', 'SYSTEM', { now: LATER })).toThrow('promote needs');
  });
});
