import { resultUnion } from '../../api/result-union';
import { fieldPath } from '../../common/field-path';
import { modelOf } from '../../api/model-instance';
import { MESSAGES, type Words } from '../../messages';
import type { CancelHelpRequestOutcome, CreateHelpRequestsOutcome, Duplicate, UpdateHelpRequestOutcome } from '../help-request.service';
import { HelpRequestStatus } from '../help-request.types';
import { DuplicateHelpRequestErrorModel, HelpRequestBatchModel, HelpRequestModel, HelpRequestStatusErrorModel, toHelpRequestModel } from './help-request.models';

/** The outcomes of the help-request mutations as members of their result unions; each switch covers every outcome. */

export const CreateHelpRequestResult = resultUnion({
  name: 'CreateHelpRequestResult',
  types: () => [HelpRequestModel, DuplicateHelpRequestErrorModel] as const,
});

export const CreateHelpRequestsResult = resultUnion({
  name: 'CreateHelpRequestsResult',
  types: () => [HelpRequestBatchModel, DuplicateHelpRequestErrorModel] as const,
});

export const UpdateHelpRequestResult = resultUnion({
  name: 'UpdateHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel, DuplicateHelpRequestErrorModel] as const,
});

export const CancelHelpRequestResult = resultUnion({
  name: 'CancelHelpRequestResult',
  types: () => [HelpRequestModel, HelpRequestStatusErrorModel] as const,
});

/** The refusal of a second request for a service, pointing at the one the shop already has. */
export function duplicateError(duplicate: Duplicate, field: string): DuplicateHelpRequestErrorModel {
  return new DuplicateHelpRequestErrorModel(duplicateWords(duplicate), field, duplicate.category, duplicate.existing);
}

/** One service already asked for, with why; several, all in one message. */
function duplicateWords({ category, existing, others }: Duplicate): Words {
  if (others.length > 0) {
    const conflicts = [{ category, existing }, ...others];
    return MESSAGES.helpRequest.severalAsked(conflicts.map((c) => ({ category: c.category, since: c.existing?.createdAt ?? null, matched: c.existing?.status === HelpRequestStatus.MATCHED })));
  }
  if (!existing) return MESSAGES.helpRequest.askedTwice(category);
  return existing.status === HelpRequestStatus.MATCHED ? MESSAGES.helpRequest.alreadyMatched(category, existing.createdAt) : MESSAGES.helpRequest.alreadyOpen(category, existing.createdAt);
}

/** One request asked for: the duplicate is named by the input's own category field. */
export function toCreateHelpRequestResult(outcome: CreateHelpRequestsOutcome): typeof CreateHelpRequestResult {
  switch (outcome.kind) {
    case 'requests':
      return toHelpRequestModel(outcome.requests[0]);
    case 'duplicate':
      return duplicateError(outcome.duplicate, 'input.category');
  }
}

export function toCreateHelpRequestsResult(outcome: CreateHelpRequestsOutcome): typeof CreateHelpRequestsResult {
  switch (outcome.kind) {
    case 'requests':
      return modelOf(HelpRequestBatchModel, { requests: outcome.requests.map(toHelpRequestModel), bundleId: outcome.bundle?.id ?? null });
    case 'duplicate':
      return duplicateError(outcome.duplicate, fieldPath('input', 'requests', outcome.duplicate.index, 'category'));
  }
}

export function toUpdateHelpRequestResult(outcome: UpdateHelpRequestOutcome): typeof UpdateHelpRequestResult {
  switch (outcome.kind) {
    case 'request':
      return toHelpRequestModel(outcome.request);
    case 'duplicate':
      return duplicateError(outcome.duplicate, 'input.category');
    case 'on-waitlist':
      return new HelpRequestStatusErrorModel('ON_WAITLIST', MESSAGES.helpRequest.onWaitlist(), 'input.category', HelpRequestStatus.OPEN);
    case 'not-open':
      return new HelpRequestStatusErrorModel('NOT_OPEN', MESSAGES.helpRequest.notOpen(outcome.current), 'input.id', outcome.current);
  }
}

export function toCancelHelpRequestResult(outcome: CancelHelpRequestOutcome): typeof CancelHelpRequestResult {
  switch (outcome.kind) {
    case 'request':
      return toHelpRequestModel(outcome.request);
    case 'invalid-transition':
      return new HelpRequestStatusErrorModel('INVALID_TRANSITION', MESSAGES.helpRequest.notWithdrawable(outcome.current), 'id', outcome.current);
  }
}
