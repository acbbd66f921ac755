// The offers whose places a new call gives, most preferred first: one search narrows the choices
// of every row, and an offer chosen in one row is offered in no other.
import { useQuery } from '@apollo/client/react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coverageSummary } from '../../components/coverage-summary';
import { SelectField, TextField } from '../../components/fields';
import { CallOfferChoicesDocument, type CallOfferChoicesQuery } from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { FormList } from './FormList';

export type OfferChoice = CallOfferChoicesQuery['offers']['items'][number];

/** What the API takes (MAX_CALL_OFFERS). */
const MAX_OFFERS = 20;

/** Offers in the list at once: the author narrows them by words of the title or the provider's name. */
const OFFER_CHOICES = 20;

/** An offer's area in a list of choices: the first words of it, whole if short. */
const AREA_IN_CHOICE = 60;
const shortened = (text: string): string => (text.length > AREA_IN_CHOICE ? `${text.slice(0, AREA_IN_CHOICE - 1).trimEnd()}…` : text);

/** The places an offer has free now, as the API counts them against the call's places. */
export const freeOf = (offer: OfferChoice): number => Math.max(0, offer.capacity - offer.used);

interface Props {
  staff: boolean;
  /** One per row, in the order of preference; null where nothing is chosen yet. */
  chosen: (OfferChoice | null)[];
  onChange: (chosen: (OfferChoice | null)[]) => void;
  /** The label of the row at this position. */
  labelOf: (index: number) => string;
  errors: Record<string, string>;
  /** The reader changed these fields: their messages go. */
  dismiss: (...fields: string[]) => void;
}

export function CallOffers({ staff, chosen, onChange, labelOf, errors, dismiss }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offerSearch, setOfferSearch] = useState('');
  const searched = useDeferredValue(offerSearch.trim());
  // Only offers a call can give: those shown to shops (published, of an approved provider, still valid); staff ask for them, others see only those.
  const choices = useQuery(CallOfferChoicesDocument, { variables: { shownToShops: staff ? true : null, search: searched || null, first: OFFER_CHOICES } });
  // While a new search loads, the list keeps the last answer rather than emptying.
  const found = (choices.data ?? choices.previousData)?.offers;
  const offerItems = found?.items ?? [];
  const offerSearchHint = !found
    ? t('calls.form.searchOfferHint')
    : found.totalCount === 0 && searched
      ? t('calls.form.noOfferFound')
      : found.totalCount > found.items.length
        ? t('calls.form.searchOfferMore', { shown: found.items.length, count: found.totalCount })
        : t('calls.form.searchOfferHint');
  const optionOf = (o: OfferChoice) => ({
    value: o.id,
    // Offers of one provider often share a title: where each reaches and until when tells them apart.
    label: t(o.validUntil ? 'calls.form.offerOptionUntil' : 'calls.form.offerOption', {
      title: o.title,
      provider: o.provider.name,
      area: shortened(coverageSummary(o.coverage, t)),
      until: o.validUntil ? format.date(o.validUntil) : '',
      count: freeOf(o),
    }),
  });
  // A row keeps its offer whatever the search shows; the others' offers are not offered again.
  const optionsAt = (index: number) => {
    const own = chosen[index];
    const taken = new Set(chosen.filter((offer, i) => offer && i !== index).map((offer) => offer?.id));
    const shown = offerItems.filter((o) => !taken.has(o.id));
    return [...(own && !shown.some((o) => o.id === own.id) ? [own] : []), ...shown].map(optionOf);
  };
  // Messages of the rows from this one on: removing a row moves the later ones up.
  const fromRow = (index: number): string[] => ['offerIds', ...chosen.map((_offer, i) => `offerIds.${i}`).slice(index)];
  return (
    <>
      <TextField id="call-offerSearch" label={t('calls.form.searchOffer')} hint={offerSearchHint} value={offerSearch} onChange={setOfferSearch} autoComplete="off" />
      <FormList
        idPrefix="call"
        list="offerIds"
        legend={t('calls.form.offers')}
        hint={t('calls.form.offersHint')}
        count={chosen.length}
        field={(index) => `offerIds.${index}`}
        max={MAX_OFFERS}
        addLabel={t('calls.form.addOffer')}
        removeLabel={(index) => t('calls.form.removeOffer', { n: index + 1 })}
        onAdd={() => onChange([...chosen, null])}
        onRemove={(index) => {
          dismiss(...fromRow(index));
          onChange(chosen.filter((_offer, i) => i !== index));
        }}
        renderRow={(index) => (
          <SelectField
            id={`call-offerIds.${index}`}
            label={labelOf(index)}
            required
            placeholder={t('calls.form.chooseOffer')}
            value={chosen[index]?.id ?? ''}
            onChange={(id) => {
              dismiss(`offerIds.${index}`, ...(index === 0 ? ['offerIds'] : []));
              onChange(chosen.map((offer, i) => (i === index ? (offerItems.find((o) => o.id === id) ?? (offer?.id === id ? offer : null)) : offer)));
            }}
            options={optionsAt(index)}
            error={errors[`offerIds.${index}`]}
          />
        )}
      />
    </>
  );
}
