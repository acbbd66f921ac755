import { VerificationStatus } from '../provider/provider.types';
import type { ReceiverCandidate } from './delegation-handover.queries';
import { pickReceiver } from './delegation-handover.receiver';

const candidate = (id: string, verificationStatus: VerificationStatus, byAccount = false): ReceiverCandidate => ({ id, name: `Organizzazione ${id}`, ownerUserId: `owner-${id}`, verificationStatus, byAccount });

describe('pickReceiver', () => {
  it.each([
    ['nobody has the address', [], { kind: 'receiver-unknown', ambiguous: false }],
    ['its account signs in with it, whoever else uses it as contact', [candidate('a', VerificationStatus.SUSPENDED, true), candidate('b', VerificationStatus.APPROVED)], 'a'],
    ['one organisation uses it as contact', [candidate('a', VerificationStatus.APPROVED)], 'a'],
    ['one approved among others not approved (listed first)', [candidate('a', VerificationStatus.APPROVED), candidate('b', VerificationStatus.PENDING)], 'a'],
    ['only organisations not approved: the first, to be refused as such', [candidate('a', VerificationStatus.REJECTED), candidate('b', VerificationStatus.PENDING)], 'a'],
    ['two approved share it as contact: not guessed', [candidate('a', VerificationStatus.APPROVED), candidate('b', VerificationStatus.APPROVED)], { kind: 'receiver-unknown', ambiguous: true }],
  ] as const)('%s', (_case, candidates, expected) => {
    const picked = pickReceiver(candidates);
    if (typeof expected === 'string') expect(picked).toEqual({ kind: 'found', receiver: expect.objectContaining({ id: expected }) });
    else expect(picked).toEqual(expected);
  });
});
