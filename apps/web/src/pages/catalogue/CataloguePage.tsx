import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { ComuneAutocomplete, type ComuneChoice } from '../../components/ComuneAutocomplete';
import { SelectField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { isBadUserInput } from '../../errors/form-errors';
import { CatalogueComuneDocument, OfferCatalogueDocument, type CatalogueFilterInput, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS } from '../../routes';
import { CatalogueOfferCard } from './CatalogueOfferCard';

const PAGE_SIZE = 10;
/** The filter lives in the address, in Italian like the paths: a search can be bookmarked or shared. */
const PARAMS = { category: 'servizio', comune: 'comune', page: 'pagina' } as const;

/** Where to go from here: sign up (or, for a shop, ask for a service) to be offered the offers that fit. */
function NextStep() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user?.role === 'SHOP') {
    return (
      <p className="next-card">
        {t('catalogue.shopNext')} <Link to={PATHS.shopNeeds}>{t('catalogue.shopNextLink')}</Link>
      </p>
    );
  }
  if (user) return null;
  return (
    <div className="next-card">
      <p>{t('catalogue.signUpText')}</p>
      <div className="d-flex flex-wrap gap-3">
        <Link className="btn btn-primary" to={`${PATHS.register}?ruolo=SHOP`}>
          {t('home.ctaShop')}
        </Link>
        <Link className="btn btn-outline-primary" to={`${PATHS.register}?ruolo=PROVIDER`}>
          {t('home.ctaProvider')}
        </Link>
      </div>
    </div>
  );
}

function Results({ filter }: { filter: CatalogueFilterInput }) {
  const { t } = useTranslation();
  const paging = usePaging(PAGE_SIZE, PARAMS.page);
  const { data, error } = useQuery(OfferCatalogueDocument, { variables: { filter, first: PAGE_SIZE, offset: paging.offset } });
  if (isBadUserInput(error)) return <p className="alert alert-warning">{t('catalogue.unknownComune')}</p>;
  return (
    <PagedResults paging={paging} page={data?.offerCatalogue} error={error} empty={t('catalogue.empty')} pagerLabel={t('catalogue.pages')}>
      {(page) => (
        <>
          <p role="status">{t('catalogue.count', { count: page.totalCount })}</p>
          <ul className="list-unstyled">
            {page.items.map((offer) => (
              <CatalogueOfferCard key={offer.id} offer={offer} />
            ))}
          </ul>
        </>
      )}
    </PagedResults>
  );
}

/** The public catalogue of published offers, by service and comune: no account needed. */
export function CataloguePage() {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const [params, setParams] = useSearchParams();
  const category = params.get(PARAMS.category) ?? '';
  const comuneCode = params.get(PARAMS.comune) ?? '';
  const chosen = useQuery(CatalogueComuneDocument, { variables: { code: comuneCode }, skip: !comuneCode }).data?.comune;
  const [draftCategory, setDraftCategory] = useState(category);
  // Undefined until the reader picks or clears one: the address's comune, once its name is known.
  const [draftComune, setDraftComune] = useState<ComuneChoice | null | undefined>(undefined);
  const comune = draftComune === undefined ? (chosen ? { code: chosen.code, name: chosen.name, sigla: chosen.province.sigla } : null) : draftComune;
  // A name typed but never picked from the list would otherwise be dropped without a word.
  const [comuneText, setComuneText] = useState('');
  const [comuneError, setComuneError] = useState<string | undefined>(undefined);

  const filter: CatalogueFilterInput = {};
  if (category) filter.categories = [category as ServiceCategory];
  if (comuneCode) filter.comuneCode = comuneCode;

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    if (!comune && comuneText.trim() !== '') {
      setComuneError(t('catalogue.comuneNotPicked'));
      document.getElementById('catalogue-comune')?.focus();
      return;
    }
    setComuneError(undefined);
    const next = new URLSearchParams();
    if (draftCategory) next.set(PARAMS.category, draftCategory);
    if (comune) next.set(PARAMS.comune, comune.code);
    setParams(next);
  };
  const reset = (): void => {
    setComuneText('');
    setComuneError(undefined);
    setDraftCategory('');
    setDraftComune(undefined);
    setParams(new URLSearchParams());
  };

  return (
    <>
      <PageTitle title={t('catalogue.title')}>{t('catalogue.title')}</PageTitle>
      <p className="lead">{t('catalogue.lead')}</p>
      <NextStep />
      <form noValidate onSubmit={apply} className="actions-card mt-4" aria-labelledby="catalogue-filter-title">
        <h2 id="catalogue-filter-title" className="h4">
          {t('catalogue.filterTitle')}
        </h2>
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              id="catalogue-category"
              label={t('catalogue.category')}
              placeholder={t('catalogue.allCategories')}
              value={draftCategory}
              onChange={setDraftCategory}
              options={categories.all.map((c) => ({ value: c.code, label: c.label }))}
            />
          </div>
          <div className="col-12 col-md-6">
            {/* Keyed by the address's comune: the picker starts again from it once its name is known. */}
            <ComuneAutocomplete
              key={chosen?.code ?? 'none'}
              id="catalogue-comune"
              label={t('catalogue.comune')}
              hint={t('catalogue.comuneHint')}
              value={comune}
              onChange={(picked) => {
                setDraftComune(picked);
                if (picked) setComuneError(undefined);
              }}
              onTextChange={setComuneText}
              error={comuneError}
            />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary">
            {t('catalogue.apply')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={reset}>
            {t('catalogue.reset')}
          </button>
        </div>
      </form>
      <section aria-labelledby="catalogue-results-title" className="mt-5">
        <h2 id="catalogue-results-title" className="h3">
          {t('catalogue.resultsTitle')}
        </h2>
        {/* A new filter starts again from the first page; turning a page keeps the results (and the focus they take). */}
        <Results key={`${category}|${comuneCode}`} filter={filter} />
      </section>
    </>
  );
}
