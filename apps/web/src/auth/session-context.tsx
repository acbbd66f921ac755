import { useApolloClient } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LogoutDocument } from '../gql/generated';
import { actingForStore } from './acting-for';
import { refreshSession } from './refresh';
import { SIGNED_IN_KEY, sessionStore, type SessionPayload, type SessionUser } from './session-store';

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
  const [restoring, setRestoring] = useState(() => user === null && sessionStore.hasSession());

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
      actingForStore.set(null);
      sessionStore.start(payload);
    },
    [client],
  );

  // Signing out in another tab signs this one out too; a renewal that brought another account (signed
  // in meanwhile in another tab) must not show what the cache holds from the previous one.
  const previousUser = useRef(user?.id);
  useEffect(() => {
    const before = previousUser.current;
    previousUser.current = user?.id;
    if (before && user && before !== user.id) void client.clearStore();
  }, [user, client]);
  useEffect(() => {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === SIGNED_IN_KEY && event.newValue === null) {
        sessionStore.forget();
        void client.clearStore();
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [client]);

  const signOut = useCallback(async () => {
    // The API ends the session and clears its cookie; the local session ends regardless.
    await client.mutate({ mutation: LogoutDocument, variables: { input: {} } }).catch(() => undefined);
    sessionStore.clear();
    actingForStore.set(null);
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
