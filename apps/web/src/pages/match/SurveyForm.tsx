import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SubmitButton, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { AnswerOutcomeSurveyDocument, MatchDocument, type OutcomeCheckpoint } from '../../gql/generated';

interface Props {
  matchId: string;
  checkpoint: OutcomeCheckpoint;
  onDone: (message: string) => void;
}

/** The two questions: did the service bring online orders, and roughly how many. */
export function SurveyForm({ matchId, checkpoint, onDone }: Props) {
  const { t } = useTranslation();
  const [got, setGot] = useState('');
  const [orders, setOrders] = useState('');
  const [answer, { loading }] = useMutation(AnswerOutcomeSurveyDocument, { refetchQueries: [MatchDocument], awaitRefetchQueries: true });
  // Messages name the count as a noun ("Numero di ordini online non può superare…"), not by its question.
  const labels = { gotOnlineOrders: t('survey.gotOnlineOrders'), approximateOrders: t('survey.approximateOrdersField') };
  const { errors, attempt, failLocal, send, changed } = useFormErrors(labels);
  const prefix = `survey-${checkpoint}`;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // Checked here only what the API cannot receive at all: no answer, or not a number.
    if (got === '') {
      failLocal('gotOnlineOrders', (t) => t('survey.chooseAnswer'));
      return;
    }
    // Digits, grouped by thousands or not (1.500, 1,500, 1 500); how many is the API's to judge
    // (at most a million), with its own words.
    const count = orders.trim();
    if (got === 'yes' && !/^(\d+|\d{1,3}([.,\s\u00a0\u202f']\d{3})+)$/.test(count)) {
      failLocal('approximateOrders', (t) => t('survey.ordersNotNumber'));
      return;
    }
    const input = { matchId, checkpoint, gotOnlineOrders: got === 'yes', approximateOrders: got === 'yes' ? Number(count.replace(/\D/g, '')) : 0 };
    if (await send('OutcomeSurvey', async () => (await answer({ variables: { input } })).data?.answerOutcomeSurvey)) onDone(t('survey.thanks'));
  };

  return (
    <section aria-labelledby={`${prefix}-title`} className="mt-4 actions-card">
      <h2 id={`${prefix}-title`} className="h4">
        {t(`survey.titles.${checkpoint}`)}
      </h2>
      <p>{t('survey.lead')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix={prefix} />
        <RadioGroup
          id={`${prefix}-gotOnlineOrders`}
          legend={labels.gotOnlineOrders}
          required
          options={[
            { value: 'yes', label: t('survey.yes') },
            { value: 'no', label: t('survey.no') },
          ]}
          value={got}
          onChange={changed('gotOnlineOrders', setGot)}
          error={errors.fields.gotOnlineOrders}
        />
        {got === 'yes' ? (
          <TextField
            id={`${prefix}-approximateOrders`}
            label={t('survey.approximateOrders')}
            hint={t('survey.approximateOrdersHint')}
            required
            inputMode="numeric"
            value={orders}
            onChange={changed('approximateOrders', setOrders)}
            error={errors.fields.approximateOrders}
          />
        ) : null}
        <SubmitButton busy={loading}>
          {t('survey.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
