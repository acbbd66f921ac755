import { MigrationInterface, QueryRunner } from "typeorm";

export class Facilitators1796438200686 implements MigrationInterface {
    name = 'Facilitators1796438200686'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."facilitator_kind" AS ENUM(
                'CHAMBER_OF_COMMERCE',
                'TRADE_ASSOCIATION',
                'DIGITAL_INNOVATION_HUB',
                'MUNICIPALITY',
                'OTHER'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "facilitator" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_user_id" uuid NOT NULL,
                "name" text NOT NULL,
                "kind" "public"."facilitator_kind" NOT NULL,
                "tax_code" text NOT NULL,
                "contact_email" text NOT NULL,
                "website" text,
                "national" boolean NOT NULL DEFAULT false,
                "region_codes" text array NOT NULL DEFAULT '{}',
                "province_codes" text array NOT NULL DEFAULT '{}',
                "comune_codes" text array NOT NULL DEFAULT '{}',
                "verification_status" "public"."verification_status" NOT NULL DEFAULT 'PENDING',
                "verification_reason" text,
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "verified_by_user_id" uuid,
                "resubmitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_4f0ea7bc81825d1790c8ad848d" UNIQUE ("owner_user_id"),
                CONSTRAINT "facilitator_territory_given" CHECK (
                    "national"
                    OR cardinality("region_codes") + cardinality("province_codes") + cardinality("comune_codes") > 0
                ),
                CONSTRAINT "facilitator_tax_code_format" CHECK ("tax_code" ~ '^[0-9]{11}$'),
                CONSTRAINT "PK_d4c242c9c860196b4c264123cd7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "facilitator_owner_user_id_key" ON "facilitator" ("owner_user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "facilitator_tax_code_key" ON "facilitator" ("tax_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "facilitator_verification_status_idx" ON "facilitator" ("verification_status")
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."user_role"
            ADD VALUE 'FACILITATOR'
        `);
        await queryRunner.query(`
            ALTER TABLE "facilitator"
            ADD CONSTRAINT "facilitator_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "facilitator"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."facilitator_kind"
        `);
        // The role goes with the accounts that have it (their sessions and notifications follow them).
        await queryRunner.query(`
            DELETE FROM "user_account" WHERE "role" = 'FACILITATOR'
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role_old" AS ENUM('SHOP', 'PROVIDER', 'MINISTRY', 'ADMIN')
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ALTER COLUMN "role" TYPE "public"."user_role_old" USING "role"::"text"::"public"."user_role_old"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."user_role_old"
            RENAME TO "user_role"
        `);
    }

}
