/**
 * SQL, for a shop aliased `s`: the account of the facilitator acting for it (the first to), which
 * hears the shop's news while nobody has claimed it (a shop registered on paper); null if none.
 */
export const ACTING_FACILITATOR_OF_SHOP_SQL = `(SELECT f.owner_user_id FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id
   WHERE d.shop_id = s.id AND d.status = 'ACTIVE' ORDER BY d.activated_at, d.id LIMIT 1)`;
