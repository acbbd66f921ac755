import type { TFunction } from 'i18next';
import type { OfferCoverageFieldsFragment } from '../gql/generated';
import { comunePlaceLabel } from './comune-choice';

/** The centre of a radius: a comune, by its name ("Torino (TO)"), or a point, by its coordinates. */
export type RadiusCentre = { place: string } | { latitude: string; longitude: string };

/** The sentences that name a radius: in the coverage summary, as a field's label, on the button that removes it. */
type RadiusWording = 'within' | 'radiusAround' | 'removeRadius';

/**
 * A radius in words. Each kind of centre has its own sentence, because Italian fuses a preposition
 * with the article of "il punto" ("da Torino", but "dal punto 45.07, 7.68"): one sentence with the
 * centre spliced in cannot read right for both.
 */
export function radiusWords(wording: RadiusWording, centre: RadiusCentre, t: TFunction, km?: number | string): string {
  return 'place' in centre ? t(`coverage.${wording}`, { km, centre: centre.place }) : t(`coverage.${wording}Point`, { km, latitude: centre.latitude, longitude: centre.longitude });
}

/** The coverage in one line: «Tutta Italia», regions, provinces, comuni, and radii around their centre. */
export function coverageSummary(coverage: OfferCoverageFieldsFragment, t: TFunction): string {
  const parts = [
    ...(coverage.national ? [t('coverage.national')] : []),
    ...coverage.regions.map((r) => r.name),
    ...coverage.provinces.map((p) => t('coverage.provinceOf', { name: p.name, sigla: p.sigla })),
    ...coverage.comuni.map(comunePlaceLabel),
    ...coverage.radii.map((r) =>
      radiusWords('within', r.comune ? { place: comunePlaceLabel(r.comune) } : { latitude: String(r.latitude), longitude: String(r.longitude) }, t, r.km),
    ),
  ];
  return parts.join('; ');
}
