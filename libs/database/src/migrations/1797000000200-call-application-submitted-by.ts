import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facilitator organisation that submitted an application for the shop (its declarations
 * confirmed in the shop's name), or null when the shop's own account did: the call's runner, staff
 * and the shop itself see who did.
 */
export class CallApplicationSubmittedBy1797000000200 implements MigrationInterface {
  name = 'CallApplicationSubmittedBy1797000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_application" ADD "submitted_by_facilitator_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_application" DROP COLUMN "submitted_by_facilitator_id"`);
  }
}
