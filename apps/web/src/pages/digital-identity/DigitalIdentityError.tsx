import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/** Why a sign-in through an identity provider failed, as the API says it (`/accedi?errore=CODE`, see OidcErrorCode). */
const CODES = [
  'UNKNOWN_PROVIDER',
  'LOGIN_EXPIRED',
  'STATE_MISMATCH',
  'DENIED',
  'PROVIDER_ERROR',
  'MISSING_CLAIMS',
  'MISSING_EMAIL',
  'EMAIL_NOT_VERIFIED',
  'STAFF_NEEDS_PUBLIC_IDENTITY',
  'ACCOUNT_DISABLED',
  'PRIVACY_NOTICE_NEEDED',
  'TOO_MANY_ATTEMPTS',
  'SESSION',
] as const;
type Code = (typeof CODES)[number];

const isCode = (value: string | null): value is Code => (CODES as readonly (string | null)[]).includes(value);

/** The reason, in words, above the login form; an unknown code reads as a generic failure of the provider. */
export function DigitalIdentityError() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('errore');
  if (code === null) return null;
  return (
    <div className="alert alert-danger" role="alert">
      <h2 className="h5">{t('digitalIdentity.failedTitle')}</h2>
      <p className="mb-0">{t(`digitalIdentity.errors.${isCode(code) ? code : 'PROVIDER_ERROR'}`)}</p>
    </div>
  );
}
