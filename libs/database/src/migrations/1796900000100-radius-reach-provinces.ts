import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mean Earth radius in km, as in @vec/territory's distanceKm. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * The provinces a radius coverage reaches: its centre's, and every one with a comune whose centre
 * lies in the circle. The figures count an offer in each province it reaches; before, a circle
 * counted only in its centre's province, so a province served by a neighbour's circle showed
 * active services and "0 offers". A trigger keeps the list on every insert and update, whoever
 * writes the row (the offer form, a CSV import, a seed); the rows already there are filled now.
 */
export class RadiusReachProvinces1796900000100 implements MigrationInterface {
  name = 'RadiusReachProvinces1796900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offer_coverage" ADD "reach_province_codes" text array`);
    await queryRunner.query(`
      CREATE FUNCTION offer_coverage_reach() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'RADIUS' THEN
          NEW.reach_province_codes := ARRAY(
            SELECT DISTINCT c.province_code FROM comune c
            WHERE c.code = NEW.comune_code
               OR (c.latitude BETWEEN NEW.center_latitude - NEW.radius_km / ${KM_PER_DEGREE} AND NEW.center_latitude + NEW.radius_km / ${KM_PER_DEGREE}
                   AND 2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(c.latitude - NEW.center_latitude) / 2), 2)
                     + cos(radians(NEW.center_latitude)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - NEW.center_longitude) / 2), 2)))) <= NEW.radius_km)
            ORDER BY 1);
        ELSE
          NEW.reach_province_codes := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER offer_coverage_reach BEFORE INSERT OR UPDATE ON "offer_coverage" FOR EACH ROW EXECUTE FUNCTION offer_coverage_reach()`);
    await queryRunner.query(`UPDATE "offer_coverage" SET "kind" = "kind" WHERE "kind" = 'RADIUS'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER offer_coverage_reach ON "offer_coverage"`);
    await queryRunner.query(`DROP FUNCTION offer_coverage_reach()`);
    await queryRunner.query(`ALTER TABLE "offer_coverage" DROP COLUMN "reach_province_codes"`);
  }
}
