import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OfferRecommendationsQuery } from '../../gql/generated';
import { PATHS } from '../../routes';

/**
 * At one of its limits the shop can neither apply nor join a waitlist: say which limit, how many
 * services it holds, and what frees a place.
 */
export function LimitNotice({ limits }: { limits: OfferRecommendationsQuery['offerRecommendations']['shopLimits'] }) {
  const { t } = useTranslation();
  const atShopLimit = limits.liveMatches >= limits.maxLiveMatches;
  const atCategoryLimit = limits.liveInCategory > 0;
  if (!atShopLimit && !atCategoryLimit) return null;
  return (
    <section className="limit-notice mt-4" aria-labelledby="limit-title" data-testid="shop-limit">
      <h2 id="limit-title" className="h4">
        {atShopLimit ? t('limits.shopTitle') : t('limits.categoryTitle')}
      </h2>
      {atShopLimit ? <p>{t('limits.shop', { count: limits.liveMatches })}</p> : null}
      {atCategoryLimit ? <p>{t('limits.category')}</p> : null}
      <p>{t('limits.frees')}</p>
      <Link to={PATHS.shopMatches}>{t('limits.link')}</Link>
    </section>
  );
}
