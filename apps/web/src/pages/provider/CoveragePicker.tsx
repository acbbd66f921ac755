import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, FieldMessages } from '../../components/fields';
import { RegionsDocument } from '../../gql/generated';
import { ComuniPicker, ProvincePicker, RadiusPicker } from './CoverageAreas';
import type { CoverageValue } from './offer-form-values';

interface Props {
  value: CoverageValue;
  onChange: (value: CoverageValue) => void;
  /** The form's field errors: `coverage` and `coverage.radii.N.km`. */
  errors: Record<string, string>;
  label: string;
}

/** Where the offer is available: any mix of all Italy, regions, provinces, comuni and radii. */
export function CoveragePicker({ value, onChange, errors, label }: Props) {
  const { t } = useTranslation();
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  const error = errors.coverage;
  return (
    <fieldset id="offer-coverage" tabIndex={-1} className="coverage-picker" aria-describedby={['offer-coverage-hint', error ? 'offer-coverage-error' : ''].filter(Boolean).join(' ')}>
      <legend className="h4">
        {label}
        <span className="visually-hidden"> ({t('common.required')})</span>
        <span aria-hidden="true"> *</span>
      </legend>
      <FieldMessages id="offer-coverage" hint={t('coverage.hint')} error={error} />
      <div className="form-check mt-3">
        <input id="offer-coverage-national" type="checkbox" checked={value.national} onChange={() => onChange({ ...value, national: !value.national })} />
        <label htmlFor="offer-coverage-national">{t('coverage.national')}</label>
      </div>
      <CheckboxGroup
        id="offer-coverage-regions"
        legend={t('coverage.regions')}
        columns
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        value={value.regions.map((r) => r.code)}
        onChange={(codes) => onChange({ ...value, regions: regions.filter((r) => codes.includes(r.code)).map((r) => ({ code: r.code, name: r.name })) })}
      />
      <ProvincePicker value={value} onChange={onChange} />
      <ComuniPicker value={value} onChange={onChange} />
      <RadiusPicker value={value} onChange={onChange} errors={errors} />
    </fieldset>
  );
}
