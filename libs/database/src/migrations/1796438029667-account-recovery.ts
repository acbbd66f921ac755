import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountRecovery1796438029667 implements MigrationInterface {
    name = 'AccountRecovery1796438029667'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."account_token_purpose" AS ENUM('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')
        `);
        await queryRunner.query(`
            CREATE TABLE "account_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" "public"."account_token_purpose" NOT NULL,
                "email" text NOT NULL,
                "secret_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "account_token_user_purpose_idx" ON "account_token" ("user_id", "purpose")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "email_verified_at" TIMESTAMP WITH TIME ZONE
        `);
        // Accounts from before e-mail verification keep what they could do: they count as verified.
        await queryRunner.query(`
            UPDATE "user_account" SET "email_verified_at" = "created_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "account_token"
            ADD CONSTRAINT "account_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "account_token" DROP CONSTRAINT "account_token_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "email_verified_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."account_token_user_purpose_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "account_token"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."account_token_purpose"
        `);
    }

}
