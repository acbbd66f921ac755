import { useTranslation } from 'react-i18next';
import type { BreakdownDimension } from '../../../gql/generated';
import { useFormat } from '../../../i18n/format';
import type { BreakdownRowData } from './breakdown-metrics';
import { TableScroll } from '../../../components/TableScroll';

interface Props {
  rows: BreakdownRowData[];
  dimension: BreakdownDimension;
  caption: string;
  /** Offered for regions: narrows the whole dashboard to that place. */
  onSelect?: (code: string) => void;
  /** A period is chosen: the table counts the period's requests, which the note says. */
  period?: boolean;
}

/** One row per region, province, category or sector: the table alternative to the map. */
export function BreakdownTable({ rows, dimension, caption, onSelect, period = false }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = ['shops', 'requests', 'matchRate', 'offers', 'capacity', 'used', 'activeMatches', 'completedMatches'] as const;
  if (rows.length === 0) return <p className="empty-state">{t('dashboard.breakdown.empty')}</p>;
  return (
    <>
      <TableScroll label={caption}>
        <table className="table table-sm table-hover" data-testid={`breakdown-${dimension}`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`dashboard.breakdown.dimensions.${dimension}`)}</th>
              {columns.map((column) => (
                <th key={column} scope="col" className="text-end">
                  {t(`dashboard.breakdown.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  {onSelect ? (
                    <button type="button" className="btn btn-link p-0 text-start" onClick={() => onSelect(row.code)} aria-label={t('dashboard.breakdown.narrowTo', { name: row.name })}>
                      {row.name}
                    </button>
                  ) : (
                    row.name
                  )}
                </th>
                {columns.map((column) => (
                  <td key={column} className="text-end">
                    {column === 'matchRate' ? format.percent(row.matchRate) : format.number(row[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {/* By category a shop counts once it asked, a request only while it stands: say so, or the shops outnumbering the requests look wrong. */}
      {dimension === 'CATEGORY' && <p className="small mt-2">{t('dashboard.breakdown.categoryNote')}</p>}
      <p className="small mt-2">{t('dashboard.breakdown.placesNote')}</p>
      {period ? <p className="small mt-2">{t('dashboard.breakdown.periodNote')}</p> : null}
    </>
  );
}
