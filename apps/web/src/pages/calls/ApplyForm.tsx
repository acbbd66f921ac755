import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, RadioGroup } from '../../components/fields';
import { useFormErrors, type LocalProblems } from '../../errors/use-form-errors';
import { ApplyToSelectionCallDocument, MyCallApplicationOfDocument, type ApplyToSelectionCallMutation, type CallFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useActingFor } from '../../auth/acting-for';

type Refusal = Extract<ApplyToSelectionCallMutation['applyToCall'], { __typename: 'CallNotEligibleError' }>;

/** The declarations to confirm and the questions to answer; a refusal lists every requirement not met. */
export function ApplyForm({ call, onApplied }: { call: CallFieldsFragment; onApplied: (message: string) => void }) {
  const { t } = useTranslation();
  // A facilitator confirms the declarations in the shop's name: said where it ticks them.
  const acting = useActingFor();
  const [declared, setDeclared] = useState<string[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [apply, { loading }] = useMutation(ApplyToSelectionCallDocument, { refetchQueries: [MyCallApplicationOfDocument], awaitRefetchQueries: true });
  const questionField = (code: string): string => `q-${code}`;
  const labels: Record<string, string> = {
    declarations: t('calls.apply.declarations'),
    ...Object.fromEntries(call.questions.map((question) => [questionField(question.code), question.text])),
  };
  const { errors, attempt, failWith, failBusiness, failLocalAll, clear, dismiss } = useFormErrors(labels);
  const prefix = `apply-${call.id}`;
  const refusalBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) refusalBox.current?.focus();
  }, [refusal]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    clear();
    setRefusal(null);
    // What is missing from the form itself is said on its fields, before anything is sent.
    const missing: LocalProblems = {};
    if (declared.length < call.declarations.length) missing.declarations = (t) => t('calls.apply.confirmAll');
    for (const question of call.questions) if (!answers[question.code]) missing[questionField(question.code)] = (t) => t('calls.apply.answerMissing', { question: question.text });
    if (Object.keys(missing).length > 0) {
      failLocalAll(missing);
      return;
    }
    try {
      const { data } = await apply({
        variables: {
          input: {
            callId: call.id,
            declarations: declared,
            answers: Object.entries(answers).map(([questionCode, answer]) => ({ questionCode, answer: answer === 'yes' })),
          },
        },
      });
      const result = data?.applyToCall;
      if (!result) return;
      if (result.__typename === 'CallApplication') onApplied(t('calls.apply.sent', { title: call.title }));
      else if (result.__typename === 'CallNotEligibleError') setRefusal(result);
      else failBusiness(result);
    } catch (error) {
      failWith(error);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('calls.apply.formLabel', { title: call.title })}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
      {refusal ? (
        <div ref={refusalBox} className="alert alert-danger" role="alert" tabIndex={-1} data-testid="call-refusal">
          <p className="mb-1">{inLanguage(refusal.message, refusal.messageIt)}</p>
          <ul className="mb-0">
            {refusal.failed.map((failure, index) => (
              <li key={index}>{inLanguage(failure.message, failure.messageIt)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {call.declarations.length ? (
        <CheckboxGroup
          id={`${prefix}-declarations`}
          legend={labels.declarations}
          hint={acting ? t('calls.apply.declarationsActing', { shop: acting.shopName }) : undefined}
          options={call.declarations.map((d) => ({ value: d.code, label: d.text }))}
          value={declared}
          onChange={(value) => {
            setDeclared(value);
            dismiss('declarations');
          }}
          error={errors.fields.declarations}
        />
      ) : null}
      {call.questions.map((question) => (
        <RadioGroup
          key={question.code}
          id={`${prefix}-q-${question.code}`}
          legend={question.text}
          options={[
            { value: 'yes', label: t('calls.apply.yes') },
            { value: 'no', label: t('calls.apply.no') },
          ]}
          value={answers[question.code] ?? ''}
          onChange={(value) => {
            setAnswers((all) => ({ ...all, [question.code]: value }));
            dismiss(questionField(question.code));
          }}
          error={errors.fields[questionField(question.code)]}
        />
      ))}
      <button type="submit" className="btn btn-primary" disabled={loading}>
        {t('calls.apply.submit')}
      </button>
    </form>
  );
}
