import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OfferSetViewFragment } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { ApplySetButton } from './ApplySetButton';
import { ReasonList } from './Recommendations';

interface Props {
  bundleId: string;
  set: OfferSetViewFragment;
  /** 1-based place in the ranking; null for the best partial set. */
  rank: number | null;
  onApplied: (message: string) => void;
}

/** One set of offers for a bundle: why it is proposed, what each part brings, which integrations link them, what is missing. */
export function OfferSetCard({ bundleId, set, rank, onApplied }: Props) {
  const { t, i18n } = useTranslation();
  const { label } = useCategoryLabels();
  const english = i18n.language === 'en';
  const id = `set-${rank ?? 'partial'}`;
  const titleOf = new Map(set.parts.map((part) => [part.offer.id, part.offer.title]));
  const chosen = set.parts.map((part) => ({ helpRequestId: part.helpRequestId, offerId: part.offer.id }));
  // Every service left out has a full offer that fits: the shop can wait for the whole set.
  const waitable = set.missing.length > 0 && set.missing.every((part) => part.waitlistOffers.length > 0);
  // No offer can take any of the services now: only what is missing, and why, is worth showing.
  const empty = set.parts.length === 0;
  return (
    <li className="offer-card" data-testid="offer-set">
      <article aria-labelledby={`${id}-title`}>
        <h3 className="h4 mb-1" id={`${id}-title`}>
          {empty ? t('bundle.noneNowTitle') : rank === null ? t('bundle.partialTitle') : t('bundle.setTitle', { rank })}
        </h3>
        {empty ? null : (
          <>
            <p className="mb-2">{t('bundle.setFacts', { count: set.providerCount })}</p>
            <p className="fw-semibold mb-1">{t('bundle.why')}</p>
            <ul>
              {set.why.map((reason) => (
                <li key={reason.code}>{english ? reason.message : reason.messageIt}</li>
              ))}
            </ul>
          </>
        )}
        {empty ? null : (
          <table className="table table-sm">
            <caption className="visually-hidden">{t('bundle.partsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bundle.service')}</th>
                <th scope="col">{t('bundle.offer')}</th>
                <th scope="col">{t('bundle.score')}</th>
              </tr>
            </thead>
            <tbody>
              {set.parts.map((part) => (
                <tr key={part.helpRequestId}>
                  <th scope="row">{label(part.category)}</th>
                  <td>{t('bundle.partOffer', { title: part.offer.title, provider: part.offer.provider.name })}</td>
                  <td>{t('bundle.points', { score: Math.round(part.score) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {set.links.length > 0 ? (
          <>
            <p className="fw-semibold mb-1">{t('bundle.linksTitle')}</p>
            <ul>
              {set.links.map((link) => (
                <li key={`${link.offerId}-${link.partnerOfferId}`}>{t('bundle.link', { a: titleOf.get(link.offerId), b: titleOf.get(link.partnerOfferId) })}</li>
              ))}
            </ul>
          </>
        ) : null}
        {set.missing.length > 0 ? (
          <>
            <p className="fw-semibold mb-1">{t('bundle.missingTitle')}</p>
            <ul className="list-unstyled">
              {set.missing.map((part) => (
                <li key={part.helpRequestId} className="mb-2">
                  <strong>{label(part.category)}</strong>
                  <ReasonList reasons={part.reasons} />
                  {part.waitlistOffers.length > 0 ? <p className="small mb-0">{t('bundle.waitFor', { titles: part.waitlistOffers.map((o) => o.title).join(', ') })}</p> : null}
                  {/* Refused offers come back only when the shop asks again, on the request's own page. */}
                  {part.reasons.some((reason) => reason.code === 'REFUSED') ? (
                    <Link to={pathTo(PATHS.shopRequest, part.helpRequestId)}>{t('bundle.askAgain', { service: label(part.category) })}</Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {set.complete ? (
          <ApplySetButton bundleId={bundleId} parts={chosen} describedBy={`${id}-title`} onApplied={onApplied} />
        ) : waitable ? (
          <>
            <p className="mt-3 mb-0">{t('bundle.waitLead')}</p>
            <ApplySetButton
              bundleId={bundleId}
              parts={[...chosen, ...set.missing.map((part) => ({ helpRequestId: part.helpRequestId, offerId: part.waitlistOffers[0].id }))]}
              describedBy={`${id}-title`}
              waitForSet
              onApplied={onApplied}
            />
          </>
        ) : !empty ? (
          // Not servable whole now: each part can still be asked for on its own, from its request.
          <div className="mt-3" data-testid="set-parts-alone">
            <p className="mb-1">{t('bundle.partsAloneLead')}</p>
            <ul className="mb-0">
              {set.parts.map((part) => (
                <li key={part.helpRequestId}>
                  <Link to={pathTo(PATHS.shopRequest, part.helpRequestId)}>{t('bundle.partAlone', { service: label(part.category), title: part.offer.title })}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </article>
    </li>
  );
}
