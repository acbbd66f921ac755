import { useTranslation } from 'react-i18next';
import type { RankedOfferFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { explain, maximumScore, type Reason } from './explanation';

function useReasonText(): (reason: Reason) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (reason) => {
    switch (reason.key) {
      case 'coverage':
        return t(`explanation.coverage.${reason.level}`, { km: format.number(reason.km, 1) });
      case 'categoryFit':
        return reason.categories <= 1 ? t('explanation.specialist') : t('explanation.generalist', { count: reason.categories });
      case 'freePeriod':
        return t('explanation.freePeriod', { count: reason.months });
      case 'seatsLeft':
        return reason.seats > 0 ? t('explanation.seatsLeft', { count: reason.seats }) : t('explanation.full');
    }
  };
}

/** Why the offer fits, in plain words, and on request how each term adds to its score. */
export function OfferExplanation({ ranked, idPrefix }: { ranked: RankedOfferFieldsFragment; idPrefix: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useReasonText();
  const max = maximumScore(ranked);
  return (
    <div className="offer-explanation">
      <p className="mb-1 fw-semibold" id={`${idPrefix}-why`}>
        {t('explanation.why')}
      </p>
      <ul className="reasons" aria-labelledby={`${idPrefix}-why`}>
        {explain(ranked).map((reason) => (
          <li key={reason.key}>{text(reason)}</li>
        ))}
      </ul>
      <details className="score-details">
        <summary>{t('explanation.score', { score: format.number(ranked.score, 1), max: format.number(max) })}</summary>
        <table className="table table-sm score-table mb-0">
          <caption className="visually-hidden">{t('explanation.scoreCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explanation.term')}</th>
              <th scope="col" className="text-end">
                {t('explanation.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.components.map((c) => (
              <tr key={c.name}>
                <th scope="row" className="fw-normal">
                  {/* Distance from an area's centre only means something for an offer around a point: one covering a whole comune, province, region or Italy gets its points wherever the shop is. */}
                  {t(`explanation.components.${c.name === 'DISTANCE' && ranked.coverageLevel !== 'RADIUS' ? 'DISTANCE_WHOLE_AREA' : c.name}`)}
                </th>
                <td className="text-end">{t('explanation.pointsOf', { points: format.number(c.contribution, 1), weight: format.number(c.weight) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
