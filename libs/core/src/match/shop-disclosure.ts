import type { Actor } from '../common/request-context';
import { UserRole } from '../auth/user-role';
import { systemReasonCode } from './match-reasons';
import { MatchState } from './match.types';

/**
 * What a provider may read of a shop through a match (data minimisation, GDPR Art. 5(1)(c)): the
 * shop's contact e-mail and phone, and the reasons the shop's side wrote, only while the provider
 * has to deal with the shop — PENDING (it must decide, and may need to ask), ACCEPTED, ACTIVE, and
 * for SHOP_CONTACTS_AFTER_COMPLETION_DAYS after COMPLETED (handing the service over, last
 * questions; the last outcome survey is at 90 days). A match that never started (WAITLISTED,
 * DECLINED, WITHDRAWN, EXPIRED) or completed longer ago shows only the shop's name, comune and
 * sector, for the provider's history. The shop itself, a facilitator acting for it and ministry
 * staff are not limited here. docs/personal-data.md states the rule.
 */
export const SHOP_CONTACTS_AFTER_COMPLETION_DAYS = 90;

const DEALING_STATES: ReadonlySet<MatchState> = new Set([MatchState.PENDING, MatchState.ACCEPTED, MatchState.ACTIVE]);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The parts of a match the rule reads. */
export interface DisclosedMatch {
  state: MatchState;
  completedAt: Date | null;
}

/** Whether the provider deals with the shop of `match` at `now`, whoever asks. */
export function providerDealsWithShop(match: DisclosedMatch, now: Date): boolean {
  if (DEALING_STATES.has(match.state)) return true;
  if (match.state !== MatchState.COMPLETED || !match.completedAt) return false;
  return now.getTime() - match.completedAt.getTime() <= SHOP_CONTACTS_AFTER_COMPLETION_DAYS * DAY_MS;
}

/** Whether `viewer` may read the shop's contacts and the shop's own words on `match` at `now`. */
export function discloseShopTo(viewer: Actor | undefined, match: DisclosedMatch, now: Date): boolean {
  return viewer?.role !== UserRole.PROVIDER || providerDealsWithShop(match, now);
}

/**
 * A reason as `viewer` may read it: the platform's codes always, a person's words unless the
 * shop's side wrote them and the shop is not disclosed to the viewer. `actorRole` is the role of
 * who wrote it (a facilitator writes for the shop); on a match's end reason, WITHDRAWN is the
 * shop's and DECLINED the provider's.
 */
export function reasonFor(viewer: Actor | undefined, match: DisclosedMatch, now: Date, reason: string | null, actorRole: string | null): string | null {
  return viewer?.role === UserRole.PROVIDER ? reasonForProvider(match, now, reason, actorRole) : reason;
}

/** A reason as the match's provider may read it (reasonFor a provider viewer). */
export function reasonForProvider(match: DisclosedMatch, now: Date, reason: string | null, actorRole: string | null): string | null {
  if (reason === null || systemReasonCode(reason) !== null) return reason;
  const writtenByShopSide = actorRole === UserRole.SHOP || actorRole === UserRole.FACILITATOR;
  return writtenByShopSide && !providerDealsWithShop(match, now) ? null : reason;
}

/** The role that wrote a match's end reason, from the state it ended in. */
export const endReasonAuthor = (state: MatchState): UserRole | null =>
  state === MatchState.WITHDRAWN ? UserRole.SHOP : state === MatchState.DECLINED ? UserRole.PROVIDER : null;
