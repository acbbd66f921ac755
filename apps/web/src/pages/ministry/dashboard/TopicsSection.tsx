import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterButtons } from '../../../components/FilterButtons';
import { LoadFailed, Loading } from '../../../components/Loading';
import { DashboardBreakdownDocument, type MonitoringFilterInput, type ServiceCategory } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { useCategoryLabels } from '../../../i18n/use-category-labels';
import { atecoSections } from '../../shop/ateco';
import { BreakdownTable } from './BreakdownTable';
import { sectionClass, useOnScreen, useSectionSettled } from './dashboard-sections';

type Topic = 'CATEGORY' | 'SECTOR';

/** The same figures by service category or by the shops' ATECO section: which needs and trades lag behind. */
export function TopicsSection({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const [topic, setTopic] = useState<Topic>('CATEGORY');
  const { ref, deferred } = useOnScreen();
  const { data, error } = useQuery(DashboardBreakdownDocument, { variables: { by: topic, filter }, skip: deferred });
  useSectionSettled(Boolean(data ?? error));
  const sections = new Map(atecoSections(currentLanguage()).map((section) => [section.value, section.label]));
  // Names in the interface language (the API names them in Italian).
  const nameOf = (code: string): string | undefined => (topic === 'CATEGORY' ? categories.label(code as ServiceCategory) : sections.get(code));
  const rows = data?.monitoringBreakdown.map((row) => ({ ...row, name: nameOf(row.code) ?? row.name }));
  let body;
  if (rows) body = <BreakdownTable rows={rows} dimension={topic} caption={t(`dashboard.topics.captions.${topic}`)} period={Boolean(filter.from || filter.to)} />;
  else body = error ? <LoadFailed /> : <Loading />;
  return (
    <section ref={ref} aria-labelledby="topics-title" className={sectionClass('mt-5', deferred)}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h2 id="topics-title" className="h3 mb-0">
          {t('dashboard.topics.title')}
        </h2>
        <FilterButtons
          className="btn-group"
          label={t('dashboard.topics.by')}
          options={(['CATEGORY', 'SECTOR'] as const).map((value) => ({ value, label: t(`dashboard.breakdown.dimensions.${value}`) }))}
          value={topic}
          onChange={setTopic}
        />
      </div>
      {body}
    </section>
  );
}
