import type { UpdateShop } from '../../../shop/shop.commands';
import { MESSAGES, type Words } from '../../../messages';
import type { ImportIssue } from '../../../import/import-kind';
import type { RegisterShopOnPaper } from '../../delegation.commands';
import type { DelegationEntity } from '../../delegation.entity';
import { DelegationStatus } from '../../delegation.types';
import { SHOP_COLUMN } from './shop-import.row';

export type ShopImportPlan =
  | { kind: 'create' }
  | { kind: 'unchanged'; shopId: string }
  | { kind: 'update'; shopId: string; changes: UpdateShop }
  | { kind: 'skip'; shopId: string; reason: ImportIssue };

/** Empty and absent are the same for the optional cells. */
const same = (a: string | number | null | undefined, b: string | number | null | undefined): boolean => (a ?? '') === (b ?? '');

const skip = (shopId: string, column: string | null, reason: Words): ShopImportPlan => ({ kind: 'skip', shopId, reason: { column, reason } });

/**
 * What a checked row does to the shop its key names (the delegation this facilitator holds for it,
 * with its shop): nothing when the row says what the shop already is; otherwise an update, allowed
 * only while the delegation is live and the owner has not claimed the shop (from then on the owner
 * manages it), and never of what was fixed at registration (the Partita IVA, the consent recorded
 * and the address the claim link went to).
 */
export function shopImportPlan(existing: DelegationEntity | undefined, wanted: RegisterShopOnPaper): ShopImportPlan {
  if (!existing?.shop) return { kind: 'create' };
  const shop = existing.shop;
  const w = wanted.shop;
  const changes: UpdateShop = {
    legalName: w.legalName,
    tradingName: w.tradingName ?? '',
    atecoSection: w.atecoSection,
    atecoDivision: w.atecoDivision,
    comuneCode: w.comuneCode,
    address: w.address,
    employees: w.employees,
    contactEmail: w.contactEmail,
    contactPhone: w.contactPhone ?? '',
  };
  const fieldsChanged =
    !same(shop.legalName, w.legalName) ||
    !same(shop.tradingName, w.tradingName) ||
    shop.atecoSection !== w.atecoSection ||
    shop.atecoDivision !== w.atecoDivision ||
    shop.comuneCode !== w.comuneCode ||
    shop.address !== w.address ||
    shop.employees !== w.employees ||
    shop.contactEmail !== w.contactEmail ||
    !same(shop.contactPhone, w.contactPhone);
  const partitaIvaChanged = shop.partitaIva !== w.partitaIva;
  const consentChanged = existing.paperDeclaredOn !== wanted.declaredOn || (existing.invitedEmail !== null && existing.invitedEmail !== wanted.ownerEmail);
  if (!fieldsChanged && !partitaIvaChanged && !consentChanged) return { kind: 'unchanged', shopId: shop.id };
  if (existing.status !== DelegationStatus.ACTIVE) return skip(shop.id, null, MESSAGES.import.shopDelegationEnded());
  if (shop.ownerUserId) return skip(shop.id, null, MESSAGES.import.shopClaimed());
  if (partitaIvaChanged) return skip(shop.id, SHOP_COLUMN.partitaIva, MESSAGES.import.shopPartitaIvaFixed(SHOP_COLUMN.partitaIva));
  if (consentChanged) return skip(shop.id, null, MESSAGES.import.shopConsentFixed());
  return { kind: 'update', shopId: shop.id, changes };
}
