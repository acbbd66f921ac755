import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShopVoice } from '../../auth/acting-for';
import { Link } from 'react-router-dom';
import { FilterButtons } from '../../components/FilterButtons';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { MyMatchesDocument, type MatchListFieldsFragment, type MatchState } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { MATCH_STATES, MatchStateBadge } from '../match/MatchStateBadge';
import { RequireShop } from './RequireShop';

const PAGE_SIZE = 10;

/** The one line that says what happens next for this match. */
function NextStep({ match }: { match: MatchListFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (match.state) {
    case 'WAITLISTED':
      // A part of a set waits for the whole set, even on an offer with free places.
      return <>{t(match.setId ? 'matches.next.WAITLISTED_SET' : 'matches.next.WAITLISTED', { position: match.waitlistPosition ?? '—' })}</>;
    case 'PENDING':
      return <>{match.respondBy ? t('matches.next.PENDING', { date: format.dateTime(match.respondBy) }) : null}</>;
    case 'ACTIVE':
      return <>{match.freeUntil ? t('matches.next.ACTIVE', { date: format.date(match.freeUntil) }) : null}</>;
    case 'ACCEPTED':
      return <>{t('matches.next.ACCEPTED')}</>;
    case 'COMPLETED':
      // Asked only while a survey is due: once answered, nothing more is asked here.
      return match.surveysDue.length > 0 ? <>{t('matches.next.COMPLETED')}</> : null;
    default:
      return null;
  }
}

function MatchList() {
  const { t } = useTranslation();
  const { label } = useCategoryLabels();
  const [state, setState] = useState<MatchState | ''>('');
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(MyMatchesDocument, {
    variables: { filter: state ? { state } : {}, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
  });
  const matches = data?.myMatches;

  const empty = (
    <div className="empty-state">
      <p className="mb-0">{state ? t('matches.emptyFiltered') : t('matches.empty')}</p>
    </div>
  );

  return (
    <>
      <FilterButtons
        label={t('matches.filter')}
        options={[{ value: '', label: t('matches.filterAll') }, ...MATCH_STATES.map((value) => ({ value, label: t(`matches.states.${value}`) }))]}
        value={state}
        onChange={(value) => {
          setState(value);
          paging.reset();
        }}
      />
      <PagedResults paging={paging} page={matches} error={error} empty={empty}>
        {(page) => (
          <>
            <p>{t('matches.count', { count: page.totalCount })}</p>
            <ul className="list-unstyled">
              {page.items.map((match) => (
                <li key={match.id} className="queue-card" data-testid="match-row">
                  <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
                    <h2 className="h4 mb-1">
                      <Link to={pathTo(PATHS.shopMatch, match.id)}>{match.offer.title}</Link>
                    </h2>
                    <MatchStateBadge state={match.state} />
                  </div>
                  <p className="small mb-2">{t('matches.summary', { category: label(match.category), provider: match.provider.name })}</p>
                  <p className="mb-0">
                    <NextStep match={match} />
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </PagedResults>
    </>
  );
}

export function ShopMatchesPage() {
  const { t } = useTranslation();
  const voice = useShopVoice();
  return (
    <>
      <PageTitle title={t('matches.title', voice)}>{t('matches.title', voice)}</PageTitle>
      <p className="lead">{t('matches.lead')}</p>
      <RequireShop>{() => <MatchList />}</RequireShop>
    </>
  );
}
