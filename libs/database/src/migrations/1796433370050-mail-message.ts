import { MigrationInterface, QueryRunner } from "typeorm";

export class MailMessage1796433370050 implements MigrationInterface {
    name = 'MailMessage1796433370050'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."mail_status" AS ENUM(
                'QUEUED',
                'SENDING',
                'SENT',
                'FAILED',
                'UNCERTAIN',
                'DEV_MAILBOX'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "mail_message" (
                "id" uuid NOT NULL,
                "idempotency_key" text NOT NULL,
                "user_id" uuid,
                "recipient" text NOT NULL,
                "kind" text NOT NULL,
                "language" text NOT NULL,
                "subject" text NOT NULL,
                "text" text NOT NULL,
                "html" text NOT NULL,
                "status" "public"."mail_status" NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "message_id" text,
                "smtp_response" text,
                "sending_started_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "mail_message_sent_has_time" CHECK (
                    "status" NOT IN ('SENT', 'DEV_MAILBOX')
                    OR "sent_at" IS NOT NULL
                ),
                CONSTRAINT "mail_message_sending_has_message_id" CHECK (
                    "status" NOT IN ('SENDING', 'SENT', 'UNCERTAIN')
                    OR (
                        "message_id" IS NOT NULL
                        AND "sending_started_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "mail_message_language_known" CHECK ("language" IN ('it', 'en')),
                CONSTRAINT "mail_message_attempts_non_negative" CHECK ("attempts" >= 0),
                CONSTRAINT "mail_message_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mail_message_idempotency_key" ON "mail_message" ("idempotency_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "mail_message_user_id_idx" ON "mail_message" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "mail_message_message_id_key" ON "mail_message" ("message_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "mail_message_status_idx" ON "mail_message" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "mail_message_created_at_idx" ON "mail_message" ("created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD CONSTRAINT "mail_message_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP CONSTRAINT "mail_message_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_created_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_message_id_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_user_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mail_message_idempotency_key"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_message"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."mail_status"
        `);
    }

}
