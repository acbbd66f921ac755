import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityLink1796438203844 implements MigrationInterface {
    name = 'IdentityLink1796438203844'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "identity_link" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "provider_id" text NOT NULL,
                "subject" text NOT NULL,
                "fiscal_code" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "identity_link_fiscal_code_upper" CHECK ("fiscal_code" = upper("fiscal_code")),
                CONSTRAINT "PK_a452f26a31dc6f61d13a5f4cbaa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "identity_link_user_id_idx" ON "identity_link" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "identity_link_fiscal_code_idx" ON "identity_link" ("fiscal_code")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "identity_link_provider_subject_key" ON "identity_link" ("provider_id", "subject")
        `);
        await queryRunner.query(`
            ALTER TABLE "identity_link"
            ADD CONSTRAINT "identity_link_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "identity_link" DROP CONSTRAINT "identity_link_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."identity_link_provider_subject_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."identity_link_fiscal_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."identity_link_user_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "identity_link"
        `);
    }

}
