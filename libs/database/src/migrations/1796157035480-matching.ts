import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1796157035480 implements MigrationInterface {
    name = 'Matching1796157035480'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."allocation_run_mode" AS ENUM('PREVIEW', 'COMMIT')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."allocation_run_status" AS ENUM(
                'SCHEDULED',
                'QUEUED',
                'RUNNING',
                'PREVIEWED',
                'COMMITTED',
                'FAILED',
                'CANCELLED'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "allocation_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "mode" "public"."allocation_run_mode" NOT NULL,
                "status" "public"."allocation_run_status" NOT NULL,
                "requested_by_user_id" uuid,
                "scheduled_for" TIMESTAMP WITH TIME ZONE,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "statistics" jsonb,
                "failure" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_928d745b14059b2345a88691ee0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "allocation_run_created_at_idx" ON "allocation_run" ("created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."match_state" AS ENUM(
                'WAITLISTED',
                'PENDING',
                'ACCEPTED',
                'ACTIVE',
                'COMPLETED',
                'DECLINED',
                'WITHDRAWN',
                'EXPIRED'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."match_origin" AS ENUM('APPLICATION', 'ALLOCATION')
        `);
        await queryRunner.query(`
            CREATE TABLE "match" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "help_request_id" uuid NOT NULL,
                "offer_id" uuid NOT NULL,
                "shop_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "category" "public"."service_category" NOT NULL,
                "state" "public"."match_state" NOT NULL,
                "origin" "public"."match_origin" NOT NULL,
                "allocation_run_id" uuid,
                "coverage_level" text NOT NULL,
                "distance_km" double precision NOT NULL,
                "respond_by" TIMESTAMP WITH TIME ZONE,
                "waitlisted_at" TIMESTAMP WITH TIME ZONE,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "activated_at" TIMESTAMP WITH TIME ZONE,
                "free_until" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "match_distance_non_negative" CHECK ("distance_km" >= 0),
                CONSTRAINT "match_waitlisted_has_time" CHECK (
                    "state" <> 'WAITLISTED'
                    OR "waitlisted_at" IS NOT NULL
                ),
                CONSTRAINT "match_pending_has_deadline" CHECK (
                    "state" <> 'PENDING'
                    OR "respond_by" IS NOT NULL
                ),
                CONSTRAINT "PK_92b6c3a6631dd5b24a67c69f69d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "match_allocation_run_id_idx" ON "match" ("allocation_run_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_active_free_until_idx" ON "match" ("free_until")
            WHERE "state" = 'ACTIVE'
        `);
        await queryRunner.query(`
            CREATE INDEX "match_pending_respond_by_idx" ON "match" ("respond_by")
            WHERE "state" = 'PENDING'
        `);
        await queryRunner.query(`
            CREATE INDEX "match_provider_state_idx" ON "match" ("provider_id", "state")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_shop_state_idx" ON "match" ("shop_id", "state")
        `);
        await queryRunner.query(`
            CREATE INDEX "match_offer_state_idx" ON "match" ("offer_id", "state")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "match_shop_category_live_key" ON "match" ("shop_id", "category")
            WHERE "state" IN ('PENDING', 'ACCEPTED', 'ACTIVE')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "match_request_open_key" ON "match" ("help_request_id")
            WHERE "state" IN ('WAITLISTED', 'PENDING', 'ACCEPTED', 'ACTIVE')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."unserved_reason" AS ENUM('NO_ELIGIBLE_OFFER', 'ALL_FULL', 'SHOP_LIMIT')
        `);
        await queryRunner.query(`
            CREATE TABLE "allocation_run_item" (
                "run_id" uuid NOT NULL,
                "help_request_id" uuid NOT NULL,
                "offer_id" uuid,
                "cost" integer,
                "coverage_level" text,
                "distance_km" double precision,
                "unserved_reason" "public"."unserved_reason",
                "match_id" uuid,
                CONSTRAINT "allocation_run_item_outcome" CHECK (
                    ("offer_id" IS NULL) = ("unserved_reason" IS NOT NULL)
                ),
                CONSTRAINT "PK_2cd617c4bc97720f6288f5e066e" PRIMARY KEY ("run_id", "help_request_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "allocation_run_item_help_request_id_idx" ON "allocation_run_item" ("help_request_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "match_transition" (
                "id" BIGSERIAL NOT NULL,
                "match_id" uuid NOT NULL,
                "from_state" "public"."match_state",
                "to_state" "public"."match_state" NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_user_id" uuid,
                "actor_role" text,
                "reason" text,
                "request_id" text NOT NULL,
                CONSTRAINT "PK_dc234ca8f5dd2a656c73df53c35" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "match_transition_match_id_idx" ON "match_transition" ("match_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."outcome_checkpoint" AS ENUM('COMPLETION', 'DAY_30', 'DAY_90')
        `);
        await queryRunner.query(`
            CREATE TABLE "outcome_survey" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "match_id" uuid NOT NULL,
                "checkpoint" "public"."outcome_checkpoint" NOT NULL,
                "got_online_orders" boolean NOT NULL,
                "approximate_orders" integer NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answered_by_user_id" uuid NOT NULL,
                CONSTRAINT "outcome_survey_orders_consistent" CHECK (
                    "approximate_orders" >= 0
                    AND (
                        "got_online_orders"
                        OR "approximate_orders" = 0
                    )
                ),
                CONSTRAINT "PK_9c483f3cf54571ae631a6e6ae6f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "outcome_survey_match_checkpoint_key" ON "outcome_survey" ("match_id", "checkpoint")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "match_id" uuid,
                "params" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_match_id_idx" ON "notification" ("match_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "notification_user_unread_idx" ON "notification" ("user_id", "read_at", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "match_help_request_id_fkey" FOREIGN KEY ("help_request_id") REFERENCES "help_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "match_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "match_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shop"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "match_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match"
            ADD CONSTRAINT "match_allocation_run_id_fkey" FOREIGN KEY ("allocation_run_id") REFERENCES "allocation_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item"
            ADD CONSTRAINT "allocation_run_item_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "allocation_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item"
            ADD CONSTRAINT "allocation_run_item_help_request_id_fkey" FOREIGN KEY ("help_request_id") REFERENCES "help_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item"
            ADD CONSTRAINT "allocation_run_item_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item"
            ADD CONSTRAINT "allocation_run_item_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "match_transition"
            ADD CONSTRAINT "match_transition_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "outcome_survey"
            ADD CONSTRAINT "outcome_survey_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "notification_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);

        // The slot counter is kept by the database itself: every statement that inserts, updates or
        // deletes matches moves offer.used by the change in slot-holding rows, so the CHECK
        // used <= capacity refuses any overbooking, whatever code path wrote the rows.
        await queryRunner.query(`
            CREATE FUNCTION "match_sync_offer_slots"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE "offer" o SET "used" = o."used" - d.n
                    FROM (SELECT "offer_id", count(*)::int AS n FROM old_rows
                          WHERE "state" IN ('PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED') GROUP BY "offer_id") d
                    WHERE o."id" = d."offer_id";
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    UPDATE "offer" o SET "used" = o."used" + d.n
                    FROM (SELECT "offer_id", count(*)::int AS n FROM new_rows
                          WHERE "state" IN ('PENDING', 'ACCEPTED', 'ACTIVE', 'COMPLETED') GROUP BY "offer_id") d
                    WHERE o."id" = d."offer_id";
                END IF;
                RETURN NULL;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_sync_offer_slots_insert" AFTER INSERT ON "match"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_sync_offer_slots"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_sync_offer_slots_update" AFTER UPDATE ON "match"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_sync_offer_slots"()
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_sync_offer_slots_delete" AFTER DELETE ON "match"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "match_sync_offer_slots"()
        `);
        // A match never moves to another request, offer, shop or provider: history stays true.
        await queryRunner.query(`
            CREATE FUNCTION "match_identity_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."help_request_id" <> OLD."help_request_id" OR NEW."offer_id" <> OLD."offer_id"
                   OR NEW."shop_id" <> OLD."shop_id" OR NEW."provider_id" <> OLD."provider_id" THEN
                    RAISE EXCEPTION 'a match cannot change its request, offer, shop or provider';
                END IF;
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_identity_immutable" BEFORE UPDATE ON "match"
            FOR EACH ROW EXECUTE FUNCTION "match_identity_immutable"()
        `);
        await queryRunner.query(`
            CREATE FUNCTION "match_transition_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'match_transition is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_transition_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "match_transition"
            FOR EACH STATEMENT EXECUTE FUNCTION "match_transition_append_only"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "match_transition_append_only" ON "match_transition"`);
        await queryRunner.query(`DROP FUNCTION "match_transition_append_only"()`);
        await queryRunner.query(`DROP TRIGGER "match_identity_immutable" ON "match"`);
        await queryRunner.query(`DROP FUNCTION "match_identity_immutable"()`);
        await queryRunner.query(`DROP TRIGGER "match_sync_offer_slots_delete" ON "match"`);
        await queryRunner.query(`DROP TRIGGER "match_sync_offer_slots_update" ON "match"`);
        await queryRunner.query(`DROP TRIGGER "match_sync_offer_slots_insert" ON "match"`);
        await queryRunner.query(`DROP FUNCTION "match_sync_offer_slots"()`);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "notification_match_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "notification_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "outcome_survey" DROP CONSTRAINT "outcome_survey_match_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match_transition" DROP CONSTRAINT "match_transition_match_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item" DROP CONSTRAINT "allocation_run_item_match_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item" DROP CONSTRAINT "allocation_run_item_offer_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item" DROP CONSTRAINT "allocation_run_item_help_request_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "allocation_run_item" DROP CONSTRAINT "allocation_run_item_run_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "match_allocation_run_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "match_provider_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "match_shop_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "match_offer_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "match" DROP CONSTRAINT "match_help_request_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_user_unread_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notification_match_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outcome_survey_match_checkpoint_key"
        `);
        await queryRunner.query(`
            DROP TABLE "outcome_survey"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."outcome_checkpoint"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_transition_match_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "match_transition"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."allocation_run_item_help_request_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "allocation_run_item"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."unserved_reason"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_request_open_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_shop_category_live_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_offer_state_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_shop_state_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_provider_state_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_pending_respond_by_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_active_free_until_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."match_allocation_run_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "match"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."match_origin"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."match_state"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."allocation_run_created_at_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "allocation_run"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."allocation_run_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."allocation_run_mode"
        `);
    }

}
