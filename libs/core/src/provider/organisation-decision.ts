import type { DeepPartial, EntityManager, Repository } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { allowedDecisions } from './provider-verification';
import { VerificationStatus } from './provider.types';

/** Why an organisation stopped acting: its owner erased the account (GDPR Art. 17); kept as its verification reason. */
export const CLOSED_ON_ERASURE_REASON = 'Organizzazione chiusa: l’account è stato cancellato su richiesta del titolare (art. 17 GDPR)';

/** The verification columns every organisation staff verify carries (providers, facilitators). */
export interface VerifiedOrganisation {
  id: string;
  ownerUserId: string;
  verificationStatus: VerificationStatus;
  verificationReason: string | null;
  verifiedAt: Date | null;
  verifiedByUserId: string | null;
  /** When its details or its verification last changed. */
  updatedAt: Date;
}

export interface OrganisationDecision {
  decision: VerificationStatus;
  reason?: string | null;
  /**
   * The organisation's `updatedAt` as the decision's maker read it: given, a decision on an
   * organisation changed since (its details, or another decision) is refused, to be read again.
   */
  seenUpdatedAt?: Date | null;
  actorUserId: string;
}

export type OrganisationDecisionOutcome<T> =
  | { kind: 'decided'; updated: T; previous: VerificationStatus }
  | { kind: 'invalid-transition'; current: VerificationStatus }
  | { kind: 'owner-erased' }
  | { kind: 'changed-since-read'; updatedAt: Date };

/**
 * A staff decision on an organisation the calling feature has read under lock in `tx`: the state
 * machine's check, the new status with its reason, who decided and when, and the audit event
 * (`<entityType>.<decision>`), all in the caller's transaction. None on an organisation whose
 * account was erased: nobody can act for it or read a decision any more. Read under the same lock
 * as the erasure takes, so a decision waiting for an erasure under way is refused once it commits.
 * With `seenUpdatedAt`, one taken on details that changed after they were read (a pending
 * organisation renamed between staff's reading and their approval) is refused: what staff approve
 * is what they read.
 */
export async function applyOrganisationDecision<T extends VerifiedOrganisation>(
  tx: RequestContext,
  target: { repository: Repository<T>; audit: AuditService; entityType: 'provider' | 'facilitator' },
  current: T,
  { decision, reason, seenUpdatedAt, actorUserId }: OrganisationDecision,
): Promise<OrganisationDecisionOutcome<T>> {
  if (await ownerErased(target.repository.manager, current.ownerUserId)) return { kind: 'owner-erased' };
  if (seenUpdatedAt && seenUpdatedAt.getTime() !== current.updatedAt.getTime()) return { kind: 'changed-since-read', updatedAt: current.updatedAt };
  if (!allowedDecisions(current.verificationStatus).includes(decision)) return { kind: 'invalid-transition', current: current.verificationStatus };
  const before = { verificationStatus: current.verificationStatus, verificationReason: current.verificationReason };
  const changes = { verificationStatus: decision, verificationReason: reason ?? null, verifiedAt: tx.now, verifiedByUserId: actorUserId } as DeepPartial<T>;
  const updated = await target.repository.save(target.repository.merge(current, changes));
  await target.audit.record(tx, {
    action: `${target.entityType}.${decision.toLowerCase()}`,
    entityType: target.entityType,
    entityId: updated.id,
    before,
    after: { verificationStatus: updated.verificationStatus, verificationReason: updated.verificationReason },
  });
  return { kind: 'decided', updated, previous: before.verificationStatus };
}

/**
 * For the erasure of the owner's account, in its transaction, on an organisation the calling
 * feature has read under lock: it stops. One still approved or awaiting verification is suspended
 * with CLOSED_ON_ERASURE_REASON; a rejected or suspended one keeps staff's decision. Staff decide
 * nothing more on it either way (see `applyOrganisationDecision`). Audited as `<entityType>.closed` either way; the record stays.
 */
export async function closeOnErasure<T extends VerifiedOrganisation>(
  tx: RequestContext,
  target: { repository: Repository<T>; audit: AuditService; entityType: 'provider' | 'facilitator' },
  current: T,
): Promise<void> {
  const before = { verificationStatus: current.verificationStatus, verificationReason: current.verificationReason };
  const stops = current.verificationStatus === VerificationStatus.APPROVED || current.verificationStatus === VerificationStatus.PENDING;
  const closed = { verificationStatus: VerificationStatus.SUSPENDED, verificationReason: CLOSED_ON_ERASURE_REASON };
  if (stops) await target.repository.save(target.repository.merge(current, closed as DeepPartial<T>));
  await target.audit.record(tx, { action: `${target.entityType}.closed`, entityType: target.entityType, entityId: current.id, before, after: stops ? closed : before });
}

/** Whether the account that owns an organisation was erased: nobody can act for it any more, so staff decide nothing more on it. */
export async function ownerErased(manager: EntityManager, ownerUserId: string): Promise<boolean> {
  const [erased] = await erasedOwners(manager, [ownerUserId]);
  return erased;
}

/** For each owner account, in the order asked, whether it was erased (an unknown id: not erased). */
export async function erasedOwners(manager: EntityManager, ownerUserIds: readonly string[]): Promise<boolean[]> {
  const rows: { id: string }[] = await manager.query(`SELECT id FROM user_account WHERE id = ANY($1::uuid[]) AND erased_at IS NOT NULL`, [ownerUserIds]);
  const erased = new Set(rows.map((row) => row.id));
  return ownerUserIds.map((id) => erased.has(id));
}
