import { createHmac } from 'node:crypto';
import { openPendingLogin, pendingLoginKey, sealPendingLogin, type PendingLogin } from './pending-login';

const key = pendingLoginKey('a-secret-of-the-platform-long-enough-1234');
const login: PendingLogin = { providerId: 'spid-poste', state: 's', nonce: 'n', codeVerifier: 'v', expiresAt: 2_000, noticeVersion: '2026-12-05' };

/** The signature the platform puts on a cookie body (as sealPendingLogin does). */
const createHmacFor = (body: string): string => createHmac('sha256', key).update(body).digest('base64url');

describe('the pending sign-in cookie', () => {
  it('comes back as it was sealed, until it expires', () => {
    const sealed = sealPendingLogin(key, login);
    expect(openPendingLogin(key, sealed, 1_999)).toEqual(login);
    expect(openPendingLogin(key, sealed, 2_000)).toBeNull();
  });

  it('carries no notice version when none was shown, and one sealed before versions travelled opens with none', () => {
    expect(openPendingLogin(key, sealPendingLogin(key, { ...login, noticeVersion: null }), 0)).toEqual({ ...login, noticeVersion: null });
    const before = Buffer.from(JSON.stringify(['spid-poste', 's', 'n', 'v', 2_000])).toString('base64url');
    const signature = createHmacFor(before);
    expect(openPendingLogin(key, `${before}.${signature}`, 0)).toEqual({ ...login, noticeVersion: null });
  });

  it('is refused when altered, signed with another key, or absent', () => {
    const sealed = sealPendingLogin(key, login);
    const [body, signature] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify(['spid-poste', 'mine', 'n', 'v', 2_000])).toString('base64url');
    expect(openPendingLogin(key, `${forged}.${signature}`, 0)).toBeNull();
    expect(openPendingLogin(key, `${body}.${signature}x`, 0)).toBeNull();
    expect(openPendingLogin(pendingLoginKey('another-secret-of-the-platform-long-enough'), sealed, 0)).toBeNull();
    expect(openPendingLogin(key, undefined, 0)).toBeNull();
    expect(openPendingLogin(key, 'garbage', 0)).toBeNull();
  });
});
