import { MigrationInterface, QueryRunner } from 'typeorm';

export class OfferModeration1796425200000 implements MigrationInterface {
    name = 'OfferModeration1796425200000'

    // Ministry staff may suspend an offer (conditions that are not free, for instance) with a reason its provider reads.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "offer"
            ADD "moderation_reason" text
        `);
        await queryRunner.query(`
            ALTER TABLE "offer"
            ADD "moderated_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "offer"
            ADD "moderated_by_user_id" uuid
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."offer_status"
            ADD VALUE 'SUSPENDED'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // A suspended offer stays hidden: paused is the nearest status the older schema knows.
        await queryRunner.query(`
            UPDATE "offer" SET "status" = 'PAUSED' WHERE "status" = 'SUSPENDED'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."offer_status_old" AS ENUM('DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED')
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" ALTER COLUMN "status" DROP DEFAULT
        `);
        await queryRunner.query(`
            ALTER TABLE "offer"
            ALTER COLUMN "status" TYPE "public"."offer_status_old" USING "status"::"text"::"public"."offer_status_old"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" ALTER COLUMN "status" SET DEFAULT 'DRAFT'
        `);
        await queryRunner.query(`
            DROP TYPE "public"."offer_status"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."offer_status_old"
            RENAME TO "offer_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" DROP COLUMN "moderated_by_user_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" DROP COLUMN "moderated_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" DROP COLUMN "moderation_reason"
        `);
    }

}
