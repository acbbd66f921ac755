import { MigrationInterface, QueryRunner } from "typeorm";

export class DelegationHandovers1796538096106 implements MigrationInterface {
    name = 'DelegationHandovers1796538096106'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."delegation_handover_status" AS ENUM(
                'PENDING',
                'ACCEPTED',
                'DECLINED',
                'WITHDRAWN',
                'CANCELLED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "delegation_handover" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "shop_id" uuid NOT NULL,
                "from_delegation_id" uuid NOT NULL,
                "from_facilitator_id" uuid NOT NULL,
                "to_facilitator_id" uuid NOT NULL,
                "to_delegation_id" uuid,
                "status" "public"."delegation_handover_status" NOT NULL,
                "offered_by_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by_user_id" uuid,
                CONSTRAINT "delegation_handover_decided" CHECK (("status" = 'PENDING') = ("decided_at" IS NULL)),
                CONSTRAINT "delegation_handover_accepted_has_delegation" CHECK (
                    ("status" = 'ACCEPTED') = ("to_delegation_id" IS NOT NULL)
                ),
                CONSTRAINT "delegation_handover_not_to_self" CHECK ("from_facilitator_id" <> "to_facilitator_id"),
                CONSTRAINT "PK_c3fbfd1b082ff41b4dd17f089ab" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "delegation_handover_to_delegation_id_idx" ON "delegation_handover" ("to_delegation_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "delegation_handover_from_facilitator_status_idx" ON "delegation_handover" ("from_facilitator_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "delegation_handover_to_facilitator_status_idx" ON "delegation_handover" ("to_facilitator_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "delegation_handover_from_accepted_key" ON "delegation_handover" ("from_delegation_id")
            WHERE "status" = 'ACCEPTED'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "delegation_handover_shop_pending_key" ON "delegation_handover" ("shop_id")
            WHERE "status" = 'PENDING'
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover"
            ADD CONSTRAINT "delegation_handover_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover"
            ADD CONSTRAINT "delegation_handover_from_delegation_id_fkey" FOREIGN KEY ("from_delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover"
            ADD CONSTRAINT "delegation_handover_from_facilitator_id_fkey" FOREIGN KEY ("from_facilitator_id") REFERENCES "facilitator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover"
            ADD CONSTRAINT "delegation_handover_to_facilitator_id_fkey" FOREIGN KEY ("to_facilitator_id") REFERENCES "facilitator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover"
            ADD CONSTRAINT "delegation_handover_to_delegation_id_fkey" FOREIGN KEY ("to_delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "delegation_handover" DROP CONSTRAINT "delegation_handover_to_delegation_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover" DROP CONSTRAINT "delegation_handover_to_facilitator_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover" DROP CONSTRAINT "delegation_handover_from_facilitator_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover" DROP CONSTRAINT "delegation_handover_from_delegation_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_handover" DROP CONSTRAINT "delegation_handover_shop_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delegation_handover_shop_pending_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delegation_handover_from_accepted_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delegation_handover_to_facilitator_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delegation_handover_from_facilitator_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."delegation_handover_to_delegation_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "delegation_handover"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delegation_handover_status"
        `);
    }

}
