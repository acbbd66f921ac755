import type { EntityManager } from 'typeorm';

/**
 * Declares, for the rest of the transaction, that it erases or purges personal data: the
 * append-only tables (audit_event, match_transition) then accept updates of their personal
 * columns and deletions, which their triggers refuse to any other transaction.
 */
export async function enterPersonalDataMaintenance(manager: EntityManager): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('personal-data maintenance outside a transaction');
  await manager.query(`SELECT set_config('vec.personal_data_maintenance', 'on', true)`);
}
