import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchDetailFieldsFragment } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { currentLanguage } from '../../i18n';
import { atecoLabel } from '../shop/ateco';
import { MatchStateBadge } from './MatchStateBadge';
import { ShopContacts } from './ShopContacts';
import { comunePlaceLabel } from '../../components/comune-choice';
import { ProfileList } from '../../components/ProfileList';

type Side = 'SHOP' | 'PROVIDER';

/** The match at a glance, from the reader's side: the shop sees the provider, the provider the shop. */
export function MatchFacts({ match, side }: { match: MatchDetailFieldsFragment; side: Side }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label } = useCategoryLabels();
  const rows: [string, ReactNode][] = [[t('matches.fields.state'), <MatchStateBadge key="state" state={match.state} />]];
  if (match.state === 'WAITLISTED' && match.waitlistPosition !== null) rows.push([t('matches.fields.waitlistPosition'), t('matches.position', { position: match.waitlistPosition })]);
  if (match.state === 'WAITLISTED' && match.setId) rows.push([t('matches.fields.waitsWithSet'), t('matches.waitsWithSet')]);
  if (match.state === 'PENDING' && match.respondBy) rows.push([side === 'SHOP' ? t('matches.fields.respondBy') : t('matches.fields.yourAnswerBy'), format.dateTime(match.respondBy)]);
  if (match.state === 'ACTIVE' && match.freeUntil) rows.push([t('matches.fields.freeUntil'), format.date(match.freeUntil)]);
  if (side === 'SHOP') {
    rows.push([t('matches.fields.provider'), match.provider.website ? <a href={match.provider.website}>{match.provider.name}</a> : match.provider.name]);
  } else {
    rows.push(
      [t('matches.fields.shop'), match.shop.name],
      [t('matches.fields.comune'), comunePlaceLabel(match.shop.comune)],
      [t('matches.fields.sector'), atecoLabel(match.shop.atecoSection, match.shop.atecoDivision, currentLanguage())],
      [t('matches.fields.contacts'), <ShopContacts key="contacts" shop={match.shop} />],
    );
  }
  rows.push(
    [t('matches.fields.category'), label(match.category)],
    [t('matches.fields.request'), match.helpRequest.description ?? t('matches.requestWithheld')],
    [t('matches.fields.coverage'), t(`coverageLevels.${match.coverageLevel}`)],
    [t('matches.fields.freePeriod'), t('explanation.freePeriod', { count: match.offer.freePeriodMonths })],
    [t('matches.fields.origin'), t(`matches.origins.${match.origin}`)],
  );
  return <ProfileList rows={rows} />;
}
