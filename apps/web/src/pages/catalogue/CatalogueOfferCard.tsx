import { useTranslation } from 'react-i18next';
import { CoverageFact, FreePeriodFact } from '../../components/OfferFacts';
import type { CatalogueOfferFieldsFragment } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { atecoAllDivisions, atecoSections } from '../shop/ateco';

/** "Tutti i settori", or the ATECO sections and divisions the offer is open to. */
function useSectorsText(): (sectors: CatalogueOfferFieldsFragment['sectors']) => string {
  const { t } = useTranslation();
  return (sectors) => {
    if (sectors.allSectors) return t('sectors.all');
    const language = currentLanguage();
    const named = (options: { value: string; label: string }[], codes: string[]): string[] => codes.map((code) => options.find((o) => o.value === code)?.label ?? code);
    return [...named(atecoSections(language), sectors.sections), ...named(atecoAllDivisions(language), sectors.divisions)].join('; ');
  };
}

/** One offer as anyone sees it: what, by whom, where, for whom, for how long, and the places left. */
export function CatalogueOfferCard({ offer }: { offer: CatalogueOfferFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const sectorsText = useSectorsText();
  const titleId = `catalogue-${offer.id}-title`;
  const started = new Date(offer.validFrom).getTime() <= Date.now();
  let validity = offer.validUntil ? t('catalogue.validUntil', { date: format.date(offer.validUntil) }) : t('catalogue.openEnded');
  if (!started) validity = t('catalogue.startsOn', { date: format.date(offer.validFrom) });
  return (
    <li className="queue-card" data-testid="catalogue-offer">
      <article aria-labelledby={titleId}>
        <h2 className="h4 mb-1" id={titleId}>
          {offer.title}
        </h2>
        <p className="mb-2">
          {t('recommendations.by', { provider: offer.provider.name })}
          {offer.provider.website ? (
            <>
              {' · '}
              <a href={offer.provider.website}>{t('recommendations.website')}</a>
            </>
          ) : null}
        </p>
        <p className="written-text">{offer.description}</p>
        <dl className="queue-facts">
          <div>
            <dt>{t('offers.categories')}</dt>
            <dd>{offer.categories.map(label).join(', ')}</dd>
          </div>
          <CoverageFact coverage={offer.coverage} />
          <div>
            <dt>{t('catalogue.sectors')}</dt>
            <dd>{sectorsText(offer.sectors)}</dd>
          </div>
          <FreePeriodFact months={offer.freePeriodMonths} />
          <div>
            <dt>{t('offers.validity')}</dt>
            <dd>{validity}</dd>
          </div>
          <div>
            <dt>{t('catalogue.places')}</dt>
            <dd data-testid="places-left">{offer.placesLeft > 0 ? t('explanation.seatsLeft', { count: offer.placesLeft }) : t('catalogue.full')}</dd>
          </div>
        </dl>
        <details>
          <summary>{t('recommendations.conditions')}</summary>
          <p className="mt-2 mb-0">{offer.conditions}</p>
        </details>
      </article>
    </li>
  );
}
