import { AccountErasureRefusedErrorModel } from './privacy.models';

describe('AccountErasureRefusedError', () => {
  it('says what to do first while something blocks the erasure', () => {
    const refused = new AccountErasureRefusedErrorModel([{ kind: 'OPEN_REQUESTS', count: 2 }]);
    expect([refused.message, refused.messageIt]).toEqual(['The account cannot be deleted yet: see what to do first', 'L’account non si può ancora cancellare: ecco cosa fare prima']);
  });

  it('says the account is already erased when a second request races the first, not that it cannot be erased yet', () => {
    const refused = new AccountErasureRefusedErrorModel([{ kind: 'ALREADY_ERASED', count: 1 }]);
    expect([refused.message, refused.messageIt]).toEqual(['This account has already been erased', 'Questo account è già stato cancellato']);
  });
});
