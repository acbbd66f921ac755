import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShopVoice } from '../../auth/acting-for';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { useFormErrors } from '../../errors/use-form-errors';
import { MyHelpRequestsDocument, NeedsQuestionnaireDocument, type NeedCode, type ServiceCategory } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { Loading } from '../../components/Loading';
import { byId, useFocusAfter } from '../../components/use-focus-after';
import { NeedsProposal } from './NeedsProposal';
import { RequireShop } from './RequireShop';

/** Requests that still count: a new one for the same category would only duplicate them. */
const LIVE_STATUSES = new Set(['OPEN', 'MATCHED']);

function Questionnaire() {
  const { t } = useTranslation();
  // The questions, and the services each answer calls for, come from the API: one source for the web app and integrators.
  const questionnaire = useQuery(NeedsQuestionnaireDocument).data?.needsQuestionnaire;
  const [answers, setAnswers] = useState<NeedCode[]>([]);
  const [proposal, setProposal] = useState<ServiceCategory[] | null>(null);
  const { data } = useQuery(MyHelpRequestsDocument, { variables: { filter: {}, first: 100, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const alreadyAsked = new Set((data?.myHelpRequests.items ?? []).filter((r) => LIVE_STATUSES.has(r.status)).map((r) => r.category));
  const labels = { answers: questionnaire ? inLanguage(questionnaire.question, questionnaire.questionIt) : '' };
  const { errors, attempt, failLocal, clear, dismiss } = useFormErrors(labels);
  // The button pressed gives way to the proposal, and back: the reader goes on from what replaced it.
  const focusAfter = useFocusAfter();

  const propose = (event: FormEvent): void => {
    event.preventDefault();
    const wanted = new Set(questionnaire?.needs.filter((need) => answers.includes(need.code)).flatMap((need) => need.categories));
    // In the order the API lists the suggestions, which is the platform's order of categories.
    const proposed = (questionnaire?.suggestions ?? []).map((s) => s.category).filter((category) => wanted.has(category));
    if (proposed.length === 0) {
      failLocal('answers', (t) => t('needs.chooseOne'));
      return;
    }
    clear();
    setProposal(proposed);
    focusAfter(byId('needs-rows'));
  };

  if (!questionnaire) return <Loading />;
  if (proposal) {
    const back = (): void => {
      setProposal(null);
      focusAfter(byId('needs-answers'));
    };
    return <NeedsProposal needs={answers} categories={proposal} suggestions={questionnaire.suggestions} alreadyAsked={alreadyAsked} onBack={back} />;
  }
  return (
    <form noValidate onSubmit={propose}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="needs" />
      <CheckboxGroup
        id="needs-answers"
        legend={labels.answers}
        hint={inLanguage(questionnaire.hint, questionnaire.hintIt)}
        columns
        options={questionnaire.needs.map((need) => ({ value: need.code, label: inLanguage(need.question, need.questionIt), hint: inLanguage(need.hint, need.hintIt) }))}
        value={answers}
        onChange={(value) => {
          setAnswers(questionnaire.needs.map((need) => need.code).filter((code) => value.includes(code)));
          dismiss('answers');
        }}
        error={errors.fields.answers}
      />
      <button type="submit" className="btn btn-primary">
        {t('needs.propose')}
      </button>
    </form>
  );
}

export function NeedsPage() {
  const { t } = useTranslation();
  const voice = useShopVoice();
  return (
    <>
      <PageTitle title={t('needs.title', voice)}>{t('needs.title', voice)}</PageTitle>
      <p className="lead">{t('needs.lead')}</p>
      <RequireShop>{() => <Questionnaire />}</RequireShop>
    </>
  );
}
