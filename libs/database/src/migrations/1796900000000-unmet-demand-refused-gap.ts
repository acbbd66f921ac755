import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an open request is unmet, in three: no offer covers it, every covering offer is full, or the
 * only covering offers are ones it refused (declined by the provider, or given up by the shop).
 * Before, the third was counted as the first. The worker recomputes the snapshot within minutes;
 * rows already there keep what they said (coverage or capacity).
 */
export class UnmetDemandRefusedGap1796900000000 implements MigrationInterface {
  name = 'UnmetDemandRefusedGap1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."unmet_gap" AS ENUM('COVERAGE', 'CAPACITY', 'REFUSED')`);
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" ADD "gap" "public"."unmet_gap"`);
    await queryRunner.query(`UPDATE "unmet_demand_request" SET "gap" = CASE WHEN "capacity_gap" THEN 'CAPACITY'::unmet_gap ELSE 'COVERAGE'::unmet_gap END`);
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" ALTER COLUMN "gap" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" DROP COLUMN "capacity_gap"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" ADD "capacity_gap" boolean`);
    await queryRunner.query(`UPDATE "unmet_demand_request" SET "capacity_gap" = "gap" <> 'COVERAGE'`);
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" ALTER COLUMN "capacity_gap" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "unmet_demand_request" DROP COLUMN "gap"`);
    await queryRunner.query(`DROP TYPE "public"."unmet_gap"`);
  }
}
