import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup, SelectField, SubmitButton, TextField } from '../../components/fields';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import { coverageSummary } from '../../components/coverage-summary';
import { useFormat } from '../../i18n/format';
import { DeclareOfferIntegrationsDocument, OfferIntegrationsOfDocument, PartnerCandidatesDocument, type ServiceCategory } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';

/** The most partners an offer declares (the API's limit). */
const MAX_PARTNERS = 10;
/** Candidates shown at once: more are found by searching. */
const CANDIDATES = 30;

interface Partner {
  id: string;
  title: string;
  providerName: string;
  /** Where it is offered and until when: offers of one provider with the same title are told apart by it. */
  hint?: string;
}

/**
 * The other providers' offers this offer works with (a store's payments and deliveries): shops see
 * them on the offer, and sets of offers that work together come first in a shop's bundle.
 */
export function OfferIntegrations({ offerId }: { offerId: string }) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const format = useFormat();
  const { data } = useQuery(OfferIntegrationsOfDocument, { variables: { id: offerId } });
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const [search, setSearch] = useState('');
  const searched = useDeferredValue(search.trim());
  const candidates = useQuery(PartnerCandidatesDocument, { variables: { categories: category ? [category] : [], search: searched || null, first: CANDIDATES }, skip: !category });
  // While a new search loads, the list keeps the last answer rather than emptying.
  const found = (candidates.data ?? candidates.previousData)?.offers;
  const [chosen, setChosen] = useState<Partner[] | null>(null);
  const [declare, declaring] = useMutation(DeclareOfferIntegrationsDocument);
  const { notice, announce } = useNotice();
  const labels = { partnerOfferIds: t('integrations.partners') };
  const { errors, attempt, send } = useFormErrors(labels);
  if (!data) return null;
  const ownProvider = data.offer.provider.id;
  const current: Partner[] = chosen ?? data.offer.integrations.map((p) => ({ id: p.id, title: p.title, providerName: p.provider.name }));
  const others = (found?.items ?? [])
    .filter((o) => o.provider.id !== ownProvider && !current.some((p) => p.id === o.id))
    .map((o) => ({
      id: o.id,
      title: o.title,
      providerName: o.provider.name,
      hint: `${coverageSummary(o.coverage, t)} · ${o.validUntil ? t('catalogue.validUntil', { date: format.date(o.validUntil) }) : t('catalogue.openEnded')}`,
    }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input = { offerId, partnerOfferIds: current.map((p) => p.id) };
    const saved = await send('Offer', async () => (await declare({ variables: { input } })).data?.declareOfferIntegrations);
    if (saved) {
      setChosen(saved.integrations.map((p) => ({ id: p.id, title: p.title, providerName: p.provider.name })));
      announce(t('integrations.saved', { count: saved.integrations.length }));
    }
  };
  const option = (p: Partner) => ({ value: p.id, label: t('integrations.option', { title: p.title, provider: p.providerName }), hint: p.hint });

  return (
    <section className="mt-5" aria-labelledby="integrations-title">
      <h2 className="h3" id="integrations-title">
        {t('integrations.title')}
      </h2>
      <p>{t('integrations.lead')}</p>
      <StatusNotice message={notice.message} seq={notice.seq} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={errors} attempt={attempt} idPrefix="integrations" />
        {current.length > 0 ? (
          <CheckboxGroup
            id="integrations-partnerOfferIds"
            legend={t('integrations.declared', { count: current.length, max: MAX_PARTNERS })}
            hint={t('integrations.declaredHint')}
            options={current.map(option)}
            value={current.map((p) => p.id)}
            onChange={(ids) => setChosen(current.filter((p) => ids.includes(p.id)))}
            error={errors.fields.partnerOfferIds}
          />
        ) : (
          <p id="integrations-partnerOfferIds">{t('integrations.none')}</p>
        )}
        <SelectField
          id="integrations-category"
          label={t('integrations.category')}
          hint={t('integrations.categoryHint')}
          placeholder={t('integrations.categoryPlaceholder')}
          value={category}
          onChange={(value) => setCategory(value as ServiceCategory | '')}
          options={categories.all.map((c) => ({ value: c.code, label: c.label }))}
        />
        {category ? (
          <TextField
            id="integrations-search"
            label={t('integrations.search')}
            hint={found && found.totalCount > found.items.length ? t('integrations.searchMore', { shown: found.items.length, count: found.totalCount }) : t('integrations.searchHint')}
            value={search}
            onChange={setSearch}
            autoComplete="off"
          />
        ) : null}
        {category && found ? (
          others.length > 0 ? (
            <CheckboxGroup
              id="integrations-candidates"
              legend={t('integrations.candidates', { category: categories.label(category) })}
              options={others.map(option)}
              value={[]}
              onChange={(ids) => setChosen([...current, ...others.filter((o) => ids.includes(o.id))])}
            />
          ) : (
            <p>{searched ? t('integrations.noneFound') : t('integrations.noCandidates')}</p>
          )
        ) : null}
        <SubmitButton busy={declaring.loading}>{t('integrations.save')}</SubmitButton>
      </form>
    </section>
  );
}
