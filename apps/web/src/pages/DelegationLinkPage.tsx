import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLinkCode } from './account/link-token';
import { useSession } from '../auth/session-context';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadFailed, Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { StatusNotice, useNotice } from '../components/StatusNotice';
import { useFormErrors } from '../errors/use-form-errors';
import { AnswerDelegationInvitationDocument, DelegationLinkDocument } from '../gql/generated';
import { useFormat } from '../i18n/format';
import { PATHS } from '../routes';

/** A facilitator's invitation, opened from its e-mail: the shop's owner, signed in, accepts or declines. */
export function DelegationLinkPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const code = useLinkCode();
  const { user } = useSession();
  const { data, error, loading } = useQuery(DelegationLinkDocument, { variables: { link: code } });
  const [answer, answering] = useMutation(AnswerDelegationInvitationDocument);
  const { errors, attempt, send } = useFormErrors({ link: t('delegationLink.link') });
  const { notice, announce } = useNotice();
  const [answered, setAnswered] = useState(false);

  const reply = async (accept: boolean): Promise<void> => {
    const done = await send('Delegation', async () => (await answer({ variables: { input: { link: code, accept } } })).data?.answerDelegationInvitation);
    if (done) {
      setAnswered(true);
      // The page's own link names the organisation, whatever the answer carries.
      announce(accept ? t('delegationLink.accepted', { name: done.facilitatorName ?? data?.delegationLink?.facilitatorName ?? '' }) : t('delegationLink.declined'));
    }
  };

  let body;
  if (loading) body = <Loading />;
  else if (error || !data) body = error ? <p className="alert alert-warning">{t('delegationLink.invalid')}</p> : <LoadFailed />;
  else {
    const link = data.delegationLink;
    body = (
      <>
        <p className="lead">{t('delegationLink.lead', { name: link.facilitatorName, kind: t(`facilitator.kinds.${link.facilitatorKind}`) })}</p>
        <ul>
          <li>{t('delegationLink.scopeProfile')}</li>
          <li>{t('delegationLink.scopeApply')}</li>
          <li>{t('delegationLink.scopeRevoke')}</li>
        </ul>
        <p className="small">
          {t('delegationLink.sentTo', { email: link.email })} {t('delegationLink.validUntil', { date: date(link.expiresAt) })}
        </p>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="delegation-link" />
        {answered ? (
          <Link className="btn btn-primary" to={PATHS.shopDelegations}>
            {t('delegationLink.toDelegations')}
          </Link>
        ) : !link.facilitatorApproved ? (
          <p className="alert alert-warning">{t('delegationLink.notApproved', { name: link.facilitatorName })}</p>
        ) : user?.role === 'SHOP' ? (
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" disabled={answering.loading} onClick={() => void reply(true)}>
              {t('delegationLink.accept')}
            </button>
            <button type="button" className="btn btn-outline-danger" disabled={answering.loading} onClick={() => void reply(false)}>
              {t('delegationLink.decline')}
            </button>
          </div>
        ) : (
          <p>
            {t('delegationLink.signInFirst')}{' '}
            <Link to={PATHS.login} state={{ from: `/delega#${code}` }}>
              {t('delegationLink.signIn')}
            </Link>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('delegationLink.title')}>{t('delegationLink.title')}</PageTitle>
      <StatusNotice {...notice} />
      {body}
    </>
  );
}
