import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { VerifiedDetails } from '../../components/VerifiedDetails';
import { FormActions, SelectField, TextField } from '../../components/fields';
import { useFieldValues } from '../../errors/use-field-values';
import { type LocalProblems, useFormErrors } from '../../errors/use-form-errors';
import { MyProviderDocument, RegisterProviderDocument, UpdateProviderDocument, type ProviderFieldsFragment, type ProviderKind } from '../../gql/generated';

export const PROVIDER_KINDS: ProviderKind[] = ['TECH', 'PLATFORM', 'LOGISTICS', 'DELIVERY', 'OTHER'];

interface Values {
  name: string;
  partitaIva: string;
  kind: ProviderKind | '';
  website: string;
  description: string;
}

interface Props {
  provider: ProviderFieldsFragment | null;
  onDone: (message: string) => void;
  onCancel?: () => void;
}

export function ProviderForm({ provider, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const initial: Values = {
    name: provider?.name ?? '',
    partitaIva: provider?.partitaIva ?? '',
    kind: provider?.kind ?? '',
    website: provider?.website ?? '',
    description: provider?.description ?? '',
  };
  const [registerProvider, registering] = useMutation(RegisterProviderDocument, { refetchQueries: [MyProviderDocument], awaitRefetchQueries: true });
  const [updateProvider, updating] = useMutation(UpdateProviderDocument);
  const labels: Record<string, string> = {
    name: t('provider.fields.name'),
    partitaIva: t('provider.fields.partitaIva'),
    kind: t('provider.fields.kind'),
    website: t('provider.fields.website'),
    description: t('provider.fields.description'),
  };
  const { errors, attempt, failLocalAll, dismiss, send } = useFormErrors(labels);
  const verified = provider?.verificationStatus === 'APPROVED' || provider?.verificationStatus === 'SUSPENDED';
  const { values, set } = useFieldValues(initial, dismiss);
  // A rejected organisation sending back what was rejected: nothing goes to the Department, and the form says why it stays open.
  const [unchanged, setUnchanged] = useState(false);
  const unchangedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => setUnchanged(false), [values]);
  useEffect(() => {
    if (unchanged) unchangedRef.current?.focus();
  }, [unchanged]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!values.kind) {
      // Nothing can be sent without a kind: what else is empty is said with it, all at once.
      const missing: LocalProblems = { kind: (tr) => tr('provider.chooseKind') };
      const required: ('name' | 'partitaIva' | 'description')[] = provider ? ['name', 'description'] : ['name', 'partitaIva', 'description'];
      for (const field of required) if (!values[field].trim()) missing[field] = (tr, names) => tr('errors.fieldRequired', { field: names[field] });
      failLocalAll(missing);
      return;
    }
    const common = { name: values.name, kind: values.kind, website: values.website, description: values.description };
    if (provider?.verificationStatus === 'REJECTED' && (['name', 'kind', 'website', 'description'] as const).every((field) => values[field].trim() === initial[field].trim())) {
      setUnchanged(true);
      return;
    }
    if (provider) {
      // A verified organisation keeps the name and website the Ministry verified.
      const input = verified ? { kind: values.kind, description: values.description } : common;
      const updated = await send('Provider', async () => (await updateProvider({ variables: { input } })).data?.updateProvider);
      if (!updated) return;
      // A rejected organisation that changes its details sends them back for verification.
      if (provider.verificationStatus !== 'REJECTED') onDone(t('provider.updated'));
      else if (updated.verificationStatus === 'PENDING') onDone(t('provider.resubmitted'));
      else setUnchanged(true);
      return;
    }
    const input = { ...common, partitaIva: values.partitaIva };
    if (await send('Provider', async () => (await registerProvider({ variables: { input } })).data?.registerProvider)) onDone(t('provider.registered'));
  };

  const id = (field: string): string => `provider-${field}`;
  const resubmitting = provider?.verificationStatus === 'REJECTED';
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-4">
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="provider" />
      {resubmitting ? <p className="alert alert-info">{t('provider.resubmitLead')}</p> : null}
      {verified ? (
        <VerifiedDetails
          rows={[
            [labels.name, values.name],
            [labels.website, values.website || t('provider.noWebsite')],
          ]}
          note={t('provider.verifiedDetails')}
        />
      ) : (
        <TextField id={id('name')} label={labels.name} required autoComplete="organization" value={values.name} onChange={set('name')} error={errors.fields.name} />
      )}
      {provider ? null : (
        <TextField
          id={id('partitaIva')}
          label={labels.partitaIva}
          hint={t('provider.hints.partitaIva')}
          required
          inputMode="numeric"
          value={values.partitaIva}
          onChange={set('partitaIva')}
          error={errors.fields.partitaIva}
        />
      )}
      <SelectField
        id={id('kind')}
        label={labels.kind}
        required
        placeholder={t('provider.chooseKindOption')}
        options={PROVIDER_KINDS.map((kind) => ({ value: kind, label: t(`provider.kinds.${kind}`) }))}
        value={values.kind}
        onChange={(kind) => set('kind')(PROVIDER_KINDS.find((k) => k === kind) ?? '')}
        error={errors.fields.kind}
      />
      {verified ? null : (
        <TextField id={id('website')} label={labels.website} type="url" hint={t('provider.hints.website')} autoComplete="url" value={values.website} onChange={set('website')} error={errors.fields.website} />
      )}
      <TextField
        id={id('description')}
        label={labels.description}
        hint={t('provider.hints.description')}
        required
        multiline
        value={values.description}
        onChange={set('description')}
        error={errors.fields.description}
      />
      {unchanged ? (
        <p ref={unchangedRef} tabIndex={-1} className="alert alert-warning" role="alert" data-testid="provider-unchanged">
          {t('provider.nothingChanged')}
        </p>
      ) : null}
      <FormActions
        busy={registering.loading || updating.loading}
        submitLabel={resubmitting ? t('provider.resubmit') : provider ? t('common.saveChanges') : t('provider.submitRegister')}
        onCancel={onCancel}
      />
    </form>
  );
}
