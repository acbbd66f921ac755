import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { comunePlaceLabel } from '../../components/comune-choice';
import { ProvincesDocument, RegionsDocument, type FacilitatorFieldsFragment } from '../../gql/generated';

/** The territory in words: "Tutta Italia", or its regions, provinces and comuni by name. */
export function useTerritoryLabel(): (territory: FacilitatorFieldsFragment['territory']) => string {
  const { t } = useTranslation();
  const regions = useQuery(RegionsDocument).data?.regions ?? [];
  const provinces = useQuery(ProvincesDocument, { variables: {} }).data?.provinces ?? [];
  return (territory) => {
    if (territory.national) return t('facilitator.national');
    return [
      ...territory.regionCodes.map((code) => regions.find((r) => r.code === code)?.name ?? code),
      ...territory.provinceCodes.map((code) => {
        const province = provinces.find((p) => p.code === code);
        return province ? `${province.name} (${province.sigla})` : code;
      }),
      ...territory.comuni.map(comunePlaceLabel),
    ].join(', ');
  };
}
