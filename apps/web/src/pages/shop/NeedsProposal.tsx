import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SubmitButton, TextField } from '../../components/fields';
import { useFormErrors } from '../../errors/use-form-errors';
import { CreateHelpRequestsFromNeedsDocument, MyHelpRequestBundlesDocument, MyHelpRequestsDocument, type NeedCode, type NeedsQuestionnaireQuery, type ServiceCategory } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';

interface Row {
  category: ServiceCategory;
  selected: boolean;
  description: string;
}

interface Props {
  /** The answers, sent with the requests: the API checks each request is for a service they call for. */
  needs: NeedCode[];
  categories: ServiceCategory[];
  suggestions: NeedsQuestionnaireQuery['needsQuestionnaire']['suggestions'];
  /** Categories with a request still open or matched: proposed, but not chosen by default. */
  alreadyAsked: ReadonlySet<ServiceCategory>;
  onBack: () => void;
}

/** The API's name for the description of the `index`-th request sent, which is also its field's id. */
const descriptionField = (index: number): string => `requests.${index}.description`;

/** How the chosen services are asked: one request each, or together as a bundle. */
type Asking = 'separate' | 'bundle';

/**
 * The proposed services, each with a short description the shop can change, sent together: all
 * are created, or none. With two or more services the shop may ask them as a bundle, and then
 * lands on the bundle's page, where the sets of offers are proposed.
 */
export function NeedsProposal({ needs, categories, suggestions, alreadyAsked, onBack }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { label } = useCategoryLabels();
  const [rows, setRows] = useState<Row[]>(() =>
    categories.map((category) => {
      const suggestion = suggestions.find((s) => s.category === category);
      return { category, selected: !alreadyAsked.has(category), description: suggestion ? inLanguage(suggestion.description, suggestion.descriptionIt) : '' };
    }),
  );
  const [asking, setAsking] = useState<Asking>('separate');
  const [create, { loading }] = useMutation(CreateHelpRequestsFromNeedsDocument, { refetchQueries: [MyHelpRequestsDocument, MyHelpRequestBundlesDocument] });
  // A bundle needs two services: the choice is offered only when the answers lead to two or more.
  const canBundle = rows.length >= 2;
  const asBundle = canBundle && asking === 'bundle';
  // The chosen rows are sent in this order, so the API's `requests.N` is the N-th of them.
  const chosen = rows.filter((r) => r.selected);
  const labels: Record<string, string> = { rows: t('needs.proposalTitle'), asBundle: t('needs.asking.legend') };
  chosen.forEach((row, index) => {
    labels[descriptionField(index)] = t('needs.descriptionOf', { category: label(row.category) });
  });
  const { errors, attempt, send, failLocal, clear, dismiss } = useFormErrors(labels);
  const update = (category: ServiceCategory, change: Partial<Row>): void => setRows((all) => all.map((r) => (r.category === category ? { ...r, ...change } : r)));
  const toggle = (row: Row): void => {
    // Choosing differently renumbers the requests, so the API's messages no longer point at the right field.
    clear();
    update(row.category, { selected: !row.selected });
  };
  const choose = (value: string): void => {
    clear();
    setAsking(value === 'bundle' ? 'bundle' : 'separate');
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (chosen.length === 0) {
      failLocal('rows', (t) => t('needs.chooseService'));
      return;
    }
    if (asBundle && chosen.length < 2) {
      failLocal('asBundle', (t) => t('needs.asking.tooFew'));
      return;
    }
    // A service the shop already asks for is refused, naming that request: the message says where it is.
    const requests = chosen.map((r) => ({ category: r.category, description: r.description }));
    const sent = await send('HelpRequestBatch', async () => (await create({ variables: { input: { needs, requests, asBundle } } })).data?.createHelpRequestsFromNeeds);
    if (!sent) return;
    if (sent.bundleId) void navigate(pathTo(PATHS.shopBundle, sent.bundleId), { state: { notice: t('bundle.created', { count: sent.requests.length }) } });
    else void navigate(PATHS.shopRequests, { state: { notice: t('needs.sent', { count: sent.requests.length }) } });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="needs" />
      <fieldset id="needs-rows" tabIndex={-1} aria-describedby="needs-rows-hint">
        <legend>
          <h2 className="h3">{labels.rows}</h2>
        </legend>
        <p id="needs-rows-hint">{t('needs.proposalLead')}</p>
        {errors.fields.rows ? (
          <div id="needs-rows-error" className="field-error" data-field-error>
            {errors.fields.rows}
          </div>
        ) : null}
        <ul className="list-unstyled">
          {rows.map((row) => {
            const id = `need-${row.category}`;
            const field = descriptionField(chosen.indexOf(row));
            return (
              <li key={row.category} className="need-card">
                <div className="form-check mb-0">
                  <input id={`${id}-selected`} type="checkbox" checked={row.selected} onChange={() => toggle(row)} />
                  <label htmlFor={`${id}-selected`} className="fw-semibold">
                    {t('needs.ask', { category: label(row.category) })}
                  </label>
                </div>
                {alreadyAsked.has(row.category) ? <p className="small mb-0 need-note">{t('needs.alreadyAsked')}</p> : null}
                {row.selected ? (
                  <TextField
                    id={`needs-${field}`}
                    label={labels[field]}
                    hint={t('needs.descriptionHint')}
                    required
                    multiline
                    value={row.description}
                    onChange={(description) => {
                      update(row.category, { description });
                      dismiss(field);
                    }}
                    error={errors.fields[field]}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      {canBundle ? (
        <RadioGroup
          id="needs-asBundle"
          legend={labels.asBundle}
          options={[
            { value: 'separate', label: t('needs.asking.separate'), hint: t('needs.asking.separateHint') },
            { value: 'bundle', label: t('needs.asking.bundle'), hint: t('needs.asking.bundleHint') },
          ]}
          value={asking}
          onChange={choose}
          error={errors.fields.asBundle}
        />
      ) : null}
      <div className="d-flex flex-wrap gap-3">
        <SubmitButton busy={loading}>{asBundle ? t('bundle.submit') : t('needs.send')}</SubmitButton>
        <button type="button" className="btn btn-outline-primary" onClick={onBack}>
          {t('needs.back')}
        </button>
      </div>
    </form>
  );
}
