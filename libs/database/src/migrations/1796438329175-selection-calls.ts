import { MigrationInterface, QueryRunner } from "typeorm";

export class SelectionCalls1796438329175 implements MigrationInterface {
    name = 'SelectionCalls1796438329175'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."selection_call_status" AS ENUM('DRAFT', 'OPEN', 'CLOSED')
        `);
        await queryRunner.query(`
            CREATE TABLE "selection_call" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "description" text NOT NULL,
                "status" "public"."selection_call_status" NOT NULL DEFAULT 'DRAFT',
                "places" integer NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "eligibility" jsonb NOT NULL,
                "declarations" jsonb NOT NULL,
                "questions" jsonb NOT NULL,
                "scoring" jsonb NOT NULL,
                "tie_break" text array NOT NULL,
                "draw_seed" text,
                "created_by_user_id" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "selection_call_title_length" CHECK (
                    char_length("title") BETWEEN 3 AND 200
                ),
                CONSTRAINT "selection_call_window_order" CHECK ("opens_at" < "closes_at"),
                CONSTRAINT "selection_call_places_positive" CHECK ("places" >= 1),
                CONSTRAINT "PK_6b257135f31dcadb00a46c56ab5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "selection_call_status_closes_at_idx" ON "selection_call" ("status", "closes_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."call_application_status" AS ENUM(
                'SUBMITTED',
                'EXCLUDED',
                'ADMITTED',
                'RESERVE',
                'LAPSED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "call_application" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "call_id" uuid NOT NULL,
                "shop_id" uuid NOT NULL,
                "status" "public"."call_application_status" NOT NULL DEFAULT 'SUBMITTED',
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "declarations" text array NOT NULL,
                "answers" jsonb NOT NULL,
                "ateco_section" text NOT NULL,
                "ateco_division" text NOT NULL,
                "employees" integer NOT NULL,
                "comune_code" text NOT NULL,
                "province_code" text NOT NULL,
                "region_code" text NOT NULL,
                "score" integer,
                "score_parts" jsonb,
                "position" integer,
                "tied_with" integer,
                "separated_by" text,
                "match_id" uuid,
                "admitted_at" TIMESTAMP WITH TIME ZONE,
                "exclusion_reason" text,
                "excluded_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "call_application_one_per_shop" UNIQUE ("call_id", "shop_id"),
                CONSTRAINT "call_application_admitted_has_match" CHECK (
                    ("status" <> 'ADMITTED')
                    OR ("match_id" IS NOT NULL)
                ),
                CONSTRAINT "call_application_excluded_has_reason" CHECK (
                    ("status" <> 'EXCLUDED')
                    OR ("exclusion_reason" IS NOT NULL)
                ),
                CONSTRAINT "PK_a6ae209387bddd2c69e08ad58e8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "call_application_shop_id_idx" ON "call_application" ("shop_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "call_application_call_status_position_idx" ON "call_application" ("call_id", "status", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "selection_call_offer" (
                "call_id" uuid NOT NULL,
                "offer_id" uuid NOT NULL,
                "position" integer NOT NULL,
                CONSTRAINT "PK_60764d32874ffa7b2248c71b869" PRIMARY KEY ("call_id", "offer_id")
            )
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."match_origin"
            ADD VALUE 'CALL'
        `);
        await queryRunner.query(`
            ALTER TABLE "call_application"
            ADD CONSTRAINT "call_application_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "call_application"
            ADD CONSTRAINT "call_application_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call_offer"
            ADD CONSTRAINT "selection_call_offer_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "selection_call"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call_offer"
            ADD CONSTRAINT "selection_call_offer_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    // Matches opened by a call count as assigned by the platform (ALLOCATION) once calls are gone.
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "selection_call_offer" DROP CONSTRAINT "selection_call_offer_offer_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call_offer" DROP CONSTRAINT "selection_call_offer_call_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_application" DROP CONSTRAINT "call_application_shop_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_application" DROP CONSTRAINT "call_application_call_id_fkey"
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."match_origin_old" AS ENUM('APPLICATION', 'ALLOCATION')
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ALTER COLUMN "origin" TYPE "public"."match_origin_old" USING (CASE WHEN "origin" = 'CALL' THEN 'ALLOCATION' ELSE "origin"::"text" END)::"public"."match_origin_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."match_origin"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."match_origin_old"
            RENAME TO "match_origin"
        `);
        await queryRunner.query(`
            DROP TABLE "selection_call_offer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."call_application_call_status_position_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."call_application_shop_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "call_application"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."call_application_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."selection_call_status_closes_at_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "selection_call"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."selection_call_status"
        `);
    }

}
