import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admitted application whose place was released because ministry staff suspended the offer (or
 * its provider) goes back to the reserve list at its position, with a reason of its own: the shop
 * did not let the place lapse, and the ranking gives it a place again first.
 */
export class CallReserveOfferSuspended1797000000500 implements MigrationInterface {
  name = 'CallReserveOfferSuspended1797000000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."call_reserve_reason" ADD VALUE 'OFFER_SUSPENDED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The older code knows only full offers as the reason such applications wait.
    await queryRunner.query(`UPDATE "call_application" SET "reserve_reason" = 'NO_PLACE_LEFT' WHERE "reserve_reason" = 'OFFER_SUSPENDED'`);
    await queryRunner.query(`CREATE TYPE "public"."call_reserve_reason_old" AS ENUM('CALL_FULL', 'NO_PLACE_LEFT', 'SHOP_LIMIT', 'CATEGORY_HELD', 'NOT_REACHED')`);
    await queryRunner.query(
      `ALTER TABLE "call_application" ALTER COLUMN "reserve_reason" TYPE "public"."call_reserve_reason_old" USING "reserve_reason"::"text"::"public"."call_reserve_reason_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."call_reserve_reason"`);
    await queryRunner.query(`ALTER TYPE "public"."call_reserve_reason_old" RENAME TO "call_reserve_reason"`);
  }
}
