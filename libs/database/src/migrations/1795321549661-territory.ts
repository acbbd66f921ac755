import { MigrationInterface, QueryRunner } from 'typeorm';

export class Territory1795321549661 implements MigrationInterface {
    name = 'Territory1795321549661'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "region" (
                "code" text NOT NULL,
                "name" text NOT NULL,
                "area" text NOT NULL,
                CONSTRAINT "region_code_format" CHECK ("code" ~ '^[0-9]{2}$'),
                CONSTRAINT "PK_74f7723fdff738f92929c0056cb" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "province" (
                "code" text NOT NULL,
                "name" text NOT NULL,
                "sigla" text NOT NULL,
                "region_code" text NOT NULL,
                "capital_code" text NOT NULL,
                CONSTRAINT "province_sigla_format" CHECK ("sigla" ~ '^[A-Z]{2}$'),
                CONSTRAINT "province_code_format" CHECK ("code" ~ '^[0-9]{3}$'),
                CONSTRAINT "PK_3288dfa18d390ed33b359fc0418" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "province_sigla_key" ON "province" ("sigla")
        `);
        await queryRunner.query(`
            CREATE INDEX "province_region_code_idx" ON "province" ("region_code")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."coordinates_source" AS ENUM('EXACT', 'PROVINCE_CAPITAL')
        `);
        await queryRunner.query(`
            CREATE TABLE "comune" (
                "code" text NOT NULL,
                "name" text NOT NULL,
                "search_name" text NOT NULL,
                "province_code" text NOT NULL,
                "region_code" text NOT NULL,
                "cadastral_code" text NOT NULL,
                "postcodes" text array NOT NULL,
                "population" integer NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "coordinates_source" "public"."coordinates_source" NOT NULL,
                CONSTRAINT "comune_coordinates_range" CHECK (
                    "latitude" BETWEEN -90 AND 90
                    AND "longitude" BETWEEN -180 AND 180
                ),
                CONSTRAINT "comune_population_non_negative" CHECK ("population" >= 0),
                CONSTRAINT "comune_code_format" CHECK ("code" ~ '^[0-9]{6}$'),
                CONSTRAINT "PK_ec6e4c9f0e4676ba63cee8fe1cd" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "comune_province_code_idx" ON "comune" ("province_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "comune_region_code_idx" ON "comune" ("region_code")
        `);
        // Prefix search (LIKE 'abc%') on folded names, whatever the database collation.
        await queryRunner.query(`
            CREATE INDEX "comune_search_name_prefix_idx" ON "comune" ("search_name" text_pattern_ops)
        `);
        await queryRunner.query(`
            ALTER TABLE "province"
            ADD CONSTRAINT "province_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "province"
            ADD CONSTRAINT "province_capital_code_fkey" FOREIGN KEY ("capital_code") REFERENCES "comune"("code") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
        await queryRunner.query(`
            ALTER TABLE "comune"
            ADD CONSTRAINT "comune_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comune"
            ADD CONSTRAINT "comune_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "comune" DROP CONSTRAINT "comune_region_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comune" DROP CONSTRAINT "comune_province_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "province" DROP CONSTRAINT "province_capital_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "province" DROP CONSTRAINT "province_region_code_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."comune_search_name_prefix_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."comune_region_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."comune_province_code_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "comune"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."coordinates_source"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."province_region_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."province_sigla_key"
        `);
        await queryRunner.query(`
            DROP TABLE "province"
        `);
        await queryRunner.query(`
            DROP TABLE "region"
        `);
    }

}
