import { hash } from '@node-rs/argon2';
import { hashPassword, verifyPassword } from './password-hasher';

describe('passwords as hashed and checked', () => {
  const composed = 'caffè lungo perché città';
  const decomposed = composed.normalize('NFD');

  it('takes a password however its accented letters were typed: one character, or a letter and its accent', async () => {
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(composed);
    expect(await verifyPassword(stored, decomposed)).toBe(true);
    expect(await verifyPassword(await hashPassword(decomposed), composed)).toBe(true);
    expect(await verifyPassword(stored, 'caffe lungo perche citta')).toBe(false);
  });

  it('still takes a password hashed as typed before passwords were normalised', async () => {
    const legacy = await hash(decomposed, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(legacy, decomposed)).toBe(true);
    expect(await verifyPassword(legacy, 'un-altra-password-qualsiasi')).toBe(false);
  });
});
