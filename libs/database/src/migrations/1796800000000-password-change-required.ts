import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff account made by someone else starts with a password that person knows (generated and
 * shown once, or chosen by them): its owner must choose a new one before doing anything else.
 * Accounts that exist keep working as they are.
 */
export class PasswordChangeRequired1796800000000 implements MigrationInterface {
  name = 'PasswordChangeRequired1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ADD "password_change_required" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "password_change_required"`);
  }
}
