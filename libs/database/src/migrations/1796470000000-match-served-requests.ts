import { MigrationInterface, QueryRunner } from "typeorm";

export class MatchServedRequests1796470000000 implements MigrationInterface {
    name = 'MatchServedRequests1796470000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "match_served_request_idx" ON "match" ("help_request_id")
            WHERE "state" IN ('ACCEPTED', 'ACTIVE', 'COMPLETED')
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."match_served_request_idx"
        `);
    }

}
