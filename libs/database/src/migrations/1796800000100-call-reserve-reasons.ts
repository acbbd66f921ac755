import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an application waits on a call's reserve list: the places went to those ranked above, or the
 * shop could not take one (its limit of live services, a service of that kind already live, no
 * offer of the call serving it). Published with the ranking, so that a reserve above an admission
 * is explained. Applications already ranked keep none: the reason was not recorded then.
 */
export class CallReserveReasons1796800000100 implements MigrationInterface {
  name = 'CallReserveReasons1796800000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."call_reserve_reason" AS ENUM('CALL_FULL', 'NO_PLACE_LEFT', 'SHOP_LIMIT', 'CATEGORY_HELD', 'NOT_REACHED')`);
    await queryRunner.query(`ALTER TABLE "call_application" ADD "reserve_reason" "public"."call_reserve_reason"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_application" DROP COLUMN "reserve_reason"`);
    await queryRunner.query(`DROP TYPE "public"."call_reserve_reason"`);
  }
}
