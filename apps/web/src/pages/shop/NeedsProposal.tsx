import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SubmitButton, TextField } from '../../components/fields';
import { StatusNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { CreateHelpRequestDocument, MyHelpRequestsDocument, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS } from '../../routes';

interface Row {
  category: ServiceCategory;
  selected: boolean;
  description: string;
}

interface Props {
  categories: ServiceCategory[];
  /** Categories with a request still open or matched: proposed, but not chosen by default. */
  alreadyAsked: ReadonlySet<ServiceCategory>;
  onBack: () => void;
}

/** The proposed services, each with a short description the shop can change, sent as one request each. */
export function NeedsProposal({ categories, alreadyAsked, onBack }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { label } = useCategoryLabels();
  const [rows, setRows] = useState<Row[]>(() =>
    categories.map((category) => ({ category, selected: !alreadyAsked.has(category), description: t(`needs.suggestions.${category}`) })),
  );
  const [failed, setFailed] = useState<ServiceCategory | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [create] = useMutation(CreateHelpRequestDocument, { refetchQueries: [MyHelpRequestsDocument] });
  const labels: Record<string, string> = {
    description: failed ? t('needs.descriptionOf', { category: label(failed) }) : t('needs.description'),
    rows: t('needs.proposalTitle'),
  };
  const { errors, attempt, failWith, failLocal, clear } = useFormErrors(labels);
  const update = (category: ServiceCategory, change: Partial<Row>): void => setRows((all) => all.map((r) => (r.category === category ? { ...r, ...change } : r)));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const chosen = rows.filter((r) => r.selected);
    if (chosen.length === 0) {
      setFailed(null);
      failLocal('rows', () => t('needs.chooseService'));
      return;
    }
    clear();
    setBusy(true);
    // One request per category, as the API takes them; those already sent leave the form, so that
    // sending again after a correction never duplicates them.
    const sent: ServiceCategory[] = [];
    for (const row of chosen) {
      try {
        await create({ variables: { input: { category: row.category, description: row.description } } });
        sent.push(row.category);
      } catch (error) {
        setRows((all) => all.filter((r) => !sent.includes(r.category)));
        setNotice(sent.length ? t('needs.partlySent', { count: sent.length }) : '');
        setFailed(row.category);
        failWith(error);
        setBusy(false);
        return;
      }
    }
    setBusy(false);
    navigate(PATHS.shopRequests, { state: { notice: t('needs.sent', { count: sent.length }) } });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <StatusNotice message={notice} />
      <ErrorSummary errors={errors} attempt={attempt} idPrefix={failed ? `need-${failed}` : 'needs'} />
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
            return (
              <li key={row.category} className="need-card">
                <div className="form-check mb-0">
                  <input id={`${id}-selected`} type="checkbox" checked={row.selected} onChange={() => update(row.category, { selected: !row.selected })} />
                  <label htmlFor={`${id}-selected`} className="fw-semibold">
                    {t('needs.ask', { category: label(row.category) })}
                  </label>
                </div>
                {alreadyAsked.has(row.category) ? <p className="small mb-0 need-note">{t('needs.alreadyAsked')}</p> : null}
                {row.selected ? (
                  <TextField
                    id={`${id}-description`}
                    label={t('needs.descriptionOf', { category: label(row.category) })}
                    hint={t('needs.descriptionHint')}
                    required
                    multiline
                    value={row.description}
                    onChange={(description) => update(row.category, { description })}
                    error={failed === row.category ? errors.fields.description : undefined}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="d-flex flex-wrap gap-3">
        <SubmitButton busy={busy} busyLabel={t('common.sending')}>
          {t('needs.send')}
        </SubmitButton>
        <button type="button" className="btn btn-outline-primary" onClick={onBack}>
          {t('needs.back')}
        </button>
      </div>
    </form>
  );
}
