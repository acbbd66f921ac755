import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApplicationFieldsFragment } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { DecisionButtons } from '../match/DecisionButtons';
import { MatchStateBadge } from '../match/MatchStateBadge';
import { ShopContacts } from '../match/ShopContacts';
import { atecoLabel } from '../shop/ateco';
import { comunePlaceLabel } from '../../components/comune-choice';

/** A shop's application as the provider decides on it: who, where, what they need, by when to answer. */
export function ApplicationCard({ match, onDone }: { match: ApplicationFieldsFragment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const titleId = `application-${match.id}-title`;
  return (
    <li className="queue-card" data-testid="application">
      <article aria-labelledby={titleId}>
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h2 className="h4 mb-1" id={titleId}>
            {match.shop.name}
          </h2>
          <MatchStateBadge state={match.state} />
        </div>
        <p className="mb-2">{t('applications.forOffer', { offer: match.offer.title, category: label(match.category) })}</p>
        {match.state === 'PENDING' && match.respondBy ? (
          <p className="deadline">{t('applications.respondBy', { date: format.dateTime(match.respondBy) })}</p>
        ) : null}
        {match.helpRequest.description === null ? (
          // A shop on the waitlist is shown to the provider once it gets a place; other withheld cases are past.
          <p>{match.state === 'WAITLISTED' ? t('matches.requestOnceHeld') : t('matches.requestWithheld')}</p>
        ) : (
          <blockquote className="request-quote">{match.helpRequest.description}</blockquote>
        )}
        <dl className="queue-facts">
          <div>
            <dt>{t('matches.fields.comune')}</dt>
            <dd>{comunePlaceLabel(match.shop.comune)}</dd>
          </div>
          <div>
            <dt>{t('matches.fields.sector')}</dt>
            <dd>{atecoLabel(match.shop.atecoSection, match.shop.atecoDivision, currentLanguage())}</dd>
          </div>
          {match.state === 'WAITLISTED' && match.waitlistPosition !== null ? (
            <div>
              <dt>{t('matches.fields.waitlistPosition')}</dt>
              <dd>{t('matches.position', { position: match.waitlistPosition })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('matches.fields.contacts')}</dt>
            <dd>
              <ShopContacts shop={match.shop} waiting={match.state === 'WAITLISTED'} />
            </dd>
          </div>
          <div>
            {/* A place the Ministry's allocation or a call's ranking gave is no application of the shop's: the provider is told which. */}
            <dt>{t('applications.origin.label')}</dt>
            <dd>{t(`applications.origin.${match.origin}`, { date: format.date(match.createdAt) })}</dd>
          </div>
        </dl>
        <Link to={pathTo(PATHS.providerMatch, match.id)} aria-describedby={titleId}>
          {t('applications.details')}
        </Link>
        <DecisionButtons match={match} onDone={onDone} describedBy={titleId} />
      </article>
    </li>
  );
}
