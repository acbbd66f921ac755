import { MigrationInterface, QueryRunner } from "typeorm";

export class PersonalData1796438073018 implements MigrationInterface {
    name = 'PersonalData1796438073018'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "privacy_notice_acceptance" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "notice_version" text NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b4d7413df829d5b89312f3f4707" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "privacy_notice_acceptance_user_id_idx" ON "privacy_notice_acceptance" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "privacy_notice_acceptance"
            ADD CONSTRAINT "privacy_notice_acceptance_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Erasure and retention may change the personal data inside the append-only tables, and
        // nothing else: only a transaction that declares it (SET LOCAL vec.personal_data_maintenance)
        // may update or delete, and an update may touch only the columns that can hold personal data.
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND current_setting('vec.personal_data_maintenance', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION "audit_event_facts_unchanged"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.request_id, NEW.action, NEW.entity_type, NEW.entity_id)
                   IS DISTINCT FROM (OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.request_id, OLD.action, OLD.entity_type, OLD.entity_id) THEN
                    RAISE EXCEPTION 'audit_event: only the personal data in before and after may be changed';
                END IF;
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_facts_unchanged" BEFORE UPDATE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION "audit_event_facts_unchanged"()
        `);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "match_transition_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') AND current_setting('vec.personal_data_maintenance', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'match_transition is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION "match_transition_facts_unchanged"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (NEW.id, NEW.match_id, NEW.from_state, NEW.to_state, NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.request_id)
                   IS DISTINCT FROM (OLD.id, OLD.match_id, OLD.from_state, OLD.to_state, OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.request_id) THEN
                    RAISE EXCEPTION 'match_transition: only the reason may be changed';
                END IF;
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "match_transition_facts_unchanged" BEFORE UPDATE ON "match_transition"
            FOR EACH ROW EXECUTE FUNCTION "match_transition_facts_unchanged"()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "match_transition_facts_unchanged" ON "match_transition"`);
        await queryRunner.query(`DROP FUNCTION "match_transition_facts_unchanged"()`);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "match_transition_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'match_transition is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`DROP TRIGGER "audit_event_facts_unchanged" ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION "audit_event_facts_unchanged"()`);
        await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
            END
            $$
        `);
        await queryRunner.query(`
            ALTER TABLE "privacy_notice_acceptance" DROP CONSTRAINT "privacy_notice_acceptance_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_account" DROP COLUMN "erased_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."privacy_notice_acceptance_user_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "privacy_notice_acceptance"
        `);
    }

}
