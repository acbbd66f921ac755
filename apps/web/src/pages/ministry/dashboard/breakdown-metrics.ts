import type { DashboardBreakdownQuery } from '../../../gql/generated';

export type BreakdownRowData = DashboardBreakdownQuery['monitoringBreakdown'][number];

/** What the map can colour the regions by. */
export const MAP_METRICS = ['requests', 'matchRate', 'shops', 'capacity'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export const isRatio = (metric: MapMetric): boolean => metric === 'matchRate';
