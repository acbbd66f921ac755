import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringFacts1796163024280 implements MigrationInterface {
    name = 'MonitoringFacts1796163024280'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Where and in which sector each request and match arose, copied from the shop (and the
        // request's time onto its matches), so that national monitoring counts without joins.
        await queryRunner.query(`
            ALTER TABLE "help_request" ADD "region_code" text, ADD "province_code" text, ADD "ateco_section" text
        `);
        await queryRunner.query(`
            ALTER TABLE "match" ADD "requested_at" TIMESTAMP WITH TIME ZONE, ADD "region_code" text, ADD "province_code" text, ADD "ateco_section" text
        `);
        await queryRunner.query(`
            UPDATE "help_request" r SET "region_code" = c."region_code", "province_code" = c."province_code", "ateco_section" = s."ateco_section"
            FROM "shop" s JOIN "comune" c ON c."code" = s."comune_code" WHERE s."id" = r."shop_id"
        `);
        await queryRunner.query(`
            UPDATE "match" m SET "requested_at" = r."created_at", "region_code" = r."region_code", "province_code" = r."province_code", "ateco_section" = r."ateco_section"
            FROM "help_request" r WHERE r."id" = m."help_request_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" ALTER "region_code" SET NOT NULL, ALTER "province_code" SET NOT NULL, ALTER "ateco_section" SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "match" ALTER "requested_at" SET NOT NULL, ALTER "region_code" SET NOT NULL, ALTER "province_code" SET NOT NULL, ALTER "ateco_section" SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE FUNCTION "help_request_place"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT c."region_code", c."province_code", s."ateco_section" INTO NEW."region_code", NEW."province_code", NEW."ateco_section"
                FROM "shop" s JOIN "comune" c ON c."code" = s."comune_code" WHERE s."id" = NEW."shop_id";
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "help_request_place" BEFORE INSERT OR UPDATE OF "shop_id" ON "help_request"
            FOR EACH ROW EXECUTE FUNCTION "help_request_place"()
        `);
        await queryRunner.query(`
            CREATE FUNCTION "match_place"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT r."created_at", r."region_code", r."province_code", r."ateco_section"
                INTO NEW."requested_at", NEW."region_code", NEW."province_code", NEW."ateco_section"
                FROM "help_request" r WHERE r."id" = NEW."help_request_id";
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_place" BEFORE INSERT ON "match" FOR EACH ROW EXECUTE FUNCTION "match_place"()
        `);
        // A shop that moves or changes sector carries its requests and matches with it.
        await queryRunner.query(`
            CREATE FUNCTION "shop_place_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "help_request" r SET "region_code" = c."region_code", "province_code" = c."province_code", "ateco_section" = NEW."ateco_section"
                FROM "comune" c WHERE c."code" = NEW."comune_code" AND r."shop_id" = NEW."id";
                UPDATE "match" m SET "region_code" = c."region_code", "province_code" = c."province_code", "ateco_section" = NEW."ateco_section"
                FROM "comune" c WHERE c."code" = NEW."comune_code" AND m."shop_id" = NEW."id";
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "shop_place_changed" AFTER UPDATE OF "comune_code", "ateco_section" ON "shop"
            FOR EACH ROW WHEN (OLD."comune_code" IS DISTINCT FROM NEW."comune_code" OR OLD."ateco_section" IS DISTINCT FROM NEW."ateco_section")
            EXECUTE FUNCTION "shop_place_changed"()
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_region_code_idx" ON "help_request" ("region_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_province_code_idx" ON "help_request" ("province_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_created_at_idx" ON "help_request" ("created_at")
        `);
        // Distinct shops per category come straight off this index, already in order.
        await queryRunner.query(`
            CREATE INDEX "help_request_category_shop_idx" ON "help_request" ("category", "shop_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_help_request_id_idx" ON "match" ("help_request_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_region_code_idx" ON "match" ("region_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_province_code_idx" ON "match" ("province_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_created_at_idx" ON "match" ("created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "shop_place_changed" ON "shop"`);
        await queryRunner.query(`DROP FUNCTION "shop_place_changed"()`);
        await queryRunner.query(`DROP TRIGGER "match_place" ON "match"`);
        await queryRunner.query(`DROP FUNCTION "match_place"()`);
        await queryRunner.query(`DROP TRIGGER "help_request_place" ON "help_request"`);
        await queryRunner.query(`DROP FUNCTION "help_request_place"()`);
        await queryRunner.query(`
            DROP INDEX "public"."match_created_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_province_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_region_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_help_request_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_category_shop_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_created_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_province_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_region_code_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP COLUMN "ateco_section"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP COLUMN "province_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP COLUMN "region_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP COLUMN "requested_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP COLUMN "ateco_section"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP COLUMN "province_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP COLUMN "region_code"
        `);
    }

}
