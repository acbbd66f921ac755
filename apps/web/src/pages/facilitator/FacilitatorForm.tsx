import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, SelectField, TextField } from '../../components/fields';
import { useFieldValues } from '../../errors/use-field-values';
import { useFormErrors } from '../../errors/use-form-errors';
import {
  MyFacilitatorDocument,
  ProvincesDocument,
  RegionsDocument,
  RegisterFacilitatorDocument,
  UpdateFacilitatorDocument,
  type FacilitatorFieldsFragment,
  type FacilitatorKind,
} from '../../gql/generated';
import type { CoverageValue } from '../provider/offer-form-values';
import { VerifiedDetails } from '../../components/VerifiedDetails';
import { TerritoryPicker } from './TerritoryPicker';
import { useTerritoryLabel } from './use-territory-label';

export const FACILITATOR_KINDS: FacilitatorKind[] = ['CHAMBER_OF_COMMERCE', 'TRADE_ASSOCIATION', 'DIGITAL_INNOVATION_HUB', 'MUNICIPALITY', 'OTHER'];

interface Values {
  name: string;
  kind: FacilitatorKind | '';
  taxCode: string;
  contactEmail: string;
  website: string;
}

interface Props {
  facilitator: FacilitatorFieldsFragment | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

const NO_TERRITORY: CoverageValue = { national: false, regions: [], provinces: [], comuni: [], radii: [] };

export function FacilitatorForm({ facilitator, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const regions = useQuery(RegionsDocument).data?.regions;
  const provinces = useQuery(ProvincesDocument, { variables: {} }).data?.provinces;
  const initial: Values = {
    name: facilitator?.name ?? '',
    kind: facilitator?.kind ?? '',
    taxCode: facilitator?.taxCode ?? '',
    contactEmail: facilitator?.contactEmail ?? '',
    website: facilitator?.website ?? '',
  };
  const [edited, setTerritory] = useState<CoverageValue | null>(null);
  // The saved territory as the pickers hold it, once the names of its regions and provinces are known.
  const territory: CoverageValue =
    edited ??
    (facilitator
      ? {
          national: facilitator.territory.national,
          regions: (regions ?? []).filter((r) => facilitator.territory.regionCodes.includes(r.code)).map((r) => ({ code: r.code, name: r.name })),
          provinces: (provinces ?? []).filter((p) => facilitator.territory.provinceCodes.includes(p.code)).map((p) => ({ code: p.code, name: p.name, sigla: p.sigla })),
          comuni: facilitator.territory.comuni.map((c) => ({ code: c.code, name: c.name, sigla: c.province.sigla })),
          radii: [],
        }
      : NO_TERRITORY);
  const [registerFacilitator, registering] = useMutation(RegisterFacilitatorDocument, { refetchQueries: [MyFacilitatorDocument], awaitRefetchQueries: true });
  const [updateFacilitator, updating] = useMutation(UpdateFacilitatorDocument);
  const labels: Record<string, string> = {
    name: t('facilitator.fields.name'),
    kind: t('facilitator.fields.kind'),
    taxCode: t('facilitator.fields.taxCode'),
    contactEmail: t('facilitator.fields.contactEmail'),
    website: t('facilitator.fields.website'),
    territory: t('facilitator.fields.territory'),
  };
  const { errors, attempt, failLocal, dismiss, send } = useFormErrors(labels);
  const { values, set } = useFieldValues(initial, dismiss);
  const verified = facilitator?.verificationStatus === 'APPROVED' || facilitator?.verificationStatus === 'SUSPENDED';
  const territoryLabel = useTerritoryLabel();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!values.kind) {
      failLocal('kind', (t) => t('facilitator.chooseKind'));
      return;
    }
    const area = {
      national: territory.national,
      regionCodes: territory.regions.map((r) => r.code),
      provinceCodes: territory.provinces.map((p) => p.code),
      comuneCodes: territory.comuni.map((c) => c.code),
    };
    const common = { name: values.name, kind: values.kind, contactEmail: values.contactEmail, website: values.website, territory: area };
    if (facilitator) {
      // A verified organisation keeps the name, website and territory the Ministry verified.
      const input = verified ? { kind: values.kind, contactEmail: values.contactEmail } : common;
      const updated = await send('Facilitator', async () => (await updateFacilitator({ variables: { input } })).data?.updateFacilitator);
      if (!updated) return;
      if (facilitator.verificationStatus === 'REJECTED') onDone(updated.verificationStatus === 'PENDING' ? t('facilitator.resubmitted') : t('facilitator.nothingChanged'));
      else onDone(t('facilitator.updated'));
      return;
    }
    const input = { ...common, taxCode: values.taxCode };
    if (await send('Facilitator', async () => (await registerFacilitator({ variables: { input } })).data?.registerFacilitator)) onDone(t('facilitator.registered'));
  };

  const id = (field: string): string => `facilitator-${field}`;
  const resubmitting = facilitator?.verificationStatus === 'REJECTED';
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="facilitator" />
      {resubmitting ? <p className="alert alert-info">{t('facilitator.resubmitLead')}</p> : null}
      {facilitator && verified ? (
        <VerifiedDetails
          rows={[
            [labels.name, values.name],
            [labels.website, values.website || t('facilitator.noWebsite')],
            [labels.territory, territoryLabel(facilitator.territory)],
          ]}
          note={t('facilitator.verifiedDetails')}
        />
      ) : (
        <TextField id={id('name')} label={labels.name} required autoComplete="organization" value={values.name} onChange={set('name')} error={errors.fields.name} />
      )}
      <SelectField
        id={id('kind')}
        label={labels.kind}
        required
        placeholder={t('facilitator.chooseKindOption')}
        options={FACILITATOR_KINDS.map((kind) => ({ value: kind, label: t(`facilitator.kinds.${kind}`) }))}
        value={values.kind}
        onChange={(kind) => set('kind')(FACILITATOR_KINDS.find((k) => k === kind) ?? '')}
        error={errors.fields.kind}
      />
      {facilitator ? null : (
        <TextField
          id={id('taxCode')}
          label={labels.taxCode}
          hint={t('facilitator.hints.taxCode')}
          required
          inputMode="numeric"
          value={values.taxCode}
          onChange={set('taxCode')}
          error={errors.fields.taxCode}
        />
      )}
      <TextField
        id={id('contactEmail')}
        label={labels.contactEmail}
        hint={t('facilitator.hints.contactEmail')}
        type="email"
        autoComplete="email"
        required
        value={values.contactEmail}
        onChange={set('contactEmail')}
        error={errors.fields.contactEmail}
      />
      {verified ? null : (
        <>
          <TextField id={id('website')} label={labels.website} type="url" hint={t('facilitator.hints.website')} autoComplete="url" value={values.website} onChange={set('website')} error={errors.fields.website} />
          <TerritoryPicker
            value={territory}
            onChange={(next) => {
              setTerritory(next);
              dismiss('territory');
            }}
            error={errors.fields.territory}
          />
        </>
      )}
      <FormActions
        busy={registering.loading || updating.loading}
        submitLabel={resubmitting ? t('facilitator.resubmit') : facilitator ? t('common.saveChanges') : t('facilitator.submitRegister')}
        onCancel={onCancel}
      />
    </form>
  );
}
