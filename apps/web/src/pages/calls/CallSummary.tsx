import { useTranslation } from 'react-i18next';
import type { CallFieldsFragment } from '../../gql/generated';
import { currentLanguage, inLanguage } from '../../i18n';
import { atecoSections } from '../shop/ateco';
import { useFormat } from '../../i18n/format';
import { comunePlaceLabel } from '../../components/comune-choice';

/** What a call gives, who may apply, and how applicants are ranked: the published rules. */
export function CallSummary({ call, headingLevel = 3 }: { call: CallFieldsFragment; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const { eligibility } = call;
  // Who may apply, in words: shops read it before they apply, and a refusal names the same.
  const territory = [
    ...eligibility.regions.map((region) => region.name),
    ...eligibility.provinces.map((province) => t('coverage.provinceOf', { name: province.name, sigla: province.sigla })),
    ...eligibility.comuni.map(comunePlaceLabel),
  ].join('; ');
  const sectionLabels = atecoSections(currentLanguage());
  const sectors = [...eligibility.sections.map((code) => sectionLabels.find((section) => section.value === code)?.label ?? code), ...eligibility.divisions].join('; ');
  const size = [
    eligibility.minEmployees != null ? t('calls.minEmployees', { count: eligibility.minEmployees }) : '',
    eligibility.maxEmployees != null ? t('calls.maxEmployees', { count: eligibility.maxEmployees }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p className="written-text">{call.description}</p>
      <dl className="row mb-2">
        <dt className="col-sm-4">{t('calls.runBy')}</dt>
        <dd className="col-sm-8">{call.publisher?.name ?? t('calls.ministry')}</dd>
        <dt className="col-sm-4">{t('calls.places')}</dt>
        <dd className="col-sm-8">{format.number(call.places)}</dd>
        <dt className="col-sm-4">{t('calls.window')}</dt>
        <dd className="col-sm-8">{t('calls.windowValue', { from: format.dateTime(call.opensAt), to: format.endDateTime(call.closesAt) })}</dd>
        <dt className="col-sm-4">{t('calls.offers')}</dt>
        <dd className="col-sm-8">{call.offers.map((offer) => offer.title).join(', ')}</dd>
        <dt className="col-sm-4">{t('calls.territory')}</dt>
        <dd className="col-sm-8">{territory || t('coverage.national')}</dd>
        {sectors ? (
          <>
            <dt className="col-sm-4">{t('calls.sectors')}</dt>
            <dd className="col-sm-8">{sectors}</dd>
          </>
        ) : null}
        {size ? (
          <>
            <dt className="col-sm-4">{t('calls.size')}</dt>
            <dd className="col-sm-8">{size}</dd>
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
