import type { EntityManager } from 'typeorm';

/**
 * Every name a shop went by: its legal and trading names now, and those its audit events recorded
 * before a change. Its notices were written under the name of their day, so all of them are
 * looked for when the name has to go.
 */
export async function shopNamesOf(manager: EntityManager, shopId: string): Promise<string[]> {
  const [shop]: { names: string[] | null }[] = await manager.query(
    `SELECT array_agg(DISTINCT n) FILTER (WHERE n IS NOT NULL) AS names FROM (
       SELECT unnest(ARRAY[legal_name, trading_name]) AS n FROM shop WHERE id = $1
       UNION ALL
       SELECT unnest(ARRAY[e.before->>'legalName', e.before->>'tradingName', e.after->>'legalName', e.after->>'tradingName'])
         FROM audit_event e WHERE e.entity_type = 'shop' AND e.entity_id = $1::text) AS names`,
    [shopId],
  );
  return shop?.names ?? [];
}

/**
 * The facilitators' notifications about the shop (its delegations and handovers) keep their
 * facts, not its name: `names` become `replacement`. Read while the shop's delegations and
 * handovers still name it, since they say whose notifications these are.
 */
export async function replaceShopNameInDelegationNotices(manager: EntityManager, shopId: string, names: readonly string[], replacement: string): Promise<void> {
  await manager.query(
    `UPDATE notification SET params = params || jsonb_build_object('shopName', $3::text)
      WHERE match_id IS NULL AND kind LIKE 'DELEGATION%' AND params->>'shopName' = ANY($2)
        AND user_id IN (SELECT f.owner_user_id FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id WHERE d.shop_id = $1
                        UNION SELECT f.owner_user_id FROM delegation_handover h JOIN facilitator f ON f.id IN (h.from_facilitator_id, h.to_facilitator_id) WHERE h.shop_id = $1)`,
    [shopId, names, replacement],
  );
}
