import { MigrationInterface, QueryRunner } from "typeorm";

export class CallPublishers1796449207624 implements MigrationInterface {
    name = 'CallPublishers1796449207624'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "call_publisher" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "facilitator_id" uuid NOT NULL,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "granted_by_user_id" uuid NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by_user_id" uuid,
                "revoke_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "call_publisher_revoked_with_reason" CHECK (
                    ("revoked_at" IS NULL) = ("revoke_reason" IS NULL)
                    AND ("revoked_at" IS NULL) = ("revoked_by_user_id" IS NULL)
                ),
                CONSTRAINT "PK_28397a8d3793b07c8cb5f0d90d4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "call_publisher_facilitator_id_idx" ON "call_publisher" ("facilitator_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "call_publisher_in_force_key" ON "call_publisher" ("facilitator_id")
            WHERE "revoked_at" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call"
            ADD "publisher_facilitator_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "selection_call_publisher_facilitator_id_idx" ON "selection_call" ("publisher_facilitator_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call"
            ADD CONSTRAINT "selection_call_publisher_facilitator_id_fkey" FOREIGN KEY ("publisher_facilitator_id") REFERENCES "facilitator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "call_publisher"
            ADD CONSTRAINT "call_publisher_facilitator_id_fkey" FOREIGN KEY ("facilitator_id") REFERENCES "facilitator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "call_publisher" DROP CONSTRAINT "call_publisher_facilitator_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call" DROP CONSTRAINT "selection_call_publisher_facilitator_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."selection_call_publisher_facilitator_id_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "selection_call" DROP COLUMN "publisher_facilitator_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."call_publisher_in_force_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."call_publisher_facilitator_id_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "call_publisher"
        `);
    }

}
