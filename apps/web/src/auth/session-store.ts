// The session lives outside React so that the Apollo links can read and renew it. The access token
// stays in memory; the one-use refresh token is in an HttpOnly cookie that scripts cannot read, so
// a marker in localStorage says whether there is a session to renew (in any tab of this browser).
import type { UserRole } from '../gql/generated';

export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
  /** The password was set by an administrator: the account may only change it, until it does. */
  passwordChangeRequired?: boolean;
}

export interface SessionPayload {
  accessToken: string;
  user: SessionUser;
}

export interface SessionState {
  accessToken: string | null;
  user: SessionUser | null;
}

/** Not a secret: only that this browser signed in and has not signed out. */
export const SIGNED_IN_KEY = 'vec.signedIn';
const SIGNED_OUT: SessionState = { accessToken: null, user: null };

let state: SessionState = SIGNED_OUT;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export const sessionStore = {
  getState: (): SessionState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Whether the session cookie is worth renewing: this browser signed in and did not sign out. */
  hasSession(): boolean {
    return storage()?.getItem(SIGNED_IN_KEY) === '1';
  },

  start({ accessToken, user }: SessionPayload): void {
    storage()?.setItem(SIGNED_IN_KEY, '1');
    state = { accessToken, user: { id: user.id, email: user.email, role: user.role, passwordChangeRequired: user.passwordChangeRequired ?? false } };
    emit();
  },

  /** The account now has another address (a change confirmed in this browser). */
  emailChanged(userId: string, email: string): void {
    if (state.user?.id !== userId) return;
    state = { ...state, user: { ...state.user, email } };
    emit();
  },

  /** The account chose its own password: everything its role allows is open again. */
  passwordChanged(userId: string): void {
    if (state.user?.id !== userId || !state.user.passwordChangeRequired) return;
    state = { ...state, user: { ...state.user, passwordChangeRequired: false } };
    emit();
  },

  clear(): void {
    storage()?.removeItem(SIGNED_IN_KEY);
    state = SIGNED_OUT;
    emit();
  },

  /** Another tab signed out: this one forgets its access token too (the cookie is already gone). */
  forget(): void {
    state = SIGNED_OUT;
    emit();
  },
};
