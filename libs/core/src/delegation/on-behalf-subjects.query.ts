import type { EntityManager } from 'typeorm';
import type { ServiceCategory } from '@vec/matching';

/** What an action in a shop's name was about, so that the shop can tell which request or service it was. */
export interface OnBehalfSubject {
  helpRequestId: string | null;
  requestCategory: ServiceCategory | null;
  requestDescription: string | null;
  /** The service (match) it concerned, with its offer and the organisation offering it. */
  matchId: string | null;
  offerTitle: string | null;
  providerName: string | null;
  /** A bundle's categories, when a bundle of services was asked. */
  bundleId: string | null;
  bundleCategories: ServiceCategory[] | null;
}

interface Target {
  entityType: string;
  entityId: string;
}

const key = (target: Target): string => `${target.entityType}:${target.entityId}`;

/**
 * The request, service or bundle each audited action concerned, in one statement for a page of
 * them; only the shop's own (anything else, or anything since erased, has no subject). A match
 * names its request too, so that "applied to an offer" says for which need.
 */
export async function onBehalfSubjects(manager: EntityManager, shopId: string, targets: readonly Target[]): Promise<Map<string, OnBehalfSubject>> {
  if (targets.length === 0) return new Map();
  const rows: (OnBehalfSubject & { entityType: string; entityId: string })[] = await manager.query(
    `SELECT t.entity_type AS "entityType", t.entity_id AS "entityId",
            r.id AS "helpRequestId", r.category AS "requestCategory", r.description AS "requestDescription",
            m.id AS "matchId", o.title AS "offerTitle", p.name AS "providerName",
            b.id AS "bundleId", b.categories::text[] AS "bundleCategories"
       FROM unnest($2::text[], $3::text[]) AS t(entity_type, entity_id)
       LEFT JOIN match m ON t.entity_type = 'match' AND m.id::text = t.entity_id AND m.shop_id = $1
       LEFT JOIN offer o ON o.id = m.offer_id
       LEFT JOIN provider p ON p.id = o.provider_id
       LEFT JOIN help_request r ON r.shop_id = $1 AND (r.id = m.help_request_id OR (t.entity_type = 'help_request' AND r.id::text = t.entity_id))
       LEFT JOIN help_request_bundle b ON t.entity_type = 'help_request_bundle' AND b.id::text = t.entity_id AND b.shop_id = $1
      WHERE r.id IS NOT NULL OR m.id IS NOT NULL OR b.id IS NOT NULL`,
    [shopId, targets.map((t) => t.entityType), targets.map((t) => t.entityId)],
  );
  return new Map(rows.map(({ entityType, entityId, ...subject }) => [key({ entityType, entityId }), subject]));
}

export const subjectOf = (subjects: ReadonlyMap<string, OnBehalfSubject>, target: Target): OnBehalfSubject | null => subjects.get(key(target)) ?? null;
