import { DAY_MS } from '../common/time';
import { MatchState, OutcomeCheckpoint } from './match.types';
import { checkpointRefusal, surveysDue } from './surveys-due';

const ACTIVATED = new Date('2026-03-02T09:30:00Z');
const after = (days: number, ms = 0): Date => new Date(ACTIVATED.getTime() + days * DAY_MS + ms);
const { COMPLETION, DAY_30, DAY_90 } = OutcomeCheckpoint;

describe('checkpointRefusal', () => {
  it('asks the completion survey once the service is completed, and only then', () => {
    expect(checkpointRefusal({ state: MatchState.COMPLETED, activatedAt: ACTIVATED }, COMPLETION, after(5))).toBeNull();
    for (const state of [MatchState.ACTIVE, MatchState.PENDING, MatchState.WITHDRAWN]) {
      expect(checkpointRefusal({ state, activatedAt: ACTIVATED }, COMPLETION, after(5))).toBe('NOT_COMPLETED');
    }
  });

  it('counts the 30 and 90 days from activation, to the millisecond', () => {
    const active = { state: MatchState.ACTIVE, activatedAt: ACTIVATED };
    expect(checkpointRefusal(active, DAY_30, after(30, -1))).toBe('TOO_EARLY');
    expect(checkpointRefusal(active, DAY_30, after(30))).toBeNull();
    expect(checkpointRefusal(active, DAY_90, after(90, -1))).toBe('TOO_EARLY');
    expect(checkpointRefusal(active, DAY_90, after(90))).toBeNull();
  });

  it('keeps asking after completion, but never a service that was not activated or ended otherwise', () => {
    expect(checkpointRefusal({ state: MatchState.COMPLETED, activatedAt: ACTIVATED }, DAY_90, after(120))).toBeNull();
    expect(checkpointRefusal({ state: MatchState.ACCEPTED, activatedAt: null }, DAY_30, after(40))).toBe('NOT_ACTIVATED');
    expect(checkpointRefusal({ state: MatchState.WITHDRAWN, activatedAt: ACTIVATED }, DAY_30, after(40))).toBe('WITHDRAWN');
    expect(checkpointRefusal({ state: MatchState.WITHDRAWN, activatedAt: null }, DAY_30, after(40))).toBe('NOT_ACTIVATED');
  });
});

describe('surveysDue', () => {
  it('lists the checkpoints due and not yet answered, in checkpoint order', () => {
    const completed = { state: MatchState.COMPLETED, activatedAt: ACTIVATED };
    expect(surveysDue(completed, [], after(10))).toEqual([COMPLETION]);
    expect(surveysDue(completed, [], after(95))).toEqual([COMPLETION, DAY_30, DAY_90]);
    expect(surveysDue(completed, [COMPLETION, DAY_90], after(95))).toEqual([DAY_30]);
    expect(surveysDue({ state: MatchState.ACTIVE, activatedAt: ACTIVATED }, [], after(45))).toEqual([DAY_30]);
    expect(surveysDue({ state: MatchState.ACTIVE, activatedAt: ACTIVATED }, [DAY_30], after(45))).toEqual([]);
  });
});
