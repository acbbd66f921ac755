import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttling counts shared by every API process (rate-limiter-flexible's PostgreSQL store, in the
 * layout it reads and writes). Rows expire by themselves; the limiter sweeps them.
 */
export class RateLimit1796420000000 implements MigrationInterface {
    name = 'RateLimit1796420000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "rate_limit" (
                "key" varchar(255) PRIMARY KEY,
                "points" integer NOT NULL DEFAULT 0,
                "expire" bigint
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "rate_limit_expire_idx" ON "rate_limit" ("expire")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "rate_limit"
        `);
    }

}
