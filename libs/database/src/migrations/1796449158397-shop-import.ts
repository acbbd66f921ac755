import { MigrationInterface, QueryRunner } from "typeorm";

export class ShopImport1796449158397 implements MigrationInterface {
    name = 'ShopImport1796449158397'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "delegation"
            ADD "external_key" text
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "delegation_facilitator_external_key_key" ON "delegation" ("facilitator_id", "external_key")
            WHERE "external_key" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."delegation_facilitator_external_key_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation" DROP COLUMN "external_key"
        `);
    }

}
