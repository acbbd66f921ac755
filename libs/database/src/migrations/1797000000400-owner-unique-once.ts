import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shop, a provider and a facilitator organisation each have one owner account, and each table
 * enforced it twice: with its named unique index (`<table>_owner_user_id_key`) and with an unnamed
 * constraint of the first schema. A race for the same owner failed on the unnamed one, which the
 * code did not recognise, and answered with an internal error: only the named index stays.
 */
export class OwnerUniqueOnce1797000000400 implements MigrationInterface {
  name = 'OwnerUniqueOnce1797000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shop" DROP CONSTRAINT "REL_76344a3285cba916f040fc9f71"`);
    await queryRunner.query(`ALTER TABLE "provider" DROP CONSTRAINT "REL_7b9dfc651c4125fe15984c6c3a"`);
    await queryRunner.query(`ALTER TABLE "facilitator" DROP CONSTRAINT "REL_4f0ea7bc81825d1790c8ad848d"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "facilitator" ADD CONSTRAINT "REL_4f0ea7bc81825d1790c8ad848d" UNIQUE ("owner_user_id")`);
    await queryRunner.query(`ALTER TABLE "provider" ADD CONSTRAINT "REL_7b9dfc651c4125fe15984c6c3a" UNIQUE ("owner_user_id")`);
    await queryRunner.query(`ALTER TABLE "shop" ADD CONSTRAINT "REL_76344a3285cba916f040fc9f71" UNIQUE ("owner_user_id")`);
  }
}
