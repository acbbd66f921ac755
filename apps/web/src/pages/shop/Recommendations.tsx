import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../components/Loading';
import { OfferRecommendationsDocument } from '../../gql/generated';
import { LimitNotice } from './LimitNotice';
import { RankedOfferCard } from './RankedOfferCard';
import { RefusedOffers } from './RefusedOffers';

const STEP = 5;

/** Offers the request can take, best first, then the full ones it can wait for, then those that do not fit. */
export function Recommendations({ helpRequestId }: { helpRequestId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(STEP);
  // One more than shown tells whether there is more to show.
  const { data, loading, error, previousData } = useQuery(OfferRecommendationsDocument, {
    variables: { helpRequestId, first: shown + 1 },
    fetchPolicy: 'cache-and-network',
  });
  const recommendations = (data ?? previousData)?.offerRecommendations;
  if (!recommendations && loading) return <Loading label={t('recommendations.loading')} />;
  if (error || !recommendations) return <LoadFailed />;
  const { eligible, waitlist, notEligible, refused, shopLimits } = recommendations;
  const more = eligible.length > shown || waitlist.length > shown || notEligible.length > shown || refused.length > shown;
  const limited = shopLimits.liveMatches >= shopLimits.maxLiveMatches || shopLimits.liveInCategory > 0;

  return (
    <>
      <LimitNotice limits={shopLimits} />
      <section aria-labelledby="eligible-title" className="mt-4">
        <h2 id="eligible-title" className="h3">
          {t('recommendations.eligibleTitle')}
        </h2>
        {eligible.length === 0 ? (
          <p className="empty-state">{waitlist.length > 0 ? t('recommendations.noneEligibleWaitlist') : limited ? t('recommendations.noneAtLimit') : t('recommendations.noneEligible')}</p>
        ) : (
          <>
            <p>{t('recommendations.eligibleLead')}</p>
            <ol className="list-unstyled">
              {eligible.slice(0, shown).map((ranked, index) => (
                <RankedOfferCard key={ranked.offer.id} ranked={ranked} helpRequestId={helpRequestId} rank={index + 1} waitlist={false} />
              ))}
            </ol>
          </>
        )}
      </section>
      {waitlist.length > 0 ? (
        <section aria-labelledby="waitlist-title" className="mt-5">
          <h2 id="waitlist-title" className="h3">
            {t('recommendations.waitlistTitle')}
          </h2>
          <p>{t('recommendations.waitlistLead')}</p>
          <ol className="list-unstyled">
            {waitlist.slice(0, shown).map((ranked, index) => (
              <RankedOfferCard key={ranked.offer.id} ranked={ranked} helpRequestId={helpRequestId} rank={index + 1} waitlist />
            ))}
          </ol>
        </section>
      ) : null}
      {notEligible.length > 0 ? (
        <section aria-labelledby="not-eligible-title" className="mt-5">
          <h2 id="not-eligible-title" className="h3">
            {t('recommendations.notEligibleTitle')}
          </h2>
          <p>{t('recommendations.notEligibleLead')}</p>
          <ul className="list-unstyled">
            {notEligible.slice(0, shown).map(({ offer, reasons }) => (
              <li key={offer.id} className="offer-card offer-card-muted">
                <h3 className="h5 mb-1">{offer.title}</h3>
                <p className="mb-1">{t('recommendations.by', { provider: offer.provider.name })}</p>
                <ReasonList reasons={reasons} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {refused.length > 0 ? <RefusedOffers refused={refused.slice(0, shown)} helpRequestId={helpRequestId} /> : null}
      {more ? (
        <button type="button" className="btn btn-outline-primary mt-2" disabled={loading} onClick={() => setShown(shown + STEP)}>
          {loading ? t('common.loading') : t('recommendations.more')}
        </button>
      ) : null}
    </>
  );
}


/** The rules an offer fails, in the language of the moment. */
export function ReasonList({ reasons }: { reasons: { code: string; message: string; messageIt: string }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="mb-1 fw-semibold">{t('recommendations.whyNot')}</p>
      <ul className="mb-0" data-testid="ineligibility-reasons">
        {reasons.map((reason) => (
          <li key={reason.code}>{i18n.language === 'en' ? reason.message : reason.messageIt}</li>
        ))}
      </ul>
    </>
  );
}
