import { useQuery } from '@apollo/client/react';
import { ComuneNameDocument } from '../gql/generated';

/** A comune's name and province from its ISTAT code (read once per code, then from the cache). */
export function ComuneName({ code }: { code: string }) {
  const { data } = useQuery(ComuneNameDocument, { variables: { code } });
  const comune = data?.comune;
  return <>{comune ? `${comune.name} (${comune.province.sigla})` : code}</>;
}
