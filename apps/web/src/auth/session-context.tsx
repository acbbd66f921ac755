import { useApolloClient } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LogoutDocument } from '../gql/generated';
import { refreshSession } from './refresh';
import { sessionStore, type SessionPayload, type SessionUser } from './session-store';

export interface Session {
  user: SessionUser | null;
  /** True while a session kept from before a reload is being renewed. */
  restoring: boolean;
  signIn(payload: SessionPayload): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { user } = useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
  const [restoring, setRestoring] = useState(() => user === null && sessionStore.refreshToken() !== null);

  useEffect(() => {
    if (!restoring) return;
    refreshSession()
      .catch(() => false)
      .finally(() => setRestoring(false));
  }, [restoring]);

  // A new account must never see what the cache holds from the previous one.
  const signIn = useCallback(
    async (payload: SessionPayload) => {
      await client.clearStore();
      sessionStore.start(payload);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    const refreshToken = sessionStore.refreshToken();
    if (refreshToken) {
      // Ending the session on the server is best effort: the local session ends regardless.
      await client.mutate({ mutation: LogoutDocument, variables: { input: { refreshToken } } }).catch(() => undefined);
    }
    sessionStore.clear();
    await client.clearStore();
  }, [client]);

  const value = useMemo(() => ({ user, restoring, signIn, signOut }), [user, restoring, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
