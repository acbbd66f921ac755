import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageSummary } from '../../components/coverage-summary';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormActions, RadioGroup, SelectField, TextField } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { useFormat } from '../../i18n/format';
import { instantOfItalianDateTime } from '../../i18n/italian-time';
import { CallOfferChoicesDocument, NewSelectionCallDocument, RegionsDocument, SelectionCallListDocument, type CreateSelectionCallInput, type TieBreakRule } from '../../gql/generated';

/** A date and time typed in a datetime-local field, in Italy, as an instant; null when it is not one. */
export const instantOf = (local: string): string | null => instantOfItalianDateTime(local);

const QUESTION_CODE = 'domanda-1';
const DECLARATION_CODE = 'dichiarazione-1';
const TIE_BREAKS: TieBreakRule[][] = [
  ['EARLIER_APPLICATION', 'FEWER_EMPLOYEES'],
  ['FEWER_EMPLOYEES', 'EARLIER_APPLICATION'],
];

const EMPTY = {
  title: '',
  description: '',
  offerId: '',
  places: '',
  opensAt: '',
  closesAt: '',
  regionCode: '',
  minEmployees: '',
  maxEmployees: '',
  declaration: '',
  question: '',
  questionWeight: '60',
  employeesWeight: '40',
  employeesCap: '10',
  tieBreak: '0',
};

/** Offers in the list at once: the author narrows them by words of the title or the provider's name. */
const OFFER_CHOICES = 20;

const intOrNull = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** An offer's area in a list of choices: the first words of it, whole if short. */
const AREA_IN_CHOICE = 60;
const shortened = (text: string): string => (text.length > AREA_IN_CHOICE ? `${text.slice(0, AREA_IN_CHOICE - 1).trimEnd()}…` : text);

