import { MigrationInterface, QueryRunner } from "typeorm";

export class UserLanguage1796438096069 implements MigrationInterface {
    name = 'UserLanguage1796438096069'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "language" text NOT NULL DEFAULT 'it'
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD CONSTRAINT "user_account_language_known" CHECK ("language" IN ('it', 'en'))
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP CONSTRAINT "user_account_language_known"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "language"
        `);
    }

}
