import { useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField, TextField } from '../../../components/fields';
import { hasErrors } from '../../../errors/form-errors';
import type { FormErrorState } from '../../../errors/use-form-errors';
import { ProvincesDocument, RegionsDocument } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { useCategoryLabels } from '../../../i18n/use-category-labels';
import { atecoSections } from '../../shop/ateco';
import type { DashboardFilter } from './dashboard-filter';
import { placeLabel } from '../../../components/comune-choice';
import { useFilterSummary } from './use-filter-summary';

/** From this width the filter form stays open; below it (phones), the figures come first. */
const WIDE = '(min-width: 992px)';
const isWide = (): boolean => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches;

/** The form's field ids follow the API's error paths (`filter.to`), so errors land next to their field. */
export const FILTER_ERROR_PREFIX = 'dashboard';
const fieldId = (name: keyof DashboardFilter): string => `${FILTER_ERROR_PREFIX}-filter.${name}`;

interface Props {
  filter: DashboardFilter;
  /** The filter as written in the address: when it changes, the draft starts again from it. */
  filterKey: string;
  onApply: (filter: DashboardFilter) => void;
  form: FormErrorState;
}

/**
 * Place, category, sector and period: the same filter narrows every figure of the dashboard. It
 * reads as one line with an "edit the filters" button; the form opens below it (open from the
 * start on wide screens, and whenever a field is wrong), so that on a phone the figures come first.
 */
export function DashboardFilters({ filter, filterKey, onApply, form }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filter);
  const [draftOf, setDraftOf] = useState(filterKey);
  const [open, setOpen] = useState(isWide);
  const toggle = useRef<HTMLButtonElement>(null);
  if (draftOf !== filterKey) {
    setDraftOf(filterKey);
    setDraft(filter);
  }
  const summary = useFilterSummary(filter);
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  const provinces = useQuery(ProvincesDocument, { variables: { regionCode: draft.regionCode }, skip: !draft.regionCode }).data?.provinces ?? [];
  const categories = useCategoryLabels();
  const set = (patch: Partial<DashboardFilter>) => setDraft((current) => ({ ...current, ...patch }));
  const { errors } = form;
  const shown = open || hasErrors(errors);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply(draft);
    // On a phone the form closes again, and the reader goes on from the line that now says what is shown.
    if (!isWide()) {
      setOpen(false);
      toggle.current?.focus();
    }
  };
  const empty: DashboardFilter = { regionCode: '', provinceCode: '', category: '', atecoSection: '', from: '', to: '' };

  return (
    <section className="actions-card filter-bar" aria-labelledby="dashboard-filter-title">
      <h2 id="dashboard-filter-title" className="h5 mb-2">
        {t('dashboard.filter.title')}
      </h2>
      <div className="d-flex flex-wrap align-items-center gap-2">
        <p className="mb-0 filter-summary" data-testid="filter-summary">
          {summary}
        </p>
        <button ref={toggle} type="button" className="btn btn-outline-primary btn-sm" aria-expanded={shown} aria-controls="dashboard-filter-form" onClick={() => setOpen(!shown)}>
          {shown ? t('dashboard.filter.hide') : t('dashboard.filter.edit')}
        </button>
      </div>
      <form id="dashboard-filter-form" hidden={!shown} noValidate onSubmit={submit} className="mt-3" aria-labelledby="dashboard-filter-title">
        <ErrorSummary errors={errors} attempt={form.attempt} idPrefix={FILTER_ERROR_PREFIX} />
        <div className="row">
          <div className="col-12 col-md-6 col-xl-4">
            <SelectField
              id={fieldId('regionCode')}
              label={t('dashboard.filter.region')}
              placeholder={t('dashboard.filter.allRegions')}
              value={draft.regionCode}
              onChange={(regionCode) => set({ regionCode, provinceCode: '' })}
              options={regions.map((region) => ({ value: region.code, label: region.name }))}
              error={errors.fields['filter.regionCode']}
            />
          </div>
          <div className="col-12 col-md-6 col-xl-4">
            <SelectField
              id={fieldId('provinceCode')}
              label={t('dashboard.filter.province')}
              placeholder={draft.regionCode ? t('dashboard.filter.allProvinces') : t('dashboard.filter.regionFirst')}
              value={draft.provinceCode}
              onChange={(provinceCode) => set({ provinceCode })}
              options={provinces.map((province) => ({ value: province.code, label: placeLabel(province) }))}
              error={errors.fields['filter.provinceCode']}
            />
          </div>
          <div className="col-12 col-md-6 col-xl-4">
            <SelectField
              id={fieldId('category')}
              label={t('dashboard.filter.category')}
              placeholder={t('dashboard.filter.allCategories')}
              value={draft.category}
              onChange={(category) => set({ category })}
              options={categories.all.map((category) => ({ value: category.code, label: category.label }))}
              error={errors.fields['filter.category']}
            />
          </div>
          <div className="col-12 col-md-6 col-xl-4">
            <SelectField
              id={fieldId('atecoSection')}
              label={t('dashboard.filter.sector')}
              placeholder={t('dashboard.filter.allSectors')}
              value={draft.atecoSection}
              onChange={(atecoSection) => set({ atecoSection })}
              options={atecoSections(currentLanguage())}
              error={errors.fields['filter.atecoSection']}
            />
          </div>
          <div className="col-6 col-xl-4">
            <TextField id={fieldId('from')} type="date" label={t('dashboard.filter.from')} value={draft.from} onChange={(from) => set({ from })} error={errors.fields['filter.from']} />
          </div>
          <div className="col-6 col-xl-4">
            <TextField id={fieldId('to')} type="date" label={t('dashboard.filter.to')} value={draft.to} onChange={(to) => set({ to })} error={errors.fields['filter.to']} hint={t('dashboard.filter.toHint')} />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-primary">
            {t('dashboard.filter.apply')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => onApply(empty)}>
            {t('dashboard.filter.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
