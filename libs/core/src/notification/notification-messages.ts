/**
 * Notification texts in both languages, from the kind and the values stored with it. Kept on the
 * server so that every client of the API (the web app, a region's portal) says the same thing;
 * the words are the message catalogue's, this file only picks the entry for a stored notification.
 */
import { reasonWords, SYSTEM_REASON, systemReasonCode } from '../match/match-reasons';
import { OutcomeCheckpoint } from '../match/match.types';
import { asWritten, MESSAGES, type Parties, type Words } from '../messages';

type Params = Record<string, string | number | null | undefined>;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const date = (iso: unknown): Date | null => (typeof iso === 'string' ? new Date(iso) : null);
const isCheckpoint = (value: unknown): value is OutcomeCheckpoint => Object.values<unknown>(OutcomeCheckpoint).includes(value);

/** To a provider or a facilitator: the decision ministry staff took on its organisation, in what it means for that kind. */
function organisationDecision(p: Params, why: Words | null, facilitator: boolean): Words {
  const n = MESSAGES.notification;
  switch (p.status) {
    case 'APPROVED':
      return facilitator ? n.facilitatorApproved() : n.organisationApproved();
    case 'REJECTED':
      return n.organisationRejected(why);
    default:
      return facilitator ? n.facilitatorSuspended(why) : n.organisationSuspended(why);
  }
}

function words(kind: string, p: Params): Words {
  const n = MESSAGES.notification;
  const parties: Parties = { offer: text(p.offerTitle), shop: text(p.shopName), provider: text(p.providerName) };
  const toShop = p.audience === 'SHOP';
  const why = reasonWords(p.reason);
  const code = systemReasonCode(p.reason);
  switch (kind) {
    case 'MATCH_APPLIED':
      return n.matchApplied(parties, date(p.respondBy));
    case 'MATCH_WAITLISTED':
      return n.matchWaitlisted(parties);
    case 'MATCH_ALLOCATED':
      return toShop ? n.allocatedToShop(parties, date(p.respondBy)) : n.allocatedToProvider(parties, date(p.respondBy));
    case 'MATCH_PROMOTED':
      if (!toShop) return n.promotedToProvider(parties, date(p.respondBy));
      return p.setId ? n.setPromotedToShop(parties, date(p.respondBy)) : n.promotedToShop(parties, date(p.respondBy));
    case 'MATCH_ACCEPTED':
      return n.matchAccepted(parties);
    case 'MATCH_DECLINED':
      return p.from === 'ACCEPTED' ? n.placeGivenBack(parties, why) : n.matchDeclined(parties, why);
    case 'MATCH_ACTIVE':
      return n.matchActive(parties);
    case 'MATCH_COMPLETED':
      return toShop ? n.completedToShop(parties) : n.completedToProvider(parties);
    case 'MATCH_WITHDRAWN':
      if (code === SYSTEM_REASON.ALLOCATED_ELSEWHERE) return toShop ? n.allocatedElsewhereToShop(parties) : n.allocatedElsewhereToProvider(parties);
      // The shop's own words stay with the shop: a provider is told it withdrew, not why (see match/shop-disclosure.ts).
      return n.matchWithdrawn(parties, toShop || code ? why : null);
    case 'MATCH_EXPIRED':
      if (code === SYSTEM_REASON.SHOP_ACCOUNT_DISABLED) return toShop ? n.holdReleasedToShop(parties, why) : n.shopLeftToProvider(parties, why);
      if (code === SYSTEM_REASON.PROVIDER_SUSPENDED || code === SYSTEM_REASON.OFFER_SUSPENDED || code === SYSTEM_REASON.PROVIDER_REJECTED) {
        return toShop ? n.holdReleasedToShop(parties, why) : n.holdReleasedToProvider(parties, why);
      }
      if (code === SYSTEM_REASON.OFFER_ENDED || code === SYSTEM_REASON.NO_LONGER_ELIGIBLE) {
        return toShop ? n.waitlistClosedToShop(parties, why) : n.waitlistClosedToProvider(parties, why);
      }
      return toShop ? n.noAnswerToShop(parties) : n.noAnswerToProvider(parties);
    case 'PROVIDER_SUSPENDED':
    case 'OFFER_SUSPENDED': {
      const suspended = kind === 'OFFER_SUSPENDED' ? 'OFFER' : 'PROVIDER';
      return p.state === 'WAITLISTED' ? n.suspendedWhileWaiting(parties, suspended) : n.suspendedWhileServed(parties, suspended);
    }
    case 'PROVIDER_REJECTED':
      return n.providerRejectedWhileServed(parties);
    case 'PROVIDER_DECISION':
      return organisationDecision(p, why, false);
    case 'FACILITATOR_STANDING':
      return n.facilitatorStanding(text(p.facilitatorName), text(p.status));
    case 'MATCH_CALL_ADMITTED':
      return n.callAdmittedToProvider(parties, date(p.respondBy));
    case 'CALL_OUTCOME':
      return n.callOutcome(text(p.callTitle), text(p.outcome), parties, date(p.respondBy), typeof p.position === 'number' ? p.position : null, why);
    case 'FACILITATOR_DECISION':
      return organisationDecision(p, why, true);
    case 'OFFER_MODERATED':
      return p.action === 'REINSTATED' ? n.offerReinstated(parties, why) : n.offerSuspended(parties, why);
    case 'ACTED_ON_BEHALF':
      return MESSAGES.delegation.actedOnBehalf(text(p.facilitatorName), text(p.action));
    case 'DELEGATION_CHANGED':
      return MESSAGES.delegation.changed(parties.shop, text(p.status));
    case 'DELEGATION_WITHDRAWN':
      return MESSAGES.delegation.withdrawn(text(p.facilitatorName), text(p.reason));
    case 'DELEGATION_HANDOVER':
      return MESSAGES.delegation.handover(parties.shop, text(p.facilitatorName), text(p.status));
    case 'SURVEY_DUE':
      // A checkpoint the platform does not know is shown as stored, like an unknown kind.
      return isCheckpoint(p.checkpoint) ? n.surveyDue(parties, p.checkpoint) : asWritten(kind);
    default:
      return asWritten(kind);
  }
}

/**
 * What the reader sees: English as `message`, Italian as `messageIt`. A shop's notice that went to
 * the facilitator acting for it (its owner has not claimed it yet) names the shop first.
 */
export function describeNotification(kind: string, p: Params): { message: string; messageIt: string } {
  const notice = words(kind, p);
  const { en, it } = p.via === 'FACILITATOR' ? MESSAGES.notification.forShop(text(p.shopName), notice) : notice;
  return { message: en, messageIt: it };
}
