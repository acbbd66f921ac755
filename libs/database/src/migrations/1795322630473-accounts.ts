import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1795322630473 implements MigrationInterface {
    name = 'Accounts1795322630473'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_user_id" uuid,
                "actor_role" text,
                "request_id" text NOT NULL,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('SHOP', 'PROVIDER', 'MINISTRY', 'ADMIN')
        `);
        await queryRunner.query(`
            CREATE TABLE "user_account" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "user_account_email_lowercase" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "user_account_email_key" ON "user_account" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "secret_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_token_user_id_idx" ON "refresh_token" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_token_family_id_idx" ON "refresh_token" ("family_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "refresh_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // The audit log is append-only: the database itself refuses changes and deletions.
        await queryRunner.query(`
            CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "audit_event_append_only" ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "refresh_token_user_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_family_id_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_token_user_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."user_account_email_key"
        `);
        await queryRunner.query(`
            DROP TABLE "user_account"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_event_entity_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_event_occurred_at_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    }

}
