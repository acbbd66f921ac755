// The three pickers of the coverage that add one area at a time: provinces (chosen by region),
// comuni (by autocomplete) and radii around a comune.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chips } from '../../components/Chips';
import { ComuneAutocomplete, type ComuneChoice } from '../../components/ComuneAutocomplete';
import { SelectField, TextField } from '../../components/fields';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { AddedNotice, useAdded } from './added-notice';
import { ProvincesDocument, RegionsDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import type { CoverageValue } from './offer-form-values';
import { placeLabel } from '../../components/comune-choice';
import { radiusWords, type RadiusCentre } from '../../components/coverage-summary';

interface AreaProps {
  value: CoverageValue;
  onChange: (value: CoverageValue) => void;
}

export function ProvincePicker({ value, onChange }: AreaProps) {
  const { t } = useTranslation();
  const [region, setRegion] = useState('');
  const [province, setProvince] = useState('');
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  const provinces = useQuery(ProvincesDocument, { variables: { regionCode: region }, skip: !region }).data?.provinces ?? [];
  const chosen = new Set(value.provinces.map((p) => p.code));
  const { added, announceAdded } = useAdded();
  const add = (): void => {
    const found = provinces.find((p) => p.code === province);
    if (!found || chosen.has(found.code)) return;
    onChange({ ...value, provinces: [...value.provinces, { code: found.code, name: found.name, sigla: found.sigla }] });
    setProvince('');
    announceAdded(t('coverage.provinceOf', { name: found.name, sigla: found.sigla }), 'offer-coverage-province');
  };
  return (
    <fieldset className="coverage-part">
      <legend className="h5">{t('coverage.provinces')}</legend>
      <div className="row">
        <div className="col-md-5">
          <SelectField
            id="offer-coverage-province-region"
            label={t('coverage.provinceRegion')}
            placeholder={t('coverage.chooseRegion')}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            value={region}
            onChange={(code) => {
              setRegion(code);
              setProvince('');
            }}
          />
        </div>
        <div className="col-md-5">
          <SelectField
            id="offer-coverage-province"
            label={t('coverage.province')}
            hint={region ? undefined : t('coverage.regionFirst')}
            placeholder={t('coverage.chooseProvince')}
            options={provinces.filter((p) => !chosen.has(p.code)).map((p) => ({ value: p.code, label: placeLabel(p) }))}
            value={province}
            onChange={setProvince}
          />
        </div>
        <div className="col-md-2 coverage-add">
          <button type="button" className="btn btn-outline-primary" disabled={!province} onClick={add} aria-label={t('coverage.addProvinceLabel')}>
            {t('coverage.addProvince')}
          </button>
        </div>
      </div>
      <AddedNotice>{added ? t('coverage.added', { area: added }) : ''}</AddedNotice>
      <Chips
        label={t('coverage.chosenProvinces')}
        items={value.provinces.map((p) => ({ key: p.code, label: placeLabel(p) }))}
        onRemove={(code) => onChange({ ...value, provinces: value.provinces.filter((p) => p.code !== code) })}
        emptyFocusId="offer-coverage-province"
      />
    </fieldset>
  );
}

export function ComuniPicker({ value, onChange }: AreaProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<ComuneChoice | null>(null);
  // A new key empties the autocomplete once its comune is added.
  const [round, setRound] = useState(0);
  const { added, announceAdded } = useAdded();
  const add = (): void => {
    if (!pending) return;
    if (!value.comuni.some((c) => c.code === pending.code)) onChange({ ...value, comuni: [...value.comuni, pending] });
    setPending(null);
    setRound(round + 1);
    announceAdded(placeLabel(pending), 'offer-coverage-comune');
  };
  return (
    <fieldset className="coverage-part">
      <legend className="h5">{t('coverage.comuni')}</legend>
      <div className="row">
        <div className="col-md-10">
          <ComuneAutocomplete key={round} id="offer-coverage-comune" label={t('coverage.comune')} hint={t('coverage.comuneHint')} value={pending} onChange={setPending} onConfirm={add} />
        </div>
        <div className="col-md-2 coverage-add">
          <button type="button" className="btn btn-outline-primary" disabled={!pending} onClick={add} aria-label={t('coverage.addComuneLabel')}>
            {t('coverage.addComune')}
          </button>
        </div>
      </div>
      <AddedNotice>{added ? t('coverage.added', { area: added }) : ''}</AddedNotice>
      <Chips
        label={t('coverage.chosenComuni')}
        items={value.comuni.map((c) => ({ key: c.code, label: placeLabel(c) }))}
        onRemove={(code) => onChange({ ...value, comuni: value.comuni.filter((c) => c.code !== code) })}
        emptyFocusId="offer-coverage-comune"
      />
    </fieldset>
  );
}

/** What the API accepts for a radius (CoverageInput's km). */
const MIN_RADIUS_KM = 1;
const MAX_RADIUS_KM = 500;

export function RadiusPicker({ value, onChange, errors }: AreaProps & { errors: Record<string, string> }) {
  // A removed radius takes its button with it: the focus goes to the next one's (or the one before), else to the centre field.
  const focusAfter = useFocusAfter();
  const removeRadius = (index: number): void => {
    const left = value.radii.length - 1;
    focusAfter(byId(left > 0 ? `offer-coverage-radius-remove-${Math.min(index, left - 1)}` : 'offer-coverage-radius-centre'));
    onChange({ ...value, radii: value.radii.filter((_r, i) => i !== index) });
  };
  const { t } = useTranslation();
  const format = useFormat();
  const [centre, setCentre] = useState<ComuneChoice | null>(null);
  const [km, setKm] = useState('');
  const [kmError, setKmError] = useState<string | undefined>(undefined);
  const [round, setRound] = useState(0);
  const { added, announceAdded } = useAdded();
  const [unfinished, setUnfinished] = useState('');
  const add = (): void => {
    if (!centre) return;
    // Left empty, the radius is added and its km asked for in the list; written, it must be one the offer can take.
    const written = km.trim();
    if (written !== '' && !(/^\d+$/.test(written) && Number(written) >= MIN_RADIUS_KM && Number(written) <= MAX_RADIUS_KM)) {
      setKmError(t('coverage.radiusKmInvalid', { min: MIN_RADIUS_KM, max: MAX_RADIUS_KM }));
      document.getElementById('offer-coverage-radius-km')?.focus();
      return;
    }
    setKmError(undefined);
    const radius = { comune: centre, latitude: 0, longitude: 0, km: km.trim() };
    onChange({ ...value, radii: [...value.radii, radius] });
    setCentre(null);
    setKm('');
    setRound(round + 1);
    if (radius.km) {
      setUnfinished('');
      announceAdded(radiusWords('within', { place: placeLabel(centre) }, t, radius.km), 'offer-coverage-radius-centre');
    } else {
      // Without its km the radius is not finished: the focus goes to its km in the list, and the
      // announcement says so rather than repeating that field's label.
      setUnfinished(placeLabel(centre));
      announceAdded('', `offer-coverage.radii.${value.radii.length}.km`);
    }
  };
  const centreOf = (r: CoverageValue['radii'][number]): RadiusCentre =>
    r.comune ? { place: placeLabel(r.comune) } : { latitude: format.number(r.latitude, 4), longitude: format.number(r.longitude, 4) };
  return (
    <fieldset className="coverage-part">
      <legend className="h5">{t('coverage.radii')}</legend>
      <div className="row">
        <div className="col-md-7">
          {/* Enter on the chosen centre goes on to its km (or adds the radius when they are written); Enter in the km adds it: never the whole form. */}
          <ComuneAutocomplete
            key={round}
            id="offer-coverage-radius-centre"
            label={t('coverage.radiusCentre')}
            value={centre}
            onChange={setCentre}
            onConfirm={() => (km.trim() === '' ? document.getElementById('offer-coverage-radius-km')?.focus() : add())}
          />
        </div>
        <div className="col-md-3">
          <TextField id="offer-coverage-radius-km" label={t('coverage.radiusKm')} hint={t('coverage.radiusKmHint')} inputMode="numeric" value={km} onChange={setKm} error={kmError} onEnter={add} />
        </div>
        <div className="col-md-2 coverage-add">
          <button type="button" className="btn btn-outline-primary" disabled={!centre} onClick={add} aria-label={t('coverage.addRadiusLabel')}>
            {t('coverage.addRadius')}
          </button>
        </div>
      </div>
      {value.radii.length > 0 ? (
        <ul className="list-unstyled radius-list" aria-label={t('coverage.chosenRadii')}>
          {value.radii.map((radius, index) => {
            const field = `coverage.radii.${index}.km`;
            const update = (next: string): void => onChange({ ...value, radii: value.radii.map((r, i) => (i === index ? { ...r, km: next } : r)) });
            return (
              <li key={`${radius.comune?.code ?? `${radius.latitude},${radius.longitude}`}-${index}`} className="radius-row">
                <TextField id={`offer-${field}`} label={radiusWords('radiusAround', centreOf(radius), t)} inputMode="numeric" value={radius.km} onChange={update} error={errors[field]} />
                <button id={`offer-coverage-radius-remove-${index}`} type="button" className="btn btn-outline-danger btn-sm" onClick={() => removeRadius(index)}>
                  {radiusWords('removeRadius', centreOf(radius), t)}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <AddedNotice>{unfinished ? t('coverage.radiusAddedNoKm', { centre: unfinished }) : added ? t('coverage.added', { area: added }) : ''}</AddedNotice>
    </fieldset>
  );
}
