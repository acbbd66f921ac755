import { MigrationInterface, QueryRunner } from "typeorm";

export class OfferIntegrations1796449259406 implements MigrationInterface {
    name = 'OfferIntegrations1796449259406'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "offer_integration" (
                "offer_id" uuid NOT NULL,
                "partner_offer_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "offer_integration_not_self" CHECK ("offer_id" <> "partner_offer_id"),
                CONSTRAINT "offer_integration_pkey" PRIMARY KEY ("offer_id", "partner_offer_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "offer_integration_partner_offer_id_idx" ON "offer_integration" ("partner_offer_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_integration"
            ADD CONSTRAINT "offer_integration_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_integration"
            ADD CONSTRAINT "offer_integration_partner_offer_id_fkey" FOREIGN KEY ("partner_offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "offer_integration" DROP CONSTRAINT "offer_integration_partner_offer_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "offer_integration" DROP CONSTRAINT "offer_integration_offer_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_integration_partner_offer_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "offer_integration"
        `);
    }

}
