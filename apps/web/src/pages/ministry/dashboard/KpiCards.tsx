import { useTranslation } from 'react-i18next';
import type { DashboardOverviewQuery } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';

type Kpis = DashboardOverviewQuery['monitoringKpis'];

interface Card {
  id: string;
  value: string;
  label: string;
  detail?: string;
}

/** The headline figures for the filter; a ratio with nothing to divide reads "–", not 0 %. */
export function KpiCards({ kpis }: { kpis: Kpis }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (value: number | null | undefined): string => (value == null ? '–' : `${format.number(value * 100, 1)} %`);
  const count = (statuses: { status: string; count: number }[], status: string): number => statuses.find((s) => s.status === status)?.count ?? 0;
  const requests = kpis.requestsByStatus.reduce((sum, s) => sum + s.count, 0);
  const cards: Card[] = [
    { id: 'shops', value: format.number(kpis.shopsRegistered), label: t('dashboard.kpi.shops') },
    { id: 'requests', value: format.number(requests), label: t('dashboard.kpi.requests'), detail: t('dashboard.kpi.requestsOpen', { count: count(kpis.requestsByStatus, 'OPEN') }) },
    { id: 'matchRate', value: share(kpis.matchRate), label: t('dashboard.kpi.matchRate') },
    { id: 'activationRate', value: share(kpis.activationRate), label: t('dashboard.kpi.activationRate') },
    {
      id: 'medianHours',
      value: kpis.medianHoursToAcceptance == null ? '–' : t('dashboard.kpi.hours', { hours: format.number(kpis.medianHoursToAcceptance, 1) }),
      label: t('dashboard.kpi.medianHours'),
    },
    {
      id: 'capacity',
      value: `${format.number(kpis.capacityUsed)} / ${format.number(kpis.capacityTotal)}`,
      label: t('dashboard.kpi.capacity'),
      detail: t('dashboard.kpi.offers', { count: kpis.offersPublished }),
    },
    { id: 'completed', value: format.number(kpis.completedMatches), label: t('dashboard.kpi.completed'), detail: t('dashboard.kpi.surveyed', { count: kpis.surveyedCompletions }) },
    { id: 'onlineOrders', value: share(kpis.onlineOrdersShare), label: t('dashboard.kpi.onlineOrders') },
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
