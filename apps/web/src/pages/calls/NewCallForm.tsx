import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, FormActions, RadioGroup, SelectField, TextField } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { instantOfItalianDateTime } from '../../i18n/italian-time';
import { NewSelectionCallDocument, RegionsDocument, SelectionCallListDocument, type CreateSelectionCallInput, type TieBreakRule } from '../../gql/generated';
import { CallOffers, freeOf, type OfferChoice } from './CallOffers';
import { CallStatements } from './CallStatements';

/** A date and time typed in a datetime-local field, in Italy, as an instant; null when it is not one. */
export const instantOf = (local: string): string | null => instantOfItalianDateTime(local);

/** The codes the form gives declarations and questions, by position: shops answer by them. */
const declarationCode = (index: number): string => `dichiarazione-${index + 1}`;
const questionCode = (index: number): string => `domanda-${index + 1}`;
const TIE_BREAKS: TieBreakRule[][] = [
  ['EARLIER_APPLICATION', 'FEWER_EMPLOYEES'],
  ['FEWER_EMPLOYEES', 'EARLIER_APPLICATION'],
];

const EMPTY = {
  title: '',
  description: '',
  places: '',
  opensAt: '',
  closesAt: '',
  minEmployees: '',
  maxEmployees: '',
  scoredQuestion: '0',
  questionWeight: '60',
  employeesWeight: '40',
  employeesCap: '10',
  tieBreak: '0',
};

/** The lists the form starts with: one row each, as the form had before it took lists. */
const EMPTY_LISTS = { offers: [null] as (OfferChoice | null)[], regionCodes: [] as string[], declarations: [''], questions: [''] };

const intOrNull = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** Statements as sent: a single empty row is none; with several, each is sent as written (an empty one is refused). */
const statements = (texts: string[], code: (index: number) => string) => (texts.length === 1 && !texts[0].trim() ? [] : texts.map((text, index) => ({ code: code(index), text })));

/**
 * A new call, saved as a draft: its offers in order of preference, who may apply (regions, size),
 * the declarations to confirm, yes/no questions (one of them scored), the weighted criteria and
 * the tie-break order.
 */
