import { loadItalianTerritory } from '@vec/territory';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forgiving comune search: the official second-language names (Bozen, Zgonik…) and search keys
 * folded in SQL (unaccent, lower case, punctuation as spaces), with trigram indexes for word
 * prefixes and typos. Triggers keep the keys right when a later migration changes the territory.
 */
export class ComuneSearch1796250000000 implements MigrationInterface {
  name = 'ComuneSearch1796250000000';

  public async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // The one definition of folding, for the stored keys and for what people type alike.
    // unaccent is only STABLE (its dictionary could change); naming the dictionary makes this safe to
    // declare IMMUTABLE, as the unaccent documentation suggests for indexing.
    await runner.query(`
      CREATE FUNCTION comune_search_fold(name text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
        SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, name)), '[[:space:]''’‘\`´.,;:/()"–—-]+', ' ', 'g'))
      $$
    `);
    // Folded, and escaped for use inside a LIKE pattern.
    await runner.query(String.raw`
      CREATE FUNCTION comune_search_like(name text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$
        SELECT replace(replace(replace(comune_search_fold(name), '\', '\\'), '%', '\%'), '_', '\_')
      $$
    `);
    // "| l aquila | laquila | aquila |": each name folded, without its spaces, and without a leading
    // article, every form between bars and every word after a space, so that LIKE '%| x%' is a name
    // prefix and LIKE '% x%' a word prefix.
    await runner.query(`
      CREATE FUNCTION comune_search_forms(VARIADIC names text[]) RETURNS text
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
      AS $$
      DECLARE
        forms text[] := '{}';
        folded text;
        bare text;
        form text;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(names, 1), 0) LOOP
          CONTINUE WHEN names[i] IS NULL;
          folded := comune_search_fold(names[i]);
          bare := regexp_replace(folded, '^(l|la|le|lo|il|gli) ', '');
          FOREACH form IN ARRAY ARRAY[folded, replace(folded, ' ', ''), bare, replace(bare, ' ', '')] LOOP
            IF form <> '' AND NOT form = ANY (forms) THEN
              forms := forms || form;
            END IF;
          END LOOP;
        END LOOP;
        RETURN '| ' || array_to_string(forms, ' | ') || ' |';
      END
      $$
    `);
    await runner.query(`
      ALTER TABLE "comune" ADD "second_language_name" text, ADD "search_names" text, ADD "search_province" text
    `);
    const bilingual = loadItalianTerritory().comuni.filter((comune) => comune.secondLanguageName !== null);
    await runner.query(
      `UPDATE "comune" c SET "second_language_name" = v.name
       FROM unnest($1::text[], $2::text[]) AS v(code, name) WHERE c."code" = v.code`,
      [bilingual.map((comune) => comune.code), bilingual.map((comune) => comune.secondLanguageName)],
    );
    await runner.query(`
      UPDATE "comune" c SET
        "search_names" = comune_search_forms(c."name", c."second_language_name"),
        "search_province" = comune_search_forms(p."name", p."sigla")
      FROM "province" p WHERE p."code" = c."province_code"
    `);
    await runner.query(`
      ALTER TABLE "comune" ALTER "search_names" SET NOT NULL, ALTER "search_province" SET NOT NULL
    `);
    await runner.query(`
      CREATE FUNCTION "comune_search_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW."search_names" := comune_search_forms(NEW."name", NEW."second_language_name");
        NEW."search_province" := (SELECT comune_search_forms(p."name", p."sigla") FROM "province" p WHERE p."code" = NEW."province_code");
        RETURN NEW;
      END
      $$
    `);
    await runner.query(`
      CREATE TRIGGER "comune_search_keys" BEFORE INSERT OR UPDATE OF "name", "second_language_name", "province_code" ON "comune"
      FOR EACH ROW EXECUTE FUNCTION "comune_search_keys"()
    `);
    await runner.query(`
      CREATE FUNCTION "province_search_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "comune" SET "search_province" = comune_search_forms(NEW."name", NEW."sigla") WHERE "province_code" = NEW."code";
        RETURN NULL;
      END
      $$
    `);
    await runner.query(`
      CREATE TRIGGER "province_search_keys" AFTER UPDATE OF "name", "sigla" ON "province"
      FOR EACH ROW EXECUTE FUNCTION "province_search_keys"()
    `);
    // Word and name prefixes (LIKE) and typo-tolerant matching (word similarity) on the names;
    // the second index serves queries whose words may also name the province.
    await runner.query(`
      CREATE INDEX "comune_search_names_trgm_idx" ON "comune" USING gin ("search_names" gin_trgm_ops)
    `);
    await runner.query(`
      CREATE INDEX "comune_search_places_trgm_idx" ON "comune" USING gin (("search_names" || "search_province") gin_trgm_ops)
    `);
  }

  public async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."comune_search_places_trgm_idx"');
    await runner.query('DROP INDEX "public"."comune_search_names_trgm_idx"');
    await runner.query('DROP TRIGGER "province_search_keys" ON "province"');
    await runner.query('DROP FUNCTION "province_search_keys"()');
    await runner.query('DROP TRIGGER "comune_search_keys" ON "comune"');
    await runner.query('DROP FUNCTION "comune_search_keys"()');
    await runner.query('ALTER TABLE "comune" DROP COLUMN "search_province", DROP COLUMN "search_names", DROP COLUMN "second_language_name"');
    await runner.query('DROP FUNCTION comune_search_forms(text[])');
    await runner.query('DROP FUNCTION comune_search_like(text)');
    await runner.query('DROP FUNCTION comune_search_fold(text)');
    await runner.query('DROP EXTENSION IF EXISTS pg_trgm');
    await runner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
