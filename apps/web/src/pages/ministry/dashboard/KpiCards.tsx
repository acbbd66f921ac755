import { useTranslation } from 'react-i18next';
import type { DashboardKpisQuery } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';

type Kpis = DashboardKpisQuery['monitoringKpis'];

interface Card {
  id: string;
  value: string;
  label: string;
  detail?: string;
}

/**
 * The headline figures for the filter; a ratio with nothing to divide reads "–", not 0 %. With a
 * period, the offers are those on offer during it, and the services completed in it count their
 * survey whenever it was answered: the card says so, since the outcomes table counts the answers
 * given in the period. Narrowed
 * to a region or province, the places are those of every offer reaching it, national ones
 * included, taken by shops anywhere: the card says so, since the table by area counts only the
 * places taken there.
 */
export function KpiCards({ kpis, narrowedToPlace = false, period = false }: { kpis: Kpis; narrowedToPlace?: boolean; period?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Counts inside sentences: the plural follows `count`, the figure is written as the cards write it.
  const counted = (
    key: 'dashboard.kpi.requestsOpen' | 'dashboard.kpi.offers' | 'dashboard.kpi.offersInPeriod' | 'dashboard.kpi.surveyed' | 'dashboard.kpi.surveyedAnyTime',
    count: number,
  ): string => t(key, { count });
  const open = kpis.requestsByStatus.find((s) => s.status === 'OPEN')?.count ?? 0;
  // As everywhere else on the page, a withdrawn request is no longer a request.
  const requests = kpis.requestsByStatus.reduce((sum, s) => (s.status === 'CANCELLED' ? sum : sum + s.count), 0);
  const cards: Card[] = [
    { id: 'shops', value: format.number(kpis.shopsRegistered), label: t('dashboard.kpi.shops', { count: kpis.shopsRegistered }) },
    { id: 'requests', value: format.number(requests), label: t('dashboard.kpi.requests', { count: requests }), detail: counted('dashboard.kpi.requestsOpen', open) },
    { id: 'matchRate', value: format.percent(kpis.matchRate), label: t('dashboard.kpi.matchRate') },
    { id: 'activationRate', value: format.percent(kpis.activationRate), label: t('dashboard.kpi.activationRate') },
    {
      id: 'medianHours',
      value: kpis.medianHoursToAcceptance == null ? '–' : t('dashboard.kpi.hours', { count: kpis.medianHoursToAcceptance, hours: format.number(kpis.medianHoursToAcceptance, 1) }),
      label: t('dashboard.kpi.medianHours'),
    },
    {
      id: 'capacity',
      value: `${format.number(kpis.capacityUsed)} / ${format.number(kpis.capacityTotal)}`,
      label: narrowedToPlace ? t('dashboard.kpi.capacityReaching') : t('dashboard.kpi.capacity'),
      detail: counted(period ? 'dashboard.kpi.offersInPeriod' : 'dashboard.kpi.offers', kpis.offersPublished),
    },
    { id: 'completed', value: format.number(kpis.completedMatches), label: t(period ? 'dashboard.kpi.completedInPeriod' : 'dashboard.kpi.completed', { count: kpis.completedMatches }), detail: counted(period ? 'dashboard.kpi.surveyedAnyTime' : 'dashboard.kpi.surveyed', kpis.surveyedCompletions) },
    { id: 'onlineOrders', value: format.percent(kpis.onlineOrdersShare), label: t('dashboard.kpi.onlineOrders') },
  ];
  return (
    <ul className="row list-unstyled figures" data-testid="kpis">
      {cards.map((card) => (
        <li key={card.id} className="col-6 col-lg-3 mb-3" data-kpi={card.id}>
          <div className="figure-card">
            <span className="figure-value">{card.value}</span>
            <span className="figure-label">{card.label}</span>
            {card.detail ? <span className="figure-detail">{card.detail}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
