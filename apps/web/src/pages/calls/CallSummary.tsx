import { useTranslation } from 'react-i18next';
import type { CallFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';

/** What a call gives, who may apply, and how applicants are ranked: the published rules. */
export function CallSummary({ call, headingLevel = 3 }: { call: CallFieldsFragment; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <>
      <p>{call.description}</p>
      <dl className="row mb-2">
        <dt className="col-sm-4">{t('calls.runBy')}</dt>
        <dd className="col-sm-8">{call.publisher?.name ?? t('calls.ministry')}</dd>
        <dt className="col-sm-4">{t('calls.places')}</dt>
        <dd className="col-sm-8">{format.number(call.places)}</dd>
        <dt className="col-sm-4">{t('calls.window')}</dt>
        <dd className="col-sm-8">{t('calls.windowValue', { from: format.dateTime(call.opensAt), to: format.dateTime(call.closesAt) })}</dd>
        <dt className="col-sm-4">{t('calls.offers')}</dt>
        <dd className="col-sm-8">{call.offers.map((offer) => offer.title).join(', ')}</dd>
        {call.eligibility.maxEmployees !== null && call.eligibility.maxEmployees !== undefined ? (
          <>
            <dt className="col-sm-4">{t('calls.size')}</dt>
            <dd className="col-sm-8">{t('calls.maxEmployees', { count: call.eligibility.maxEmployees })}</dd>
          </>
        ) : null}
      </dl>
      <Heading className="h6">{t('calls.criteria')}</Heading>
      <ul>
        {call.scoring.map((criterion, index) => (
          <li key={index}>{inLanguage(criterion.description, criterion.descriptionIt)}</li>
        ))}
        <li>{t('calls.tieBreakLine', { rules: [...call.tieBreak.map((rule) => t(`calls.tieBreaks.${rule}`)), t('calls.tieBreaks.DRAW')].join(', ') })}</li>
      </ul>
    </>
  );
}
