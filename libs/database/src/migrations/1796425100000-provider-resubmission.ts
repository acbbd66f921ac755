import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderResubmission1796425100000 implements MigrationInterface {
    name = 'ProviderResubmission1796425100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // A rejected organisation comes back to the queue by correcting its details.
        await queryRunner.query(`
            ALTER TABLE "provider"
            ADD "resubmitted_at" TIMESTAMP WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "provider" DROP COLUMN "resubmitted_at"
        `);
    }

}
