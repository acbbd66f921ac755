import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { actingForStore, type ActingFor } from '../../auth/acting-for';
import { PATHS } from '../../routes';

/**
 * Starting and ending work on a shop's behalf. The cache is emptied each time: what it holds
 * belongs to the shop (or the desk) of before.
 */
export function useActFor(): { start: (shop: ActingFor) => Promise<void>; stop: () => Promise<void> } {
  const client = useApolloClient();
  const navigate = useNavigate();
  const start = useCallback(
    async (shop: ActingFor) => {
      await client.clearStore();
      actingForStore.set(shop);
      navigate(PATHS.shop);
    },
    [client, navigate],
  );
  const stop = useCallback(async () => {
    await client.clearStore();
    actingForStore.set(null);
    navigate(PATHS.facilitatorDesk);
  }, [client, navigate]);
  return { start, stop };
}
