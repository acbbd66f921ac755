import { MigrationInterface, QueryRunner } from "typeorm";

export class MailResend1796441399272 implements MigrationInterface {
    name = 'MailResend1796441399272'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_message"
            ADD "resent_as_id" uuid
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_message" DROP COLUMN "resent_as_id"
        `);
    }

}
