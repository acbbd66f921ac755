import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shop's name as it was when it applied, kept on the application as its sector, size and place
 * are: the published graduatoria shows it, so a shop renaming itself after the closing cannot
 * rewrite the ranking (nor take another applicant's name there). Filled by a trigger on insert from
 * the shop row, whoever inserts; applications already made take their shop's name of today.
 */
export class CallApplicationShopName1797000000000 implements MigrationInterface {
  name = 'CallApplicationShopName1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_application" ADD "shop_name" text`);
    await queryRunner.query(`UPDATE "call_application" a SET "shop_name" = coalesce(s."trading_name", s."legal_name") FROM "shop" s WHERE s."id" = a."shop_id"`);
    await queryRunner.query(`ALTER TABLE "call_application" ALTER COLUMN "shop_name" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION call_application_shop_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.shop_name IS NULL THEN
          SELECT coalesce(s.trading_name, s.legal_name) INTO NEW.shop_name FROM shop s WHERE s.id = NEW.shop_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER call_application_shop_name BEFORE INSERT ON "call_application" FOR EACH ROW EXECUTE FUNCTION call_application_shop_name()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER call_application_shop_name ON "call_application"`);
    await queryRunner.query(`DROP FUNCTION call_application_shop_name()`);
    await queryRunner.query(`ALTER TABLE "call_application" DROP COLUMN "shop_name"`);
  }
}
