import { MigrationInterface, QueryRunner } from "typeorm";

export class Bundles1796451070302 implements MigrationInterface {
    name = 'Bundles1796451070302'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "help_request_bundle" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "shop_id" uuid NOT NULL,
                "categories" "public"."service_category" array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "help_request_bundle_two_categories" CHECK (cardinality("categories") >= 2),
                CONSTRAINT "help_request_bundle_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_bundle_shop_id_idx" ON "help_request_bundle" ("shop_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request"
            ADD "bundle_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_bundle_id_idx" ON "help_request" ("bundle_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request_bundle"
            ADD CONSTRAINT "help_request_bundle_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request"
            ADD CONSTRAINT "help_request_bundle_id_fkey" FOREIGN KEY ("bundle_id") REFERENCES "help_request_bundle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP CONSTRAINT "help_request_bundle_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request_bundle" DROP CONSTRAINT "help_request_bundle_shop_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_bundle_id_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP COLUMN "bundle_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_bundle_shop_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "help_request_bundle"
        `);
    }

}