export function NewCallForm({ onCreated, staff = true }: { onCreated: (id: string) => void; staff?: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [lists, setLists] = useState(EMPTY_LISTS);
  // A new key empties the offer search once a call is created.
  const [round, setRound] = useState(0);
  const regions = useQuery(RegionsDocument);
  const [create, { loading }] = useMutation(NewSelectionCallDocument, { refetchQueries: [SelectionCallListDocument], awaitRefetchQueries: true });
  const sentQuestions = statements(lists.questions, questionCode);
  // Without a question the call is scored by size alone: the employees' criterion is then the first.
  const asks = sentQuestions.length > 0;
  const employeesAt = asks ? 1 : 0;
  // One criterion per kind (the API refuses a second): one question gives the points, the others are only asked.
  const scored = Math.min(Number(values.scoredQuestion), lists.questions.length - 1);
  const offerLabel = (index: number): string => (lists.offers.length === 1 ? t('calls.form.offer') : index === 0 ? t('calls.form.offerFirst') : t('calls.form.offerAt', { n: index + 1 }));
  const declarationLabel = (index: number): string => (lists.declarations.length === 1 ? t('calls.form.declaration') : t('calls.form.declarationAt', { n: index + 1 }));
  const questionLabel = (index: number): string => (lists.questions.length === 1 ? t('calls.form.question') : t('calls.form.questionAt', { n: index + 1 }));
  const labels: Record<string, string> = {
    title: t('calls.form.title'),
    description: t('calls.form.description'),
    ...Object.fromEntries(lists.offers.map((_offer, index) => [`offerIds.${index}`, offerLabel(index)])),
    // The list itself (refused when empty): shown on its first picker, below.
    offerIds: t('calls.form.offers'),
    places: t('calls.form.places'),
    opensAt: t('calls.form.opensAt'),
    closesAt: t('calls.form.closesAt'),
    'eligibility.regionCodes': t('calls.form.regions'),
    'eligibility.minEmployees': t('calls.form.minEmployees'),
    'eligibility.maxEmployees': t('calls.form.maxEmployees'),
    declarations: t('calls.form.declarations'),
    ...Object.fromEntries(lists.declarations.map((_text, index) => [`declarations.${index}.text`, declarationLabel(index)])),
    questions: t('calls.form.questions'),
    ...Object.fromEntries(lists.questions.map((_text, index) => [`questions.${index}.text`, questionLabel(index)])),
    'scoring.0.questionCode': t('calls.form.scoredQuestion'),
    'scoring.0.weight': t('calls.form.questionWeight'),
    [`scoring.${employeesAt}.weight`]: t('calls.form.employeesWeight'),
    [`scoring.${employeesAt}.employeesCap`]: t('calls.form.employeesCap'),
  };
  const { errors: named, attempt, send, dismiss } = useFormErrors(labels);
  // A refusal of the whole offer list (`offerIds`, empty) belongs to its first picker; an empty row makes the API
  // refuse the list too (not an offer's id), and that row's own message already says it.
  const { offerIds: listError, ...fields } = named.fields;
  const rowMessages = Object.keys(fields).some((field) => /^offerIds\.\d+$/.test(field));
  const errors = listError && !rowMessages ? { ...named, fields: { ...fields, 'offerIds.0': listError } } : { ...named, fields };
  const dismissAll = (...apiFields: string[]): void => apiFields.forEach(dismiss);
  const set = (field: keyof typeof EMPTY, apiField: string = field) => (value: string) => {
    setValues((all) => ({ ...all, [field]: value }));
    dismiss(apiField);
  };
  const setList =
    <K extends keyof typeof EMPTY_LISTS>(list: K) =>
    (value: (typeof EMPTY_LISTS)[K]) =>
      setLists((all) => ({ ...all, [list]: value }));
  const chosenOffers = lists.offers.filter((offer): offer is OfferChoice => offer !== null);
  const free = chosenOffers.reduce((sum, offer) => sum + freeOf(offer), 0);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const opensAt = instantOf(values.opensAt);
    const closesAt = instantOf(values.closesAt);
    const local: LocalProblems = {};
    if (!opensAt) local.opensAt = (t, labels) => t('calls.form.dateMissing', { field: labels.opensAt });
    if (!closesAt) local.closesAt = (t, labels) => t('calls.form.dateMissing', { field: labels.closesAt });
    // An empty row is sent as it is (the API refuses it where it stands), so that every message keeps its row.
    lists.offers.forEach((offer, index) => {
      const field = `offerIds.${index}`;
      if (!offer) local[field] = (t, labels) => (lists.offers.length === 1 ? t('calls.form.offerMissing') : t('calls.form.offerRowMissing', { field: labels[field] }));
    });
    for (const list of ['declarations', 'questions'] as const) {
      if (lists[list].length === 1) continue;
      lists[list].forEach((text, index) => {
        const field = `${list}.${index}.text`;
        if (!text.trim()) local[field] = (t, labels) => t('calls.form.statementMissing', { field: labels[field] });
      });
    }
    // Found here, with every other message: the API checks the size range only once the fields are valid.
    const [min, max] = [intOrNull(values.minEmployees), intOrNull(values.maxEmployees)];
    if (min !== null && max !== null && min > max) local['eligibility.maxEmployees'] = (t, labels) => t('calls.form.maxBelowMin', { field: labels['eligibility.maxEmployees'] });
    // A missing date is named here; the rest is still sent (with a window the API is sure to refuse), so every problem shows at once.
    const placeholder = new Date().toISOString();
    const chosenRegions = lists.regionCodes;
    const input: CreateSelectionCallInput = {
      title: values.title,
      description: values.description,
      offerIds: lists.offers.map((offer) => offer?.id ?? ''),
      places: intOrNull(values.places) ?? 0,
      opensAt: opensAt && closesAt ? opensAt : placeholder,
      closesAt: opensAt && closesAt ? closesAt : placeholder,
      eligibility: {
        regionCodes: (regions.data?.regions ?? []).map((r) => r.code).filter((code) => chosenRegions.includes(code)),
        minEmployees: intOrNull(values.minEmployees),
        maxEmployees: intOrNull(values.maxEmployees),
      },
      declarations: statements(lists.declarations, declarationCode),
      questions: sentQuestions,
      scoring: [
        ...(asks ? [{ kind: 'ANSWER_YES' as const, weight: intOrNull(values.questionWeight) ?? 0, questionCode: questionCode(scored) }] : []),
        { kind: 'FEWER_EMPLOYEES', weight: intOrNull(values.employeesWeight) ?? 0, employeesCap: intOrNull(values.employeesCap) },
      ],
      tieBreak: TIE_BREAKS[Number(values.tieBreak)],
    };
    const created = await send('SelectionCall', async () => (await create({ variables: { input } })).data?.createSelectionCall, local);
    if (created) {
      setValues(EMPTY);
      setLists(EMPTY_LISTS);
      setRound((n) => n + 1);
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
      <CallOffers key={round} staff={staff} chosen={lists.offers} onChange={setList('offers')} labelOf={offerLabel} errors={errors.fields} dismiss={dismissAll} />
      <div className="row">
        <div className="col-md-4">
          <TextField
            id={id('places')}
            label={labels.places}
            hint={chosenOffers.length > 0 ? t('calls.form.placesFree', { count: free }) : undefined}
            required
            inputMode="numeric"
            value={values.places}
            onChange={set('places')}
            error={errors.fields.places}
          />
        </div>
        <div className="col-md-4">
          <TextField id={id('opensAt')} label={labels.opensAt} hint={t('calls.form.italianTime')} required type="datetime-local" value={values.opensAt} onChange={set('opensAt')} error={errors.fields.opensAt} />
        </div>
        <div className="col-md-4">
          <TextField id={id('closesAt')} label={labels.closesAt} hint={t('calls.form.italianTime')} required type="datetime-local" value={values.closesAt} onChange={set('closesAt')} error={errors.fields.closesAt} />
        </div>
      </div>
      <h3 className="h5 mt-3">{t('calls.form.eligibility')}</h3>
      <CheckboxGroup
        id={id('eligibility.regionCodes')}
        legend={labels['eligibility.regionCodes']}
        hint={t('calls.form.regionsHint')}
        columns
        options={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
        value={lists.regionCodes}
        onChange={(codes) => {
          setList('regionCodes')(codes);
          dismiss('eligibility.regionCodes');
        }}
        error={errors.fields['eligibility.regionCodes']}
      />
      <div className="row">
        <div className="col-md-3">
          <TextField id={id('eligibility.minEmployees')} label={labels['eligibility.minEmployees']} hint={t('calls.form.minEmployeesHint')} inputMode="numeric" value={values.minEmployees} onChange={set('minEmployees', 'eligibility.minEmployees')} error={errors.fields['eligibility.minEmployees']} />
        </div>
        <div className="col-md-3">
          <TextField id={id('eligibility.maxEmployees')} label={labels['eligibility.maxEmployees']} hint={t('calls.form.maxEmployeesHint')} inputMode="numeric" value={values.maxEmployees} onChange={set('maxEmployees', 'eligibility.maxEmployees')} error={errors.fields['eligibility.maxEmployees']} />
        </div>
      </div>
      <CallStatements
        list="declarations"
        texts={lists.declarations}
        onChange={setList('declarations')}
        labelOf={declarationLabel}
        hint={t('calls.form.declarationHint')}
        errors={errors.fields}
        dismiss={dismissAll}
      />
      <h3 className="h5 mt-3">{t('calls.form.scoring')}</h3>
      <CallStatements
        list="questions"
        texts={lists.questions}
        onChange={setList('questions')}
        labelOf={questionLabel}
        hint={t('calls.form.questionHint')}
        errors={errors.fields}
        dismiss={dismissAll}
        // The scored question keeps its words when one before it goes; when it goes itself, the first one scores.
        onRemoved={(index) => {
          dismiss('scoring.0.questionCode');
          setValues((all) => {
            const at = Number(all.scoredQuestion);
            return { ...all, scoredQuestion: String(index < at ? at - 1 : index === at ? 0 : at) };
          });
        }}
      />
      {lists.questions.length > 1 ? (
        <SelectField
          id={id('scoring.0.questionCode')}
          label={labels['scoring.0.questionCode']}
          hint={t('calls.form.scoredQuestionHint')}
          required
          placeholder={t('calls.form.chooseScoredQuestion')}
          value={String(scored)}
          onChange={set('scoredQuestion', 'scoring.0.questionCode')}
          options={lists.questions.map((text, index) => ({ value: String(index), label: text.trim() ? `${questionLabel(index)}: ${text.trim()}` : questionLabel(index) }))}
          error={errors.fields['scoring.0.questionCode']}
        />
      ) : null}
      <div className="row">
        {asks ? (
          <div className="col-md-4">
            <TextField id={id('scoring.0.weight')} label={labels['scoring.0.weight']} required inputMode="numeric" value={values.questionWeight} onChange={set('questionWeight', 'scoring.0.weight')} error={errors.fields['scoring.0.weight']} />
          </div>
        ) : null}
        <div className="col-md-4">
          <TextField
            id={id(`scoring.${employeesAt}.weight`)}
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
            id={id(`scoring.${employeesAt}.employeesCap`)}
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
