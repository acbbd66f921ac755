import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { PublicFiguresDocument, type PublicFiguresQuery } from '../gql/generated';
import { useFormat } from '../i18n/format';

type Figure = Exclude<keyof PublicFiguresQuery['publicFigures'], '__typename' | 'onlineOrdersShare' | 'updatedAt'>;
const FIGURES: Figure[] = ['shops', 'requests', 'matchedRequests', 'activeMatches', 'completedMatches', 'approvedProviders', 'publishedOffers', 'capacity'];

/** The programme's national totals, the same the open-data files publish (no personal data). */
export function LiveFigures() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error } = useQuery(PublicFiguresDocument);
  if (loading) return <Loading />;
  if (error || !data) return <p className="alert alert-warning">{t('home.figuresUnavailable')}</p>;
  const figures = data.publicFigures;
  return (
    <>
      <ul className="row list-unstyled figures" data-testid="live-figures">
        {FIGURES.map((key) => (
          <li key={key} className="col-6 col-lg-3 mb-3">
            <div className="figure-card">
              <span className="figure-value">{format.number(figures[key])}</span>
              <span className="figure-label">{t(`home.live.${key}`)}</span>
            </div>
          </li>
        ))}
      </ul>
      {figures.onlineOrdersShare != null ? <p>{t('home.liveOnlineOrders', { share: format.percent(figures.onlineOrdersShare, 0) })}</p> : null}
      <p className="small text-secondary">
        {t('home.liveUpdated', { date: format.dateTime(figures.updatedAt) })} <a href="/open-data/aggregates.csv">{t('home.openDataCsv')}</a>
        {' · '}
        <a href="/open-data/aggregates.json">{t('home.openDataJson')}</a>
      </p>
    </>
  );
}
