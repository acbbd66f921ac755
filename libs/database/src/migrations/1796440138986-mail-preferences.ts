import { MigrationInterface, QueryRunner } from "typeorm";

export class MailPreferences1796440138986 implements MigrationInterface {
    name = 'MailPreferences1796440138986'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."mail_delivery" AS ENUM('IMMEDIATELY', 'DAILY_DIGEST', 'OFF')
        `);
        await queryRunner.query(`
            CREATE TABLE "mail_preference" (
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "delivery" "public"."mail_delivery" NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mail_preference_pkey" PRIMARY KEY ("user_id", "kind")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD "action_url" text
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD "digest_id" uuid
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."mail_status"
            ADD VALUE 'DIGEST'
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."mail_status"
            ADD VALUE 'DIGESTED'
        `);
        await queryRunner.query(`
            CREATE INDEX "mail_message_digest_id_idx" ON "mail_message" ("digest_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_preference"
            ADD CONSTRAINT "mail_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_preference" DROP CONSTRAINT "mail_preference_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_digest_id_idx"
        `);
        // Messages held for or gathered into a digest have no status before this migration.
        await queryRunner.query(`
            DELETE FROM "mail_message" WHERE "status" IN ('DIGEST', 'DIGESTED')
        `);
        // The checks name statuses: they are dropped while the column changes type, then restored.
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP CONSTRAINT "mail_message_sent_has_time", DROP CONSTRAINT "mail_message_sending_has_message_id"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."mail_status_old" AS ENUM(
                'QUEUED',
                'SENDING',
                'SENT',
                'FAILED',
                'UNCERTAIN',
                'DEV_MAILBOX'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ALTER COLUMN "status" TYPE "public"."mail_status_old" USING "status"::"text"::"public"."mail_status_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."mail_status"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."mail_status_old"
            RENAME TO "mail_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
                ADD CONSTRAINT "mail_message_sent_has_time" CHECK ("status" NOT IN ('SENT', 'DEV_MAILBOX') OR "sent_at" IS NOT NULL),
                ADD CONSTRAINT "mail_message_sending_has_message_id" CHECK (
                    "status" NOT IN ('SENDING', 'SENT', 'UNCERTAIN') OR ("message_id" IS NOT NULL AND "sending_started_at" IS NOT NULL)
                )
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP COLUMN "digest_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP COLUMN "action_url"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_preference"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."mail_delivery"
        `);
    }

}
