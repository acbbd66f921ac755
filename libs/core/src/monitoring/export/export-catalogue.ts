import { AGGREGATE_COLUMNS, ExportColumn, STREAMED_COLUMNS } from './export-columns';
import { MonitoringScope, offerConditions, periodConditions, providerReachConditions, requestConditions, shopConditions, SqlParams, whereClause } from '../monitoring-scope';

/** A raw list staff may download: streamed from the database a row at a time. */
export interface StreamedExport {
  kind: 'stream';
  build(scope: MonitoringScope, p: SqlParams): string;
}

const PLACE_JOINS = 'JOIN comune c ON c.code = s.comune_code JOIN province pv ON pv.code = c.province_code JOIN region rg ON rg.code = c.region_code';

const shopHasCategory = (scope: MonitoringScope, p: SqlParams): string[] =>
  scope.category ? [`EXISTS (SELECT 1 FROM help_request x WHERE x.shop_id = s.id AND x.category = ${p.add(scope.category)})`] : [];

export const STREAMED_EXPORTS: Readonly<Record<string, StreamedExport>> = {
  shops: {
    kind: 'stream',
    build: (scope, p) => `SELECT s.id, s.legal_name, s.trading_name, s.partita_iva, s.ateco_section, s.ateco_division, s.comune_code,
        c.name AS comune, pv.sigla AS provincia, rg.name AS regione, s.address, s.employees, s.contact_email, s.contact_phone, s.created_at
      FROM shop s ${PLACE_JOINS}
      ${whereClause([...shopConditions(scope, p), ...periodConditions('s.created_at', scope, p), ...shopHasCategory(scope, p)])}
      ORDER BY s.created_at, s.id`,
  },
  'help-requests': {
    kind: 'stream',
    build: (scope, p) => `SELECT r.id, r.category, r.status, r.description, r.created_at, r.cancelled_at, r.shop_id,
        coalesce(s.trading_name, s.legal_name) AS shop, c.name AS comune, pv.sigla AS provincia, rg.name AS regione
      FROM help_request r JOIN shop s ON s.id = r.shop_id ${PLACE_JOINS}
      ${whereClause(requestConditions(scope, p))} ORDER BY r.created_at, r.id`,
  },
  matches: {
    kind: 'stream',
    build: (scope, p) => `SELECT m.id, m.state, m.origin, m.category, m.help_request_id, coalesce(s.trading_name, s.legal_name) AS shop,
        c.name AS comune, pv.sigla AS provincia, pr.name AS provider, o.title AS offer, m.coverage_level,
        CASE WHEN m.coverage_level = 'RADIUS' THEN m.distance_km END AS distance_km,
        m.created_at, m.accepted_at, m.activated_at, m.free_until, m.completed_at, m.ended_at, m.end_reason,
        v.got_online_orders, v.approximate_orders
      FROM match m JOIN help_request r ON r.id = m.help_request_id JOIN shop s ON s.id = m.shop_id ${PLACE_JOINS}
      JOIN provider pr ON pr.id = m.provider_id JOIN offer o ON o.id = m.offer_id
      LEFT JOIN outcome_survey v ON v.match_id = m.id AND v.checkpoint = 'COMPLETION'
      ${whereClause(requestConditions(scope, p, 'm.created_at'))} ORDER BY m.created_at, m.id`,
  },
  offers: {
    kind: 'stream',
    build: (scope, p) => `SELECT o.id, o.title, pr.name AS provider, pr.verification_status AS provider_verification_status, o.status, array_to_string(o.categories, '|') AS categories, o.coverage_national,
        o.all_sectors, array_to_string(o.eligible_sections, '|') AS eligible_sections, array_to_string(o.eligible_divisions, '|') AS eligible_divisions,
        o.capacity, o.used, o.capacity - o.used AS remaining, o.free_period_months, o.valid_from, o.valid_until, o.published_at
      FROM offer o JOIN provider pr ON pr.id = o.provider_id
      ${whereClause([...offerConditions(scope, p), ...periodConditions('o.published_at', scope, p)])} ORDER BY o.created_at, o.id`,
  },
  providers: {
    kind: 'stream',
    build: (scope, p) => `SELECT pr.id, pr.name, pr.partita_iva, pr.kind, pr.website, pr.verification_status, pr.verification_reason, pr.verified_at, pr.created_at
      FROM provider pr ${whereClause([...periodConditions('pr.created_at', scope, p), ...providerReachConditions(scope, p)])} ORDER BY pr.created_at, pr.id`,
  },
};

/** Figures computed by the monitoring services and written as they come. */
export const AGGREGATE_EXPORTS = [
  'kpis',
  'breakdown-region',
  'breakdown-province',
  'breakdown-category',
  'breakdown-sector',
  'timeseries-day',
  'timeseries-week',
  'unmet-demand',
  'capacity-offers',
  'capacity-providers',
] as const;
export type AggregateExport = (typeof AGGREGATE_EXPORTS)[number];

export const EXPORT_NAMES: readonly string[] = [...AGGREGATE_EXPORTS, ...Object.keys(STREAMED_EXPORTS)];

/** The documented columns of an export (export-columns.ts). */
export function columnsOf(name: string): readonly ExportColumn[] {
  const columns = AGGREGATE_COLUMNS[name] ?? STREAMED_COLUMNS[name];
  if (!columns) throw new Error(`export ${name} has no documented columns`);
  return columns;
}
