import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useArrivedNotice, useNotice } from '../../components/StatusNotice';
import { MatchDocument } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS } from '../../routes';
import { DecisionButtons } from './DecisionButtons';
import { MatchFacts } from './MatchFacts';
import { MatchHistory } from './MatchHistory';
import { ShopMatchActions } from './ShopMatchActions';
import { SurveyForm } from './SurveyForm';
import { useRefreshWhenShown } from '../../components/use-refresh-when-shown';

/** One match, for its shop or its provider: where it stands, what to do next, and its history. */
export function MatchPage({ side }: { side: 'SHOP' | 'PROVIDER' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const arrived = useArrivedNotice();
  const { notice, announce } = useNotice(arrived);
  const { data, loading, refetch } = useQuery(MatchDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  useRefreshWhenShown(refetch);
  const match = data?.match;
  const title = match ? match.offer.title : t('matches.loadingTitle');
  const back = side === 'SHOP' ? { to: PATHS.shopMatches, label: t('matches.backShop') } : { to: PATHS.providerApplications, label: t('matches.backProvider') };

  let body;
  if (loading && !match) body = <Loading />;
  // A failed reload keeps the match on screen: only one never loaded is reported missing.
  else if (!match) body = <p className="alert alert-danger">{t('matches.notFound')}</p>;
  else {
    // The surveys are the shop's to answer; the provider only reads the answers.
    const due = side === 'SHOP' ? match.surveysDue : [];
    body = (
      <>
        <section className="profile-card" aria-label={t('matches.detailsLabel')}>
          <MatchFacts match={match} side={side} />
          {match.endReasonText ? <p className="mb-0">{t('matches.reason', { reason: inLanguage(match.endReasonText, match.endReasonTextIt) })}</p> : null}
        </section>
        {side === 'SHOP' ? <ShopMatchActions match={match} onDone={announce} /> : <DecisionButtons match={match} onDone={announce} />}
        {due.map((checkpoint) => (
          <SurveyForm key={checkpoint} matchId={match.id} checkpoint={checkpoint} onDone={announce} />
        ))}
        {match.surveys.length > 0 ? (
          <section aria-labelledby="surveys-title" className="mt-4">
            <h2 id="surveys-title" className="h4">
              {side === 'SHOP' ? t('survey.answeredTitle') : t('survey.answeredTitleProvider')}
            </h2>
            <ul>
              {match.surveys.map((survey) => (
                <li key={survey.checkpoint}>
                  {t(`survey.titles.${survey.checkpoint}`)}: {survey.gotOnlineOrders ? t('survey.answerYes', { count: survey.approximateOrders }) : t('survey.answerNo')} (
                  {format.date(survey.answeredAt)})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <MatchHistory transitions={match.transitions} />
      </>
    );
  }

  return (
    <>
      <p className="mb-2">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <StatusNotice {...notice} />
      {body}
    </>
  );
}
