import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useActingFor } from '../../auth/acting-for';
import { useSession } from '../../auth/session-context';
import { PATHS } from '../../routes';

/** The shop's screens: a shop's own, or a facilitator's once it has chosen a shop to act for (else its desk). */
export function ShopArea({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const acting = useActingFor();
  if (user?.role === 'FACILITATOR' && !acting) return <Navigate to={PATHS.facilitatorDesk} replace />;
  return children;
}
