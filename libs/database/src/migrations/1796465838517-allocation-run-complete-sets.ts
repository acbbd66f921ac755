import { MigrationInterface, QueryRunner } from "typeorm";

export class AllocationRunCompleteSets1796465838517 implements MigrationInterface {
    name = 'AllocationRunCompleteSets1796465838517'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "allocation_run"
            ADD "complete_sets_only" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."unserved_reason"
            ADD VALUE 'SET_INCOMPLETE'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The older type has no word for a bundle dropped whole: those items go with it.
        await queryRunner.query(`
            DELETE FROM "allocation_run_item" WHERE "unserved_reason" = 'SET_INCOMPLETE'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."unserved_reason_old" AS ENUM('NO_ELIGIBLE_OFFER', 'ALL_FULL', 'SHOP_LIMIT')
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item"
            ALTER COLUMN "unserved_reason" TYPE "public"."unserved_reason_old" USING "unserved_reason"::"text"::"public"."unserved_reason_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."unserved_reason"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."unserved_reason_old"
            RENAME TO "unserved_reason"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run" DROP COLUMN "complete_sets_only"
        `);
    }

}
