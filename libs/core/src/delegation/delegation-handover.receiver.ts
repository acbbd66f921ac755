import { providerActive } from '../provider/provider-verification';
import type { ReceiverCandidate } from './delegation-handover.queries';

export type PickedReceiver = { kind: 'found'; receiver: ReceiverCandidate } | { kind: 'receiver-unknown'; ambiguous: boolean };

/**
 * Which organisation the giver meant by an address: the one whose account signs in with it; else
 * the one using it as contact address, an approved one first. Several approved organisations
 * sharing that contact address are not guessed between: the giver is asked for the sign-in one.
 */
export function pickReceiver(candidates: readonly ReceiverCandidate[]): PickedReceiver {
  const [first] = candidates;
  if (!first) return { kind: 'receiver-unknown', ambiguous: false };
  if (first.byAccount) return { kind: 'found', receiver: first };
  const approved = candidates.filter((candidate) => providerActive(candidate.verificationStatus));
  if (approved.length > 1) return { kind: 'receiver-unknown', ambiguous: true };
  return { kind: 'found', receiver: first };
}
