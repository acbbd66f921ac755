import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, FormActions, TextField } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { CreateOfferDocument, MyOffersDocument, UpdateOfferDocument, type OfferFieldsFragment, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { CoveragePicker } from './CoveragePicker';
import { createInput, emptyOffer, readOffer, updateInput, valuesOfOffer, type OfferValues } from './offer-form-values';
import { SectorsPicker } from './SectorsPicker';
import { placeLabel } from '../../components/comune-choice';

interface Props {
  offer: OfferFieldsFragment | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function OfferForm({ offer, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const [initial] = useState<OfferValues>(() => (offer ? valuesOfOffer(offer) : emptyOffer(new Date())));
  const [values, setValues] = useState<OfferValues>(initial);
  const [createOffer, creating] = useMutation(CreateOfferDocument, { refetchQueries: [MyOffersDocument] });
  const [updateOffer, updating] = useMutation(UpdateOfferDocument, { refetchQueries: [MyOffersDocument] });

  const labels: Record<string, string> = {
    title: t('offerForm.fields.title'),
    description: t('offerForm.fields.description'),
    categories: t('offerForm.fields.categories'),
    coverage: t('offerForm.fields.coverage'),
    sectors: t('offerForm.fields.sectors'),
    capacity: t('offerForm.fields.capacity'),
    freePeriodMonths: t('offerForm.fields.freePeriodMonths'),
    conditions: t('offerForm.fields.conditions'),
    validFrom: t('offerForm.fields.validFrom'),
    validUntil: t('offerForm.fields.validUntil'),
  };
  values.coverage.radii.forEach((radius, index) => {
    const centre = radius.comune ? placeLabel(radius.comune) : t('coverage.pointShort');
    labels[`coverage.radii.${index}.km`] = t('coverage.radiusAround', { centre });
  });
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const set =
    <K extends keyof OfferValues>(key: K) =>
    (value: OfferValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      dismiss(key);
    };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // What the API cannot receive is checked here, and sent as a stand-in it refuses: one press
    // reports these problems and the API's together, and nothing is saved.
    const { problems, sendable, standInsOnly } = readOffer(values, new Date());
    const local: LocalProblems = Object.fromEntries(
      problems.map(({ field, problem }) => [field, (t, labels) => t(`offerForm.problems.${problem}`, { field: labels[field] })]),
    );
    if (!offer) {
      const created = await send('Offer', async () => (await createOffer({ variables: { input: createInput(sendable) } })).data?.createOffer, local, standInsOnly);
      if (created) onDone(t('offerForm.created', { title: created.title }));
      return;
    }
    const updated = await send('Offer', async () => (await updateOffer({ variables: { input: updateInput(offer.id, initial, sendable) } })).data?.updateOffer, local, standInsOnly);
    if (updated) onDone(t('offerForm.updated', { title: updated.title }));
  };

  const id = (field: string): string => `offer-${field}`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="offer" />
      <fieldset className="mt-4">
        <legend className="h3">{t('offerForm.sections.what')}</legend>
        <TextField id={id('title')} label={labels.title} hint={t('offerForm.hints.title')} required value={values.title} onChange={set('title')} error={errors.fields.title} />
        <TextField
          id={id('description')}
          label={labels.description}
          hint={t('offerForm.hints.description')}
          required
          multiline
          value={values.description}
          onChange={set('description')}
          error={errors.fields.description}
        />
        <CheckboxGroup
          id={id('categories')}
          legend={labels.categories}
          hint={t('offerForm.hints.categories')}
          required
          columns
          options={categories.all.map((c) => ({ value: c.code, label: c.label }))}
          value={values.categories}
          onChange={(codes) => set('categories')(categories.all.map((c) => c.code).filter((code): code is ServiceCategory => codes.includes(code)))}
          error={errors.fields.categories}
        />
      </fieldset>
      <fieldset className="mt-4">
        <legend className="h3">{t('offerForm.sections.who')}</legend>
        <CoveragePicker label={labels.coverage} value={values.coverage} onChange={set('coverage')} errors={errors.fields} />
        <SectorsPicker
          label={labels.sectors}
          value={{ allSectors: values.allSectors, sections: values.sections, divisions: values.divisions }}
          onChange={(sectors) => {
            setValues((v) => ({ ...v, ...sectors }));
            dismiss('sectors');
          }}
          error={errors.fields.sectors}
        />
      </fieldset>
      <fieldset className="mt-4">
        <legend className="h3">{t('offerForm.sections.terms')}</legend>
        <div className="row">
          <div className="col-md-6">
            <TextField id={id('capacity')} label={labels.capacity} hint={t('offerForm.hints.capacity')} required inputMode="numeric" value={values.capacity} onChange={set('capacity')} error={errors.fields.capacity} />
          </div>
          <div className="col-md-6">
            <TextField
              id={id('freePeriodMonths')}
              label={labels.freePeriodMonths}
              hint={t('offerForm.hints.freePeriodMonths')}
              required
              inputMode="numeric"
              value={values.freePeriodMonths}
              onChange={set('freePeriodMonths')}
              error={errors.fields.freePeriodMonths}
            />
          </div>
        </div>
        <TextField
          id={id('conditions')}
          label={labels.conditions}
          hint={t('offerForm.hints.conditions')}
          required
          multiline
          value={values.conditions}
          onChange={set('conditions')}
          error={errors.fields.conditions}
        />
        <div className="row">
          <div className="col-md-6">
            <TextField id={id('validFrom')} label={labels.validFrom} hint={t('offerForm.hints.validFrom')} type="date" required value={values.validFrom} onChange={set('validFrom')} error={errors.fields.validFrom} />
          </div>
          <div className="col-md-6">
            <TextField id={id('validUntil')} label={labels.validUntil} hint={t('offerForm.hints.validUntil')} type="date" value={values.validUntil} onChange={set('validUntil')} error={errors.fields.validUntil} />
          </div>
        </div>
      </fieldset>
      <FormActions busy={creating.loading || updating.loading} submitLabel={offer ? t('common.saveChanges') : t('offerForm.submitCreate')} onCancel={onCancel} />
    </form>
  );
}
