// Which shop a facilitator is acting for, outside React so that the Apollo link can name it in the
// X-On-Behalf-Of-Shop header. Kept for the tab (sessionStorage): another tab may act for another
// shop, and closing the tab ends it. The API decides whether the facilitator may.
import { useSyncExternalStore } from 'react';

export interface ActingFor {
  shopId: string;
  shopName: string;
  /** The API refused to let the facilitator act for it any more: the shop revoked its consent, or the delegation ended. */
  ended?: boolean;
}

const KEY = 'vec.actingFor';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
}

function read(): ActingFor | null {
  try {
    const parsed = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<ActingFor> | null;
    return parsed && typeof parsed.shopId === 'string' && typeof parsed.shopName === 'string' ? { shopId: parsed.shopId, shopName: parsed.shopName } : null;
  } catch {
    return null;
  }
}

let current: ActingFor | null = read();

export const actingForStore = {
  get: (): ActingFor | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The API answered that the facilitator no longer acts for this shop: the banner says so. */
  markEnded(shopId: string): void {
    if (current?.shopId === shopId && !current.ended) this.set({ ...current, ended: true });
  },
  set(next: ActingFor | null): void {
    current = next;
    if (next) storage()?.setItem(KEY, JSON.stringify(next));
    else storage()?.removeItem(KEY);
    for (const listener of listeners) listener();
  },
};

export const useActingFor = (): ActingFor | null => useSyncExternalStore(actingForStore.subscribe, actingForStore.get);

/**
 * The i18n context of a shop's own words: "Le mie richieste" to the shop, "Richieste dell’attività"
 * to a facilitator acting for it (keys ending in `_acting`; the shop's words where there is none).
 */
export const useShopVoice = (): { context?: 'acting' } => (useActingFor() ? { context: 'acting' } : {});
