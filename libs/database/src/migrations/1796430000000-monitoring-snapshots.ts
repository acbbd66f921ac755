import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringSnapshots1796430000000 implements MigrationInterface {
    name = 'MonitoringSnapshots1796430000000'

    // Judging every open request against every offer, and the open-data aggregates, take seconds
    // at national scale: a job writes them here (unmet demand as one row per unmet open request,
    // with the place, sector, category and date the dashboard filters on; open data as its
    // published rows), each with the time it was computed, which the pages show.
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "monitoring_snapshot" (
                "name" text NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_ms" integer NOT NULL,
                "data" jsonb,
                CONSTRAINT "PK_monitoring_snapshot" PRIMARY KEY ("name")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "unmet_demand_request" (
                "help_request_id" uuid NOT NULL,
                "region_code" text NOT NULL,
                "province_code" text NOT NULL,
                "category" "public"."service_category" NOT NULL,
                "ateco_section" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "capacity_gap" boolean NOT NULL,
                CONSTRAINT "PK_unmet_demand_request" PRIMARY KEY ("help_request_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_unmet_demand_request_place" ON "unmet_demand_request" ("province_code", "category")
        `);
        // The dashboard's time series counts activations by date, and its figures take the median
        // time to acceptance: both read these indexes alone, without visiting the table.
        await queryRunner.query(`
            CREATE INDEX "match_activated_at_idx" ON "match" ("activated_at") WHERE "activated_at" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "match_accepted_at_idx" ON "match" ("accepted_at", "requested_at", "activated_at") WHERE "accepted_at" IS NOT NULL
        `);
        // Requests by region or province and status (breakdowns, figures of a place): from the index alone.
        await queryRunner.query(`
            CREATE INDEX "help_request_region_status_idx" ON "help_request" ("region_code", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "help_request_province_status_idx" ON "help_request" ("province_code", "status")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."help_request_province_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."help_request_region_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_accepted_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_activated_at_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_unmet_demand_request_place"
        `);
        await queryRunner.query(`
            DROP TABLE "unmet_demand_request"
        `);
        await queryRunner.query(`
            DROP TABLE "monitoring_snapshot"
        `);
    }
}
