import type { EntityManager } from 'typeorm';

/**
 * SQL: whether the account `u` gives its address up to whoever proves it by a claim link sent
 * there: an account that never confirmed the address, of a shop or an organisation, that owns
 * nothing (no shop, no provider or facilitator organisation), not disabled or erased. Anyone may
 * open such an account for any address; it must not keep the address's owner from the shop
 * registered for them on paper.
 */
export const RELEASABLE_ACCOUNT = (u: string): string => `(${u}.email_verified_at IS NULL AND ${u}.disabled_at IS NULL AND ${u}.erased_at IS NULL
  AND ${u}.role IN ('SHOP', 'PROVIDER', 'FACILITATOR')
  AND NOT EXISTS (SELECT 1 FROM shop s WHERE s.owner_user_id = ${u}.id)
  AND NOT EXISTS (SELECT 1 FROM provider p WHERE p.owner_user_id = ${u}.id)
  AND NOT EXISTS (SELECT 1 FROM facilitator f WHERE f.owner_user_id = ${u}.id))`;

/**
 * Takes the address from the releasable account holding it, if one does (see RELEASABLE_ACCOUNT):
 * its address becomes a placeholder, it is disabled and its sessions and e-mailed links end. The
 * caller audits it. Returns the account's id, or null when none was released.
 */
export async function releaseUnconfirmedAddress(manager: EntityManager, email: string, now: Date): Promise<string | null> {
  // As a SELECT over the update, so that the driver answers with the rows it changed.
  const rows: { id: string }[] = await manager.query(
    `WITH released AS (
       UPDATE user_account u SET email = 'released-' || u.id || '@released.invalid', disabled_at = $2
        WHERE u.email = lower($1) AND ${RELEASABLE_ACCOUNT('u')} RETURNING u.id)
     SELECT id FROM released`,
    [email, now],
  );
  const released = rows[0]?.id ?? null;
  if (released) {
    await manager.query(`UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [released, now]);
    await manager.query(`DELETE FROM account_token WHERE user_id = $1`, [released]);
  }
  return released;
}
