import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { placeLabel } from '../../../components/comune-choice';
import { ProvincesDocument, RegionsDocument, type ServiceCategory } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useCategoryLabels } from '../../../i18n/use-category-labels';
import { atecoSections } from '../../shop/ateco';
import { isoOfDay, type DashboardFilter } from './dashboard-filter';

/** The filter in one line, as the collapsed filter bar shows it: "Piemonte · Negozio online · tutti i settori · dal 1 marzo 2026". */
export function useFilterSummary(filter: DashboardFilter): string {
  const { t } = useTranslation();
  const format = useFormat();
  const categories = useCategoryLabels();
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  const provinces = useQuery(ProvincesDocument, { variables: { regionCode: filter.regionCode }, skip: !filter.regionCode }).data?.provinces ?? [];
  const region = regions.find((r) => r.code === filter.regionCode);
  const province = provinces.find((p) => p.code === filter.provinceCode);
  const place = province ? placeLabel(province) : (region?.name ?? (filter.regionCode || t('dashboard.filter.allItaly')));
  const category = filter.category ? categories.label(filter.category as ServiceCategory) : t('dashboard.filter.allCategories');
  const sector = filter.atecoSection
    ? (atecoSections(currentLanguage()).find((s) => s.value === filter.atecoSection)?.label ?? filter.atecoSection)
    : t('dashboard.filter.allSectors');
  const day = (text: string): string => {
    const iso = isoOfDay(text);
    return iso ? format.date(iso) : text;
  };
  let period = t('dashboard.filter.wholePeriod');
  if (filter.from && filter.to) period = t('dashboard.filter.between', { from: day(filter.from), to: day(filter.to) });
  else if (filter.from) period = t('dashboard.filter.since', { from: day(filter.from) });
  else if (filter.to) period = t('dashboard.filter.until', { to: day(filter.to) });
  return [place, category, sector, period].join(' · ');
}
