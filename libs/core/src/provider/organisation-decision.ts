import type { DeepPartial, Repository } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../common/request-context';
import { allowedDecisions } from './provider-verification';
import type { VerificationStatus } from './provider.types';

/** The verification columns every organisation staff verify carries (providers, facilitators). */
export interface VerifiedOrganisation {
  id: string;
  verificationStatus: VerificationStatus;
  verificationReason: string | null;
  verifiedAt: Date | null;
  verifiedByUserId: string | null;
}

export interface OrganisationDecision {
  decision: VerificationStatus;
  reason?: string | null;
  actorUserId: string;
}

export type OrganisationDecisionOutcome<T> = { kind: 'decided'; updated: T; previous: VerificationStatus } | { kind: 'invalid-transition'; current: VerificationStatus };

/**
 * A staff decision on an organisation the calling feature has read under lock in `tx`: the state
 * machine's check, the new status with its reason, who decided and when, and the audit event
 * (`<entityType>.<decision>`), all in the caller's transaction.
 */
export async function applyOrganisationDecision<T extends VerifiedOrganisation>(
  tx: RequestContext,
  target: { repository: Repository<T>; audit: AuditService; entityType: 'provider' | 'facilitator' },
  current: T,
  { decision, reason, actorUserId }: OrganisationDecision,
): Promise<OrganisationDecisionOutcome<T>> {
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
