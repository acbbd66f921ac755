import { resultUnion } from '../../api/result-union';
import { MESSAGES } from '../../messages';
import type { RegisterShopOutcome } from '../shop.service';
import { PartitaIvaTakenErrorModel, ShopAlreadyRegisteredErrorModel, ShopModel, toShopModel } from './shop.models';

/** The outcomes of registering a shop as members of its result union; the switch covers every outcome. */

export const RegisterShopResult = resultUnion({
  name: 'RegisterShopResult',
  types: () => [ShopModel, ShopAlreadyRegisteredErrorModel, PartitaIvaTakenErrorModel] as const,
});

export function toRegisterShopResult(outcome: RegisterShopOutcome): typeof RegisterShopResult {
  switch (outcome.kind) {
    case 'shop':
      return toShopModel(outcome.shop);
    case 'already-registered':
      return new ShopAlreadyRegisteredErrorModel(MESSAGES.shop.alreadyRegistered());
    case 'partita-iva-taken':
      return new PartitaIvaTakenErrorModel(outcome.onPaper ? MESSAGES.shop.partitaIvaOnPaper() : MESSAGES.shop.partitaIvaTaken(), 'input.partitaIva');
  }
}
