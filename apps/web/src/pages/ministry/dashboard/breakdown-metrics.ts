import type { DashboardBreakdownQuery } from '../../../gql/generated';

export type BreakdownRowData = DashboardBreakdownQuery['monitoringBreakdown'][number];

/** What the map can colour the regions by. */
export const MAP_METRICS = ['requests', 'matchRate', 'shops', 'capacity'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** The metric's value for a row; null when there is nothing to divide. */
export function metricValue(row: BreakdownRowData, metric: MapMetric): number | null {
  return row[metric] ?? null;
}

export const isRatio = (metric: MapMetric): boolean => metric === 'matchRate';
