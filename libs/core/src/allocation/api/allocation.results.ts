import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { CancelRunOutcome } from '../allocation-run.service';
import { AllocationRunModel, InvalidAllocationRunStateErrorModel, toAllocationRunModel } from './allocation-run.models';

/** The outcomes of cancelling a run as members of its result union; the switch covers every outcome. */

export const CancelAllocationRunResult = resultUnion({
  name: 'CancelAllocationRunResult',
  types: () => [AllocationRunModel, InvalidAllocationRunStateErrorModel] as const,
});

export function toCancelRunResult(outcome: CancelRunOutcome): typeof CancelAllocationRunResult {
  switch (outcome.kind) {
    case 'run':
      return toAllocationRunModel(outcome.run);
    case 'not-cancellable':
      return new InvalidAllocationRunStateErrorModel(MESSAGES.allocation.notCancellable(outcome.current), 'id', outcome.current);
  }
}
