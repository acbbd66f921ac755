import type { EntityManager } from 'typeorm';

/**
 * How many shops registered on paper that nobody has claimed (no owner's account) this facilitator
 * acts for with no other facilitator acting for them: were it to stop, no one at all could act for
 * them. Only `shopId` when given. The one rule for a facilitator's withdrawal and for the erasure
 * of its account; the caller locks what must not change meanwhile.
 */
export async function unclaimedShopsOnlyActedForBy(manager: EntityManager, facilitatorId: string, shopId: string | null = null): Promise<number> {
  const [row]: { n: number }[] = await manager.query(
    `SELECT count(DISTINCT s.id)::int AS n FROM delegation d JOIN shop s ON s.id = d.shop_id
      WHERE d.facilitator_id = $1 AND d.status = 'ACTIVE' AND s.owner_user_id IS NULL AND ($2::uuid IS NULL OR s.id = $2::uuid)
        AND NOT EXISTS (SELECT 1 FROM delegation o WHERE o.shop_id = s.id AND o.status = 'ACTIVE' AND o.facilitator_id <> $1)`,
    [facilitatorId, shopId],
  );
  return row?.n ?? 0;
}
