// The session lives outside React so that the Apollo links can read and renew it:
// the access token only in memory, the one-use refresh token in sessionStorage (it survives a
// reload of this tab, not the closing of the browser), and the signed-in user.
import type { UserRole } from '../gql/generated';

export interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
}

export interface SessionPayload {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export interface SessionState {
  accessToken: string | null;
  user: SessionUser | null;
}

const REFRESH_TOKEN_KEY = 'vec.refreshToken';
const SIGNED_OUT: SessionState = { accessToken: null, user: null };

let state: SessionState = SIGNED_OUT;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getState: (): SessionState => state,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  refreshToken(): string | null {
    try {
      return sessionStorage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  },

  start({ accessToken, refreshToken, user }: SessionPayload): void {
    sessionStorage.setItem(REFRESH_TOKEN_KEY, refreshToken);
    state = { accessToken, user: { id: user.id, email: user.email, role: user.role } };
    emit();
  },

  clear(): void {
    sessionStorage.removeItem(REFRESH_TOKEN_KEY);
    state = SIGNED_OUT;
    emit();
  },
};
