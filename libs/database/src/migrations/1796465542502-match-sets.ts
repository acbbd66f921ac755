import { MigrationInterface, QueryRunner } from "typeorm";

export class MatchSets1796465542502 implements MigrationInterface {
    name = 'MatchSets1796465542502'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD "set_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "match_set_id_idx" ON "match" ("set_id")
            WHERE "set_id" IS NOT NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."match_set_id_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP COLUMN "set_id"
        `);
    }

}
