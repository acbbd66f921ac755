import { useTranslation } from 'react-i18next';
import type { OfferCoverageFieldsFragment } from '../gql/generated';
import { coverageSummary } from './coverage-summary';

/** An offer's served area, as one term of a `queue-facts` list. */
export function CoverageFact({ coverage }: { coverage: OfferCoverageFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{t('offers.coverage')}</dt>
      <dd>{coverageSummary(coverage, t)}</dd>
    </div>
  );
}

/** An offer's free period, as one term of a `queue-facts` list. */
export function FreePeriodFact({ months }: { months: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{t('offers.freePeriod')}</dt>
      <dd>{t('explanation.freePeriod', { count: months })}</dd>
    </div>
  );
}
