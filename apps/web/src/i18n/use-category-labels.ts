import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ServiceCategoriesDocument, type ServiceCategory } from '../gql/generated';

export interface CategoryLabels {
  label(code: ServiceCategory): string;
  /** Every category, in the API's order, with its label in the interface language. */
  all: { code: ServiceCategory; label: string }[];
  loading: boolean;
}

/** Category names come from the API (one list for every client), in the interface language. */
export function useCategoryLabels(): CategoryLabels {
  const { i18n } = useTranslation();
  const { data, loading } = useQuery(ServiceCategoriesDocument);
  const english = i18n.language === 'en';
  const all = (data?.serviceCategories ?? []).map((c) => ({ code: c.code, label: english ? c.labelEn : c.labelIt }));
  const byCode = new Map(all.map((c) => [c.code, c.label]));
  return { label: (code) => byCode.get(code) ?? code, all, loading };
}
