import type { TFunction } from 'i18next';
import type { OfferCoverageFieldsFragment } from '../gql/generated';
import { comunePlaceLabel } from './comune-choice';

/** The coverage in one line: «Tutta Italia», regions, provinces, comuni, and radii around their centre. */
export function coverageSummary(coverage: OfferCoverageFieldsFragment, t: TFunction): string {
  const parts = [
    ...(coverage.national ? [t('coverage.national')] : []),
    ...coverage.regions.map((r) => r.name),
    ...coverage.provinces.map((p) => t('coverage.provinceOf', { name: p.name, sigla: p.sigla })),
    ...coverage.comuni.map(comunePlaceLabel),
    ...coverage.radii.map((r) =>
      t('coverage.within', { km: r.km, centre: r.comune ? comunePlaceLabel(r.comune) : t('coverage.point', { latitude: r.latitude, longitude: r.longitude }) }),
    ),
  ];
  return parts.join('; ');
}
