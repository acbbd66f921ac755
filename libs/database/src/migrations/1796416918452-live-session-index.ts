import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveSessionIndex1796416918452 implements MigrationInterface {
    name = 'LiveSessionIndex1796416918452'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Every authenticated request asks whether its session is still live.
        await queryRunner.query(`
            CREATE INDEX "refresh_token_live_family_idx" ON "refresh_token" ("family_id")
            WHERE used_at IS NULL
                AND revoked_at IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_live_family_idx"
        `);
    }

}