/** A new call, saved as a draft: one offer, who may apply (region, size), a declaration, an optional yes/no question, the weighted criteria and the tie-break order. */
export function NewCallForm({ onCreated, staff = true }: { onCreated: (id: string) => void; staff?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState(EMPTY);
  const [offerSearch, setOfferSearch] = useState('');
  const searched = useDeferredValue(offerSearch.trim());
  // Only offers a call can give: those shown to shops (published, of an approved provider, still valid); staff ask for them, others see only those.
  const choices = useQuery(CallOfferChoicesDocument, { variables: { shownToShops: staff ? true : null, search: searched || null, first: OFFER_CHOICES } });
  // While a new search loads, the list keeps the last answer rather than emptying.
  const found = (choices.data ?? choices.previousData)?.offers;
  const offerItems = found?.items ?? [];
  const offerSearchHint = !found
    ? t('calls.form.searchOfferHint')
    : found.totalCount === 0 && searched
      ? t('calls.form.noOfferFound')
      : found.totalCount > found.items.length
        ? t('calls.form.searchOfferMore', { shown: found.items.length, count: found.totalCount })
        : t('calls.form.searchOfferHint');
  const regions = useQuery(RegionsDocument);
  const [create, { loading }] = useMutation(NewSelectionCallDocument, { refetchQueries: [SelectionCallListDocument], awaitRefetchQueries: true });
  // Without a question the call is scored by size alone: the employees' criterion is then the first.
  const asks = values.question.trim() !== '';
  const employeesAt = asks ? 1 : 0;
  const labels = {
    title: t('calls.form.title'),
    description: t('calls.form.description'),
    'offerIds.0': t('calls.form.offer'),
    // The list itself (refused when empty): shown on its one picker, below.
    offerIds: t('calls.form.offer'),
    places: t('calls.form.places'),
    opensAt: t('calls.form.opensAt'),
    closesAt: t('calls.form.closesAt'),
    'eligibility.regionCodes.0': t('calls.form.region'),
    'eligibility.minEmployees': t('calls.form.minEmployees'),
    'eligibility.maxEmployees': t('calls.form.maxEmployees'),
    'declarations.0.text': t('calls.form.declaration'),
    'questions.0.text': t('calls.form.question'),
    'scoring.0.weight': t('calls.form.questionWeight'),
    [`scoring.${employeesAt}.weight`]: t('calls.form.employeesWeight'),
    [`scoring.${employeesAt}.employeesCap`]: t('calls.form.employeesCap'),
  };
  const { errors: named, attempt, send, dismiss } = useFormErrors(labels);
  // The form picks one offer: a refusal of the list (`offerIds`) belongs to that picker, unless it has its own.
  const { offerIds: listError, ...fields } = named.fields;
  const errors = listError && !fields['offerIds.0'] ? { ...named, fields: { ...fields, 'offerIds.0': listError } } : { ...named, fields };
  const set = (field: keyof typeof EMPTY, apiField: string = field) => (value: string) => {
    setValues((all) => ({ ...all, [field]: value }));
    dismiss(apiField);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const opensAt = instantOf(values.opensAt);
    const closesAt = instantOf(values.closesAt);
    const local: LocalProblems = {};
    if (!opensAt) local.opensAt = (t, labels) => t('calls.form.dateMissing', { field: labels.opensAt });
    if (!closesAt) local.closesAt = (t, labels) => t('calls.form.dateMissing', { field: labels.closesAt });
    if (!values.offerId) local['offerIds.0'] = (t) => t('calls.form.offerMissing');
    // A missing date is named here; the rest is still sent (with a window the API is sure to refuse), so every problem shows at once.
    const placeholder = new Date().toISOString();
    const input: CreateSelectionCallInput = {
      title: values.title,
      description: values.description,
      offerIds: values.offerId ? [values.offerId] : [],
      places: intOrNull(values.places) ?? 0,
      opensAt: opensAt && closesAt ? opensAt : placeholder,
      closesAt: opensAt && closesAt ? closesAt : placeholder,
      eligibility: { regionCodes: values.regionCode ? [values.regionCode] : [], minEmployees: intOrNull(values.minEmployees), maxEmployees: intOrNull(values.maxEmployees) },
      declarations: values.declaration.trim() ? [{ code: DECLARATION_CODE, text: values.declaration }] : [],
      questions: asks ? [{ code: QUESTION_CODE, text: values.question }] : [],
      scoring: [
        ...(asks ? [{ kind: 'ANSWER_YES' as const, weight: intOrNull(values.questionWeight) ?? 0, questionCode: QUESTION_CODE }] : []),
        { kind: 'FEWER_EMPLOYEES', weight: intOrNull(values.employeesWeight) ?? 0, employeesCap: intOrNull(values.employeesCap) },
      ],
      tieBreak: TIE_BREAKS[Number(values.tieBreak)],
    };
    const created = await send('SelectionCall', async () => (await create({ variables: { input } })).data?.createSelectionCall, local);
    if (created) {
      setValues(EMPTY);
      setOfferSearch('');
      onCreated(created.id);
    }
  };

  const id = (field: string): string => `call-${field}`;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="actions-card" aria-labelledby="new-call-title">
      <h2 id="new-call-title" className="h3">
        {t('calls.form.heading')}
      </h2>
      <p>{t('calls.form.lead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="call" />
      <TextField id={id('title')} label={labels.title} required value={values.title} onChange={set('title')} error={errors.fields.title} />
      <TextField id={id('description')} label={labels.description} required multiline value={values.description} onChange={set('description')} error={errors.fields.description} />
      <TextField
        id={id('offerSearch')}
        label={t('calls.form.searchOffer')}
        hint={offerSearchHint}
        value={offerSearch}
        onChange={(value) => {
          setOfferSearch(value);
          set('offerId', 'offerIds')('');
        }}
        autoComplete="off"
      />
      <SelectField
        id={id('offerIds.0')}
        label={labels['offerIds.0']}
        required
        placeholder={t('calls.form.chooseOffer')}
        value={values.offerId}
        onChange={set('offerId', 'offerIds')}
        options={offerItems.map((o) => ({
          value: o.id,
          // Offers of one provider often share a title: where each reaches and until when tells them apart.
          label: t(o.validUntil ? 'calls.form.offerOptionUntil' : 'calls.form.offerOption', {
            title: o.title,
            provider: o.provider.name,
            area: shortened(coverageSummary(o.coverage, t)),
            until: o.validUntil ? format.date(o.validUntil) : '',
            count: o.capacity - o.used,
          }),
        }))}
        error={errors.fields['offerIds.0']}
      />
      <div className="row">
        <div className="col-md-4">
          <TextField id={id('places')} label={labels.places} required inputMode="numeric" value={values.places} onChange={set('places')} error={errors.fields.places} />
        </div>
        <div className="col-md-4">
          <TextField id={id('opensAt')} label={labels.opensAt} hint={t('calls.form.italianTime')} required type="datetime-local" value={values.opensAt} onChange={set('opensAt')} error={errors.fields.opensAt} />
        </div>
        <div className="col-md-4">
          <TextField id={id('closesAt')} label={labels.closesAt} hint={t('calls.form.italianTime')} required type="datetime-local" value={values.closesAt} onChange={set('closesAt')} error={errors.fields.closesAt} />
        </div>
      </div>
      <h3 className="h5 mt-3">{t('calls.form.eligibility')}</h3>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id={id('eligibility.regionCodes.0')}
            label={labels['eligibility.regionCodes.0']}
            placeholder={t('calls.form.allItaly')}
            value={values.regionCode}
            onChange={set('regionCode', 'eligibility.regionCodes.0')}
            options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
            error={errors.fields['eligibility.regionCodes.0']}
          />
        </div>
        <div className="col-md-3">
          <TextField id={id('eligibility.minEmployees')} label={labels['eligibility.minEmployees']} hint={t('calls.form.minEmployeesHint')} inputMode="numeric" value={values.minEmployees} onChange={set('minEmployees', 'eligibility.minEmployees')} error={errors.fields['eligibility.minEmployees']} />
        </div>
        <div className="col-md-3">
          <TextField id={id('eligibility.maxEmployees')} label={labels['eligibility.maxEmployees']} hint={t('calls.form.maxEmployeesHint')} inputMode="numeric" value={values.maxEmployees} onChange={set('maxEmployees', 'eligibility.maxEmployees')} error={errors.fields['eligibility.maxEmployees']} />
        </div>
      </div>
      <TextField id={id('declarations.0.text')} label={labels['declarations.0.text']} hint={t('calls.form.declarationHint')} value={values.declaration} onChange={set('declaration', 'declarations.0.text')} error={errors.fields['declarations.0.text']} />
      <h3 className="h5 mt-3">{t('calls.form.scoring')}</h3>
      <TextField id={id('questions.0.text')} label={labels['questions.0.text']} hint={t('calls.form.questionHint')} value={values.question} onChange={set('question', 'questions.0.text')} error={errors.fields['questions.0.text']} />
      <div className="row">
        {asks ? (
          <div className="col-md-4">
            <TextField id={id('scoring.0.weight')} label={labels['scoring.0.weight']} required inputMode="numeric" value={values.questionWeight} onChange={set('questionWeight', 'scoring.0.weight')} error={errors.fields['scoring.0.weight']} />
          </div>
        ) : null}
        <div className="col-md-4">
          <TextField
            id={id('scoring.employees.weight')}
            label={labels[`scoring.${employeesAt}.weight`]}
            required
            inputMode="numeric"
            value={values.employeesWeight}
            onChange={set('employeesWeight', `scoring.${employeesAt}.weight`)}
            error={errors.fields[`scoring.${employeesAt}.weight`]}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id={id('scoring.employees.employeesCap')}
            label={labels[`scoring.${employeesAt}.employeesCap`]}
            required
            inputMode="numeric"
            value={values.employeesCap}
            onChange={set('employeesCap', `scoring.${employeesAt}.employeesCap`)}
            error={errors.fields[`scoring.${employeesAt}.employeesCap`]}
          />
        </div>
      </div>
      <RadioGroup
        id={id('tieBreak')}
        legend={t('calls.form.tieBreak')}
        hint={t('calls.form.tieBreakHint')}
        options={TIE_BREAKS.map((rules, index) => ({ value: String(index), label: rules.map((rule) => t(`calls.tieBreaks.${rule}`)).join(' → ') }))}
        value={values.tieBreak}
        onChange={set('tieBreak')}
      />
      <FormActions busy={loading} submitLabel={t('calls.form.submit')} />
    </form>
  );
}
