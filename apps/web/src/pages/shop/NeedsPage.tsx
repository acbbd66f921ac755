import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { useFormErrors } from '../../errors/use-form-errors';
import { MyHelpRequestsDocument, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { NEEDS, proposedCategories, type Need } from './needs';
import { NeedsProposal } from './NeedsProposal';
import { RequireShop } from './RequireShop';

/** Requests that still count: a new one for the same category would only duplicate them. */
const LIVE_STATUSES = new Set(['OPEN', 'MATCHED']);

function Questionnaire() {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const [answers, setAnswers] = useState<Need[]>([]);
  const [proposal, setProposal] = useState<ServiceCategory[] | null>(null);
  const { data } = useQuery(MyHelpRequestsDocument, { variables: { filter: {}, first: 100, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const alreadyAsked = new Set((data?.myHelpRequests.items ?? []).filter((r) => LIVE_STATUSES.has(r.status)).map((r) => r.category));
  const labels = { answers: t('needs.question') };
  const { errors, attempt, failLocal, clear } = useFormErrors(labels);

  const propose = (event: FormEvent): void => {
    event.preventDefault();
    const proposed = proposedCategories(answers, categories.all.map((c) => c.code));
    if (proposed.length === 0) {
      failLocal('answers', () => t('needs.chooseOne'));
      return;
    }
    clear();
    setProposal(proposed);
  };

  if (proposal) return <NeedsProposal categories={proposal} alreadyAsked={alreadyAsked} onBack={() => setProposal(null)} />;
  return (
    <form noValidate onSubmit={propose}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="needs" />
      <CheckboxGroup
        id="needs-answers"
        legend={labels.answers}
        hint={t('needs.questionHint')}
        columns
        options={NEEDS.map((need) => ({ value: need, label: t(`needs.questions.${need}`), hint: t(`needs.questionHints.${need}`) }))}
        value={answers}
        onChange={(value) => setAnswers(NEEDS.filter((need) => value.includes(need)))}
        error={errors.fields.answers}
      />
      <button type="submit" className="btn btn-primary" disabled={categories.loading}>
        {t('needs.propose')}
      </button>
    </form>
  );
}

export function NeedsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('needs.title')}>{t('needs.title')}</PageTitle>
      <p className="lead">{t('needs.lead')}</p>
      <RequireShop>{() => <Questionnaire />}</RequireShop>
    </>
  );
}
