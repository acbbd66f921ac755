import { domainToASCII } from 'node:url';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses stored before they were read in one form (NFKC, lower case, the domain in its ASCII
 * form) are rewritten in it, so that sign-in, which now reads what people type that way, finds
 * them: `info@città.it` becomes `info@xn--citt-3na.it`. Only addresses with a character outside
 * ASCII can differ. An account whose address would become another account's is left as it is and
 * named in the log, for staff to settle. The rule is written out here, as it was when this ran.
 */
function inOneForm(value: string): string {
  const typed = value.trim().normalize('NFKC').toLowerCase();
  const at = typed.lastIndexOf('@');
  if (at < 0) return typed;
  const domain = domainToASCII(typed.slice(at + 1));
  return domain ? `${typed.slice(0, at)}@${domain}` : typed;
}

const COLUMNS = [
  ['shop', 'contact_email'],
  ['facilitator', 'contact_email'],
  ['delegation', 'invited_email'],
] as const;

export class EmailAddressesInOneForm1796700000000 implements MigrationInterface {
  name = 'EmailAddressesInOneForm1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const accounts: { id: string; email: string }[] = await queryRunner.query(`SELECT id, email FROM user_account WHERE email ~ '[^\\x01-\\x7e]'`);
    for (const account of accounts) {
      const email = inOneForm(account.email);
      if (email === account.email) continue;
      const [taken] = await queryRunner.query(`SELECT id FROM user_account WHERE email = $1`, [email]);
      if (taken) {
        console.warn(`Account ${account.id} kept its address: in one form it would be account ${taken.id}'s. Settle the two by hand.`);
        continue;
      }
      await queryRunner.query(`UPDATE user_account SET email = $2 WHERE id = $1`, [account.id, email]);
    }
    for (const [table, column] of COLUMNS) {
      const rows: { id: string; address: string }[] = await queryRunner.query(`SELECT id, ${column} AS address FROM ${table} WHERE ${column} ~ '[^\\x01-\\x7e]'`);
      for (const row of rows) {
        const address = inOneForm(row.address);
        if (address !== row.address) await queryRunner.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [row.id, address]);
      }
    }
  }

  public async down(): Promise<void> {
    // The addresses as first typed are not kept: nothing to restore.
  }
}
