import type { PastAuditRecord } from '../audit/audit.service';
import type { UserAccountEntity } from '../auth/user-account.entity';
import { UserRole } from '../auth/user-role';
import type { Actor } from '../common/request-context';
import { DAY_MS } from '../common/time';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { MatchOrigin, MatchState } from '../match/match.types';
import { OfferStatus } from '../offer/offer.types';
import { VerificationStatus } from '../provider/provider.types';
import type { DemoJournal, DemoWorld } from './demo-history';

/** The action a real match step is audited with (as the match journal names them). */
function matchAction(from: MatchState | null, to: MatchState, origin: MatchOrigin): string {
  if (from === null && to === MatchState.PENDING) return origin === MatchOrigin.ALLOCATION ? 'match.allocated' : origin === MatchOrigin.CALL ? 'match.call_admitted' : 'match.applied';
  if (from === null && to === MatchState.WAITLISTED) return 'match.waitlisted';
  if (from === MatchState.WAITLISTED && to === MatchState.PENDING) return 'match.promoted';
  return `match.${to.toLowerCase()}`;
}

const OFFER_STATUS_ACTION: Partial<Record<OfferStatus, string>> = {
  [OfferStatus.PUBLISHED]: 'offer.published',
  [OfferStatus.PAUSED]: 'offer.paused',
  [OfferStatus.CLOSED]: 'offer.closed',
};

/**
 * The audit events of everything the demo creates, as the real actions would have recorded them:
 * each account and organisation registered by its owner, staff created and providers decided by
 * the ministry account, offers created and published by their providers, requests and bundles
 * made (and some requests cancelled) by their shops, and every step of every match by whoever took it. Times follow
 * the demo's story: the programme opened `openedDaysAgo` days before `now`.
 */
export function demoAuditEvents(users: readonly UserAccountEntity[], world: DemoWorld, journal: DemoJournal, now: Date, openedDaysAgo = 45): PastAuditRecord[] {
  const opened = new Date(now.getTime() - openedDaysAgo * DAY_MS);
  const role = new Map(users.map((u) => [u.id, u.role]));
  const actor = (userId: string | null | undefined): Actor | null => (userId ? { userId, role: role.get(userId) ?? UserRole.SHOP } : null);
  const events: PastAuditRecord[] = [];

  for (const user of users) {
    const staff = user.role === UserRole.MINISTRY || user.role === UserRole.ADMIN;
    events.push({
      action: staff ? 'user.created' : 'user.registered',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, role: user.role },
      occurredAt: opened,
      actor: staff ? null : actor(user.id),
    });
  }
  for (const shop of world.shops) {
    const after = { legalName: shop.legalName, tradingName: shop.tradingName, partitaIva: shop.partitaIva, atecoDivision: shop.atecoDivision, comuneCode: shop.comuneCode };
    events.push({ action: 'shop.registered', entityType: 'shop', entityId: shop.id, after, occurredAt: opened, actor: actor(shop.ownerUserId) });
  }
  for (const provider of world.providers) {
    events.push({
      action: 'provider.registered',
      entityType: 'provider',
      entityId: provider.id,
      after: { name: provider.name, partitaIva: provider.partitaIva, kind: provider.kind },
      occurredAt: opened,
      actor: actor(provider.ownerUserId),
    });
    if (provider.verificationStatus !== VerificationStatus.PENDING && provider.verifiedAt) {
      events.push({
        action: `provider.${provider.verificationStatus.toLowerCase()}`,
        entityType: 'provider',
        entityId: provider.id,
        before: { verificationStatus: VerificationStatus.PENDING },
        after: { verificationStatus: provider.verificationStatus, verificationReason: provider.verificationReason },
        occurredAt: provider.verifiedAt,
        actor: actor(provider.verifiedByUserId),
      });
    }
  }
  const ownerOf = new Map(world.providers.map((p) => [p.id, p.ownerUserId]));
  for (const offer of world.offers) {
    const by = actor(ownerOf.get(offer.providerId));
    events.push({
      action: 'offer.created',
      entityType: 'offer',
      entityId: offer.id,
      after: { title: offer.title, categories: offer.categories, capacity: offer.capacity, status: OfferStatus.DRAFT },
      occurredAt: offer.validFrom ?? opened,
      actor: by,
    });
    const statusAction = OFFER_STATUS_ACTION[offer.status];
    if (statusAction && offer.publishedAt) {
      events.push({ action: statusAction, entityType: 'offer', entityId: offer.id, before: { status: OfferStatus.DRAFT }, after: { status: offer.status }, occurredAt: offer.publishedAt, actor: by });
    }
  }
  const shopOwner = new Map(world.shops.map((s) => [s.id, s.ownerUserId]));
  for (const bundle of world.bundles) {
    events.push({
      action: 'help_request_bundle.created',
      entityType: 'help_request_bundle',
      entityId: bundle.id,
      after: { categories: bundle.categories },
      occurredAt: bundle.createdAt,
      actor: actor(shopOwner.get(bundle.shopId)),
    });
  }
  for (const request of world.requests) {
    const by = actor(shopOwner.get(request.shopId));
    events.push({
      action: 'help_request.created',
      entityType: 'help_request',
      entityId: request.id,
      after: { category: request.category, description: request.description, status: HelpRequestStatus.OPEN },
      occurredAt: request.createdAt,
      actor: by,
    });
    if (request.status === HelpRequestStatus.CANCELLED && request.cancelledAt) {
      events.push({ action: 'help_request.cancelled', entityType: 'help_request', entityId: request.id, before: { status: HelpRequestStatus.OPEN }, after: { status: request.status }, occurredAt: request.cancelledAt, actor: by });
    }
  }
  const matchById = new Map(journal.matches.map((m) => [m.id, m]));
  for (const step of journal.transitions) {
    const match = matchById.get(step.matchId as string);
    if (!match || !step.toState || !step.occurredAt) throw new Error(`demo step of an unknown match ${step.matchId}`);
    events.push({
      action: matchAction(step.fromState ?? null, step.toState, match.origin),
      entityType: 'match',
      entityId: match.id,
      before: step.fromState ? { state: step.fromState } : null,
      after: { state: step.toState, helpRequestId: match.helpRequestId, offerId: match.offerId, reason: step.reason ?? null },
      occurredAt: step.occurredAt,
      actor: actor(step.actorUserId),
    });
  }
  for (const survey of journal.surveys) {
    events.push({
      action: 'outcome_survey.answered',
      entityType: 'match',
      entityId: survey.matchId as string,
      after: { checkpoint: survey.checkpoint, gotOnlineOrders: survey.gotOnlineOrders, approximateOrders: survey.approximateOrders },
      occurredAt: survey.answeredAt as Date,
      actor: actor(survey.answeredByUserId),
    });
  }
  // In the order they happened, as a live platform appends them.
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
