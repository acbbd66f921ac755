import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { Loading } from '../components/Loading';
import type { UserRole } from '../gql/generated';
import { homePathFor, PATHS } from '../routes';
import { useSession } from './session-context';

/**
 * Signed-out visitors go to the login page (and come back after it); other roles go to their own
 * area; an account whose password an administrator set goes to its account page to change it.
 */
export function RequireRole({ roles, children }: { roles: UserRole[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, restoring } = useSession();
  const location = useLocation();
  if (restoring) return <Loading label={t('common.restoring')} />;
  if (!user) return <Navigate to={PATHS.login} replace state={{ from: location.pathname }} />;
  if (user.passwordChangeRequired && location.pathname !== PATHS.account) return <Navigate to={PATHS.account} replace />;
  if (!roles.includes(user.role)) return <Navigate to={homePathFor(user.role)} replace />;
  return children;
}
