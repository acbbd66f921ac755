import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportJobs1796438157456 implements MigrationInterface {
    name = 'ImportJobs1796438157456'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."import_mode" AS ENUM('DRY_RUN', 'ALL_OR_NOTHING', 'ROW_BY_ROW')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_status" AS ENUM('RUNNING', 'DONE', 'FAILED')
        `);
        await queryRunner.query(`
            CREATE TABLE "import_job" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "owner_user_id" uuid NOT NULL,
                "mode" "public"."import_mode" NOT NULL,
                "status" "public"."import_status" NOT NULL,
                "file_name" text NOT NULL,
                "separator" text NOT NULL,
                "rows" integer NOT NULL DEFAULT '0',
                "bytes_read" integer NOT NULL DEFAULT '0',
                "created" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "unchanged" integer NOT NULL DEFAULT '0',
                "skipped" integer NOT NULL DEFAULT '0',
                "invalid" integer NOT NULL DEFAULT '0',
                "written" boolean NOT NULL DEFAULT false,
                "failure_it" text,
                "failure_en" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "import_job_owner_created_idx" ON "import_job" ("owner_user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_row_outcome" AS ENUM(
                'CREATED',
                'UPDATED',
                'UNCHANGED',
                'SKIPPED',
                'INVALID',
                'CANCELLED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "import_row" (
                "id" BIGSERIAL NOT NULL,
                "job_id" uuid NOT NULL,
                "line" integer NOT NULL,
                "external_key" text,
                "outcome" "public"."import_row_outcome" NOT NULL,
                "entity_id" uuid,
                "column_name" text,
                "reason_it" text,
                "reason_en" text,
                CONSTRAINT "PK_236774b99868ee0146edf2aa481" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "import_row_job_line_idx" ON "import_row" ("job_id", "line")
        `);
        await queryRunner.query(`
            ALTER TABLE "offer"
            ADD "external_key" text
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "offer_provider_external_key_key" ON "offer" ("provider_id", "external_key")
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job"
            ADD CONSTRAINT "import_job_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_row"
            ADD CONSTRAINT "import_row_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_row" DROP CONSTRAINT "import_row_job_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_job" DROP CONSTRAINT "import_job_owner_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_provider_external_key_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" DROP COLUMN "external_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."import_row_job_line_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "import_row"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_row_outcome"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."import_job_owner_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "import_job"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_mode"
        `);
    }

}
