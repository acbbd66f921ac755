import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, FormActions, TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { useFormErrors } from '../../errors/use-form-errors';
import { CreateHelpRequestBundleDocument, MyHelpRequestBundlesDocument, MyHelpRequestsDocument, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { RequireShop } from './RequireShop';

/** A bundle: two or more services asked together, proposed as sets of offers that work together. */
function BundleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategoryLabels();
  const [chosen, setChosen] = useState<ServiceCategory[]>([]);
  const [description, setDescription] = useState('');
  const [create, creating] = useMutation(CreateHelpRequestBundleDocument, { refetchQueries: [MyHelpRequestBundlesDocument, MyHelpRequestsDocument] });
  const labels = { categories: t('bundle.fields.categories'), description: t('bundle.fields.description') };
  const { errors, attempt, failLocal, dismiss, send } = useFormErrors(labels);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (chosen.length < 2) {
      failLocal('categories', (t) => t('bundle.tooFew'));
      return;
    }
    const input = { categories: chosen, description: description.trim() || null };
    const bundle = await send('HelpRequestBundle', async () => (await create({ variables: { input } })).data?.createHelpRequestBundle);
    if (bundle) void navigate(pathTo(PATHS.shopBundle, bundle.id), { state: { notice: t('bundle.created', { count: bundle.categories.length }) } });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="bundle" />
      <CheckboxGroup
        id="bundle-categories"
        legend={labels.categories}
        hint={t('bundle.hints.categories')}
        required
        columns
        options={categories.all.map((c) => ({ value: c.code, label: c.label }))}
        value={chosen}
        onChange={(codes) => {
          setChosen(categories.all.map((c) => c.code).filter((code): code is ServiceCategory => codes.includes(code)));
          dismiss('categories');
        }}
        error={errors.fields.categories}
      />
      <TextField
        id="bundle-description"
        label={labels.description}
        hint={t('bundle.hints.description')}
        multiline
        value={description}
        onChange={(value) => {
          setDescription(value);
          dismiss('description');
        }}
        error={errors.fields.description}
      />
      <FormActions busy={creating.loading} submitLabel={t('bundle.submit')} onCancel={() => void navigate(PATHS.shopRequests)} />
    </form>
  );
}

export function BundleNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-2">
        <Link to={PATHS.shopRequests}>{t('bundle.back')}</Link>
      </p>
      <PageTitle title={t('bundle.newTitle')}>{t('bundle.newTitle')}</PageTitle>
      <p className="lead">{t('bundle.newLead')}</p>
      <RequireShop>{() => <BundleForm />}</RequireShop>
    </>
  );
}
