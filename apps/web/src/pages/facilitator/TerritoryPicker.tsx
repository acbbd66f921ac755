import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, FieldMessages } from '../../components/fields';
import { RegionsDocument } from '../../gql/generated';
import { ComuniPicker, ProvincePicker } from '../provider/CoverageAreas';
import type { CoverageValue } from '../provider/offer-form-values';

interface Props {
  value: CoverageValue;
  onChange: (value: CoverageValue) => void;
  error?: string;
}

/** The territory a facilitator serves: all Italy, or any mix of regions, provinces and comuni (the offers' pickers, without radii). */
export function TerritoryPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  return (
    <fieldset id="facilitator-territory" tabIndex={-1} className="coverage-picker" aria-describedby={['facilitator-territory-hint', error ? 'facilitator-territory-error' : ''].filter(Boolean).join(' ')}>
      <legend className="h4">
        {t('facilitator.fields.territory')}
        <span className="visually-hidden"> ({t('common.required')})</span>
        <span aria-hidden="true"> *</span>
      </legend>
      <FieldMessages id="facilitator-territory" hint={t('facilitator.hints.territory')} error={error} />
      <div className="form-check mt-3">
        <input id="facilitator-territory-national" type="checkbox" checked={value.national} onChange={() => onChange({ ...value, national: !value.national })} />
        <label htmlFor="facilitator-territory-national">{t('facilitator.national')}</label>
      </div>
      {value.national ? null : (
        <>
          <CheckboxGroup
            id="facilitator-territory-regions"
            legend={t('facilitator.regions')}
            columns
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            value={value.regions.map((r) => r.code)}
            onChange={(codes) => onChange({ ...value, regions: regions.filter((r) => codes.includes(r.code)).map((r) => ({ code: r.code, name: r.name })) })}
          />
          <ProvincePicker value={value} onChange={onChange} />
          <ComuniPicker value={value} onChange={onChange} />
        </>
      )}
    </fieldset>
  );
}
