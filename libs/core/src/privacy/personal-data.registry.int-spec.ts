import { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/test-database';
import { EXPORT_SECTIONS, PERSONAL_DATA_REGISTRY } from './personal-data.registry';

/** The column types that can carry a name, an address or a free text. */
const TEXT_TYPES = ['text', 'character varying', 'jsonb'];

describe('the personal-data registry against the migrated schema', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await openTestDataSource();
  });
  afterAll(() => db.destroy());

  const schemaTables = async (): Promise<string[]> =>
    (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).map(
      (row: { table_name: string }) => row.table_name,
    );

  it('classifies every table of the schema, and names no table that does not exist', async () => {
    const tables = await schemaTables();
    expect(tables.filter((table) => !(table in PERSONAL_DATA_REGISTRY))).toEqual([]);
    expect(Object.keys(PERSONAL_DATA_REGISTRY).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('classifies every text, varchar and jsonb column, and names no column that is not one', async () => {
    const rows: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = ANY($1) ORDER BY 1, 2`,
      [TEXT_TYPES],
    );
    const found = rows.map((row) => `${row.table_name}.${row.column_name}`);
    const listed = Object.entries(PERSONAL_DATA_REGISTRY).flatMap(([table, policy]) => Object.keys(policy.columns).map((column) => `${table}.${column}`));
    expect(found.filter((column) => !listed.includes(column))).toEqual([]);
    expect(listed.filter((column) => !found.includes(column))).toEqual([]);
  });

  it('ties every table holding personal data to its person and, where the person gets it back, to an export section', () => {
    const tables = Object.entries(PERSONAL_DATA_REGISTRY);
    const personal = tables.filter(([, policy]) => Object.values(policy.columns).some((column) => column.personal));
    const exported = tables.filter(([, policy]) => Object.values(policy.columns).some((column) => column.personal && column.exported));
    expect(personal.length).toBeGreaterThan(5);
    expect(personal.filter(([, policy]) => policy.subject === null).map(([table]) => table)).toEqual([]);
    expect(exported.filter(([, policy]) => !EXPORT_SECTIONS.includes(policy.exportSection as never)).map(([table]) => table)).toEqual([]);
  });
});
