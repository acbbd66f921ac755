import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request an allocation run leaves unserved because the only offers covering it are ones it
 * refused (declined by the provider, or given up by the shop) has a reason of its own, as the
 * dashboard's unmet demand has: it was counted as having no offer at all.
 */
export class UnservedOnlyRefused1797000000100 implements MigrationInterface {
  name = 'UnservedOnlyRefused1797000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."unserved_reason" ADD VALUE 'ONLY_REFUSED' AFTER 'NO_ELIGIBLE_OFFER'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The older code calls these "no offer", in the items and in each run's counts.
    await queryRunner.query(`UPDATE "allocation_run_item" SET "unserved_reason" = 'NO_ELIGIBLE_OFFER' WHERE "unserved_reason" = 'ONLY_REFUSED'`);
    await queryRunner.query(
      `UPDATE "allocation_run" SET "statistics" = jsonb_set("statistics" #- '{unservedByReason,ONLY_REFUSED}', '{unservedByReason,NO_ELIGIBLE_OFFER}',
          to_jsonb(coalesce(("statistics"->'unservedByReason'->>'NO_ELIGIBLE_OFFER')::int, 0) + ("statistics"->'unservedByReason'->>'ONLY_REFUSED')::int))
        WHERE "statistics"->'unservedByReason' ? 'ONLY_REFUSED'`,
    );
    await queryRunner.query(`CREATE TYPE "public"."unserved_reason_old" AS ENUM('NO_ELIGIBLE_OFFER', 'ALL_FULL', 'SHOP_LIMIT', 'SET_INCOMPLETE')`);
    await queryRunner.query(
      `ALTER TABLE "allocation_run_item" ALTER COLUMN "unserved_reason" TYPE "public"."unserved_reason_old" USING "unserved_reason"::"text"::"public"."unserved_reason_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."unserved_reason"`);
    await queryRunner.query(`ALTER TYPE "public"."unserved_reason_old" RENAME TO "unserved_reason"`);
  }
}
