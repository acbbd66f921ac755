import { MigrationInterface, QueryRunner } from 'typeorm';

export class Domain1795322878417 implements MigrationInterface {
    name = 'Domain1795322878417'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "shop" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_user_id" uuid NOT NULL,
                "legal_name" text NOT NULL,
                "trading_name" text,
                "partita_iva" text NOT NULL,
                "ateco_section" text NOT NULL,
                "ateco_division" text NOT NULL,
                "comune_code" text NOT NULL,
                "address" text NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "coordinates_from_comune" boolean NOT NULL,
                "employees" integer NOT NULL,
                "contact_email" text NOT NULL,
                "contact_phone" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_76344a3285cba916f040fc9f71" UNIQUE ("owner_user_id"),
                CONSTRAINT "shop_coordinates_range" CHECK (
                    "latitude" BETWEEN -90 AND 90
                    AND "longitude" BETWEEN -180 AND 180
                ),
                CONSTRAINT "shop_employees_non_negative" CHECK ("employees" >= 0),
                CONSTRAINT "shop_ateco_format" CHECK (
                    "ateco_section" ~ '^[A-V]$'
                    AND "ateco_division" ~ '^[0-9]{2}$'
                ),
                CONSTRAINT "shop_partita_iva_format" CHECK ("partita_iva" ~ '^[0-9]{11}$'),
                CONSTRAINT "PK_ad47b7c6121fe31cb4b05438e44" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "shop_owner_user_id_key" ON "shop" ("owner_user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "shop_partita_iva_key" ON "shop" ("partita_iva")
        `);
        await queryRunner.query(`
            CREATE INDEX "shop_comune_code_idx" ON "shop" ("comune_code")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."service_category" AS ENUM(
                'ONLINE_STORE',
                'MARKETPLACE_LISTING',
                'HOME_DELIVERY',
                'SHIPPING_LOGISTICS',
                'DIGITAL_PAYMENTS',
                'WEBSITE',
                'SOCIAL_MARKETING',
                'ONLINE_BOOKING',
                'DIGITAL_SKILLS',
                'CONNECTIVITY',
                'CYBERSECURITY'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."help_request_status" AS ENUM('OPEN', 'MATCHED', 'FULFILLED', 'CANCELLED')
        `);
        await queryRunner.query(`
            CREATE TABLE "help_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "shop_id" uuid NOT NULL,
                "category" "public"."service_category" NOT NULL,
                "description" text NOT NULL,
                "status" "public"."help_request_status" NOT NULL DEFAULT 'OPEN',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "help_request_description_length" CHECK (
                    char_length("description") BETWEEN 1 AND 2000
                ),
                CONSTRAINT "PK_166d671334639318e1d6fc6cb8d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_shop_id_idx" ON "help_request" ("shop_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_status_category_idx" ON "help_request" ("status", "category")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."provider_kind" AS ENUM(
                'TECH',
                'PLATFORM',
                'LOGISTICS',
                'DELIVERY',
                'OTHER'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."verification_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')
        `);
        await queryRunner.query(`
            CREATE TABLE "provider" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_user_id" uuid NOT NULL,
                "name" text NOT NULL,
                "partita_iva" text NOT NULL,
                "kind" "public"."provider_kind" NOT NULL,
                "website" text,
                "description" text NOT NULL,
                "verification_status" "public"."verification_status" NOT NULL DEFAULT 'PENDING',
                "verification_reason" text,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "verified_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_7b9dfc651c4125fe15984c6c3a" UNIQUE ("owner_user_id"),
                CONSTRAINT "provider_partita_iva_format" CHECK ("partita_iva" ~ '^[0-9]{11}$'),
                CONSTRAINT "PK_6ab2f66d8987bf1bfdd6136a2d5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "provider_owner_user_id_key" ON "provider" ("owner_user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "provider_partita_iva_key" ON "provider" ("partita_iva")
        `);
        await queryRunner.query(`
            CREATE INDEX "provider_verification_status_idx" ON "provider" ("verification_status")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."offer_status" AS ENUM('DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED')
        `);
        await queryRunner.query(`
            CREATE TABLE "offer" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "categories" "public"."service_category" array NOT NULL,
                "coverage_national" boolean NOT NULL DEFAULT false,
                "all_sectors" boolean NOT NULL DEFAULT true,
                "eligible_sections" text array NOT NULL DEFAULT '{}',
                "eligible_divisions" text array NOT NULL DEFAULT '{}',
                "capacity" integer NOT NULL,
                "used" integer NOT NULL DEFAULT '0',
                "free_period_months" integer NOT NULL,
                "conditions" text NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP WITH TIME ZONE,
                "status" "public"."offer_status" NOT NULL DEFAULT 'DRAFT',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "offer_has_categories" CHECK (cardinality("categories") >= 1),
                CONSTRAINT "offer_validity_order" CHECK (
                    "valid_until" IS NULL
                    OR "valid_until" > "valid_from"
                ),
                CONSTRAINT "offer_free_period_positive" CHECK ("free_period_months" >= 1),
                CONSTRAINT "offer_used_within_capacity" CHECK (
                    "used" >= 0
                    AND "used" <= "capacity"
                ),
                CONSTRAINT "offer_capacity_positive" CHECK ("capacity" >= 1),
                CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_provider_id_idx" ON "offer" ("provider_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_status_idx" ON "offer" ("status")
        `);
        // "Offers of category X": containment queries on the categories array use this index.
        await queryRunner.query(`
            CREATE INDEX "offer_categories_idx" ON "offer" USING gin ("categories")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."coverage_kind" AS ENUM('REGION', 'PROVINCE', 'COMUNE', 'RADIUS')
        `);
        await queryRunner.query(`
            CREATE TABLE "offer_coverage" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "offer_id" uuid NOT NULL,
                "kind" "public"."coverage_kind" NOT NULL,
                "region_code" text,
                "province_code" text,
                "comune_code" text,
                "center_latitude" double precision,
                "center_longitude" double precision,
                "radius_km" integer,
                CONSTRAINT "offer_coverage_shape" CHECK (
                    (
                        "kind" = 'REGION'
                        AND "region_code" IS NOT NULL
                        AND "province_code" IS NULL
                        AND "comune_code" IS NULL
                        AND "radius_km" IS NULL
                    )
                    OR (
                        "kind" = 'PROVINCE'
                        AND "province_code" IS NOT NULL
                        AND "region_code" IS NULL
                        AND "comune_code" IS NULL
                        AND "radius_km" IS NULL
                    )
                    OR (
                        "kind" = 'COMUNE'
                        AND "comune_code" IS NOT NULL
                        AND "region_code" IS NULL
                        AND "province_code" IS NULL
                        AND "radius_km" IS NULL
                    )
                    OR (
                        "kind" = 'RADIUS'
                        AND "radius_km" BETWEEN 1 AND 500
                        AND "center_latitude" IS NOT NULL
                        AND "center_longitude" IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_4fa39c68e92c44953b39301059e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_coverage_offer_id_idx" ON "offer_coverage" ("offer_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_coverage_region_code_idx" ON "offer_coverage" ("region_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_coverage_province_code_idx" ON "offer_coverage" ("province_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_coverage_comune_code_idx" ON "offer_coverage" ("comune_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_coverage_center_latitude_idx" ON "offer_coverage" ("center_latitude")
        `);
        await queryRunner.query(`
            ALTER TABLE "shop"
            ADD CONSTRAINT "shop_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "shop"
            ADD CONSTRAINT "shop_comune_code_fkey" FOREIGN KEY ("comune_code") REFERENCES "comune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request"
            ADD CONSTRAINT "help_request_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "provider"
            ADD CONSTRAINT "provider_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer"
            ADD CONSTRAINT "offer_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage"
            ADD CONSTRAINT "offer_coverage_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage"
            ADD CONSTRAINT "offer_coverage_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage"
            ADD CONSTRAINT "offer_coverage_province_code_fkey" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage"
            ADD CONSTRAINT "offer_coverage_comune_code_fkey" FOREIGN KEY ("comune_code") REFERENCES "comune"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."offer_categories_idx"`);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage" DROP CONSTRAINT "offer_coverage_comune_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage" DROP CONSTRAINT "offer_coverage_province_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage" DROP CONSTRAINT "offer_coverage_region_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_coverage" DROP CONSTRAINT "offer_coverage_offer_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer" DROP CONSTRAINT "offer_provider_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "provider" DROP CONSTRAINT "provider_owner_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "help_request" DROP CONSTRAINT "help_request_shop_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "shop" DROP CONSTRAINT "shop_comune_code_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "shop" DROP CONSTRAINT "shop_owner_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_coverage_center_latitude_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_coverage_comune_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_coverage_province_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_coverage_region_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_coverage_offer_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "offer_coverage"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."coverage_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_provider_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "offer"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."offer_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."provider_verification_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."provider_partita_iva_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."provider_owner_user_id_key"
        `);
        await queryRunner.query(`
            DROP TABLE "provider"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."verification_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."provider_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_status_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_shop_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "help_request"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."help_request_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."service_category"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."shop_comune_code_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."shop_partita_iva_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."shop_owner_user_id_key"
        `);
        await queryRunner.query(`
            DROP TABLE "shop"
        `);
    }

}
