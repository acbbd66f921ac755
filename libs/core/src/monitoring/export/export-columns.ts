import { EXPORT_CELL_WORDS, ExportVocabulary } from '../../messages/export-cell.messages';

/**
 * Every column of every CSV file: the key the rows carry, the header in Italian (the default) and
 * in English (`?lang=en`), and what it holds. docs/exports.md is written from this list
 * (`renderExportDocs`) and a test keeps the two equal.
 */
export interface ExportColumn {
  key: string;
  it: string;
  en: string;
  about: string;
  /** For a column the platform writes beside a code: the code's column, and the words for its values. */
  from?: string;
  vocabulary?: ExportVocabulary;
}

export type ExportLanguage = 'it' | 'en';
export const EXPORT_LANGUAGES: readonly ExportLanguage[] = ['it', 'en'];

const col = (key: string, it: string, en: string, about: string): ExportColumn => ({ key, it, en, about });

/** The code of column `from` in words, in the file's language (several codes separated by |). */
const inWords = (key: string, from: string, vocabulary: ExportVocabulary, it: string, en: string, what: string): ExportColumn => ({
  key,
  it,
  en,
  about: `${what} in words, in the file's language`,
  from,
  vocabulary,
});

/** A service category's code, then its name. */
const categoryColumns = (key: string, label: string): ExportColumn[] => [
  col(key, 'Codice servizio', 'Service code', 'service category code'),
  inWords(label, key, 'category', 'Servizio', 'Service', 'the service'),
];

const RATIO = 'a ratio from 0 to 1, empty when there is nothing to divide';

const BREAKDOWN = [
  col('code', 'Codice', 'Code', 'ISTAT code of the region or province, service category code, or ATECO section letter'),
  col('name', 'Nome', 'Name', 'its name'),
  col('shops', 'Attività registrate', 'Registered shops', 'shops registered (in the period), or, by category, shops that asked for it'),
  col('requests', 'Richieste', 'Requests', 'help requests made, withdrawn ones excluded'),
  col('matchedRequests', 'Richieste abbinate', 'Matched requests', 'of those, requests with a live or completed match'),
  col('matchRate', 'Quota abbinate', 'Match rate', `matched requests ÷ requests: ${RATIO}`),
  col('activeMatches', 'Servizi attivi', 'Active services', 'matches of those requests now active'),
  col('completedMatches', 'Servizi conclusi', 'Completed services', 'matches of those requests completed'),
  col('onlineOrdersShare', 'Quota con ordini online', 'Online orders share', `completion surveys reporting online orders ÷ completion surveys: ${RATIO}`),
  col('offers', 'Offerte', 'Offers', 'published offers of approved providers reaching it (and open to its sector, when one is chosen), whose validity has not ended; with a period, those on offer during it: published before its end, their validity not ended at its start'),
  col('capacity', 'Posti offerti', 'Places offered', 'their total capacity'),
  col('used', 'Posti usati', 'Places used', 'of the requests above, those holding a place (pending, accepted, active or completed match): the places its own shops took, on whichever offer'),
];

const SERIES = [
  col('start', 'Inizio', 'Start', 'first instant of the Italian day or ISO week (ISO 8601)'),
  col('requests', 'Richieste', 'Requests', 'help requests made in it'),
  col('matches', 'Abbinamenti', 'Matches', 'matches created in it'),
  col('activations', 'Attivazioni', 'Activations', 'matches the shop confirmed active in it'),
];

const SLOTS = [
  col('capacity', 'Posti offerti', 'Places offered', 'capacity'),
  col('held', 'Posti trattenuti', 'Places held', 'held by pending matches while the provider answers'),
  col('accepted', 'Accettati', 'Accepted', 'accepted matches'),
  col('active', 'Attivi', 'Active', 'active matches'),
  col('completed', 'Conclusi', 'Completed', 'completed matches'),
  col('remaining', 'Posti liberi', 'Places left', 'capacity less the places taken'),
  col('waitlist', "In lista d'attesa", 'On the waitlist', 'requests waiting for a place'),
];

/** Files computed by the monitoring services. */
export const AGGREGATE_COLUMNS: Readonly<Record<string, readonly ExportColumn[]>> = {
  kpis: [
    col('label', 'Indicatore', 'Figure', 'the figure, in words'),
    col('code', 'Codice', 'Code', 'the figure, as the API names it (monitoringKpis)'),
    col('value', 'Valore', 'Value', 'its value; ratios from 0 to 1, empty when there is nothing to divide'),
  ],
  'breakdown-region': BREAKDOWN,
  'breakdown-province': BREAKDOWN,
  // A service or an ATECO section is named in the file's language, from its code.
  'breakdown-category': BREAKDOWN.map((c) => (c.key === 'name' ? inWords('name', 'code', 'category', c.it, c.en, 'the service') : c)),
  'breakdown-sector': BREAKDOWN.map((c) => (c.key === 'name' ? inWords('name', 'code', 'atecoSection', c.it, c.en, 'the ATECO section') : c)),
  'timeseries-day': SERIES,
  'timeseries-week': SERIES,
  'unmet-demand': [
    col('regionCode', 'Codice regione', 'Region code', 'ISTAT code'),
    col('regionName', 'Regione', 'Region', 'name'),
    col('provinceCode', 'Codice provincia', 'Province code', 'ISTAT code'),
    col('provinceName', 'Provincia', 'Province', 'name'),
    ...categoryColumns('category', 'categoryLabel'),
    col('coverageGap', 'Senza alcuna offerta', 'No offer at all', 'open requests no valid offer covers: providers are missing there'),
    col('capacityGap', 'Offerte tutte piene', 'All offers full', 'open requests whose covering offers are all full: places are missing'),
    col('refusedGap', 'Solo offerte già rifiutate', 'Only offers already refused', 'open requests covered only by offers they refused (declined by the provider, or given up by the shop): other providers are missing'),
    col('oldestWaitingSince', 'In attesa dal', 'Waiting since', 'the oldest of those requests (ISO 8601)'),
  ],
  'capacity-offers': [
    col('offerId', 'Id offerta', 'Offer id', 'identifier'),
    col('title', 'Offerta', 'Offer', 'title'),
    col('providerId', 'Id fornitore', 'Provider id', 'identifier'),
    col('providerName', 'Fornitore', 'Provider', 'name'),
    col('status', 'Codice stato', 'Status code', 'DRAFT, PUBLISHED, PAUSED, SUSPENDED or CLOSED'),
    inWords('statusLabel', 'status', 'offerStatus', 'Stato', 'Status', 'the status'),
    ...SLOTS,
    col('freePeriodMonths', 'Mesi gratuiti', 'Free months', 'length of the free period'),
    col('validUntil', 'Valida fino al', 'Valid until', 'end of validity (ISO 8601), empty when open-ended'),
    col('validityEndsInDays', 'Giorni alla fine della validità', 'Days to end of validity', 'days from now'),
    col('nextFreePeriodEnd', 'Prossima fine di un periodo gratuito', 'Next end of a free period', 'the earliest end among its active free periods'),
    col('freePeriodEndsInDays', 'Giorni alla prossima fine di un periodo gratuito', 'Days to next end of a free period', 'days from now'),
  ],
  'capacity-providers': [
    col('providerId', 'Id fornitore', 'Provider id', 'identifier'),
    col('providerName', 'Fornitore', 'Provider', 'name'),
    col('offers', 'Offerte', 'Offers', 'its offers'),
    ...SLOTS,
  ],
};

const PLACE = [col('comune', 'Comune', 'Comune', 'name'), col('provincia', 'Provincia', 'Province', 'abbreviation (sigla)')];

/** Raw lists streamed from the database: the key is the column the query returns. */
export const STREAMED_COLUMNS: Readonly<Record<string, readonly ExportColumn[]>> = {
  shops: [
    col('id', 'Id', 'Id', 'identifier'),
    col('legal_name', 'Ragione sociale', 'Legal name', 'as registered'),
    col('trading_name', 'Insegna', 'Trading name', 'if different'),
    col('partita_iva', 'Partita IVA', 'VAT number', '11 digits'),
    col('ateco_section', 'Sezione ATECO', 'ATECO section', 'letter A–V'),
    col('ateco_division', 'Divisione ATECO', 'ATECO division', 'two digits'),
    col('comune_code', 'Codice comune', 'Comune code', 'ISTAT code'),
    ...PLACE,
    col('regione', 'Regione', 'Region', 'name'),
    col('address', 'Indirizzo', 'Address', 'street address'),
    col('employees', 'Addetti', 'Employees', 'number of employees'),
    col('contact_email', 'E-mail', 'E-mail', 'contact e-mail'),
    col('contact_phone', 'Telefono', 'Phone', 'contact phone'),
    col('created_at', 'Registrata il', 'Registered at', 'ISO 8601'),
  ],
  'help-requests': [
    col('id', 'Id', 'Id', 'identifier'),
    ...categoryColumns('category', 'category_label'),
    col('status', 'Codice stato', 'Status code', 'OPEN, MATCHED, FULFILLED or CANCELLED'),
    inWords('status_label', 'status', 'requestStatus', 'Stato', 'Status', 'the status'),
    col('description', 'Descrizione', 'Description', "the shop's words"),
    col('created_at', 'Creata il', 'Created at', 'ISO 8601'),
    col('cancelled_at', 'Ritirata il', 'Withdrawn at', 'ISO 8601, empty unless withdrawn'),
    col('shop_id', 'Id attività', 'Shop id', 'identifier'),
    col('shop', 'Attività', 'Shop', 'trading name, or legal name'),
    ...PLACE,
    col('regione', 'Regione', 'Region', 'name'),
  ],
  matches: [
    col('id', 'Id', 'Id', 'identifier'),
    col('state', 'Codice stato', 'State code', 'WAITLISTED, PENDING, ACCEPTED, ACTIVE, COMPLETED, DECLINED, WITHDRAWN or EXPIRED'),
    inWords('state_label', 'state', 'matchState', 'Stato', 'State', 'the state'),
    col('origin', 'Codice origine', 'Origin code', 'APPLICATION (the shop applied), ALLOCATION (an allocation run) or CALL (the ranking of a selection call)'),
    inWords('origin_label', 'origin', 'matchOrigin', 'Origine', 'Origin', 'the origin'),
    ...categoryColumns('category', 'category_label'),
    col('help_request_id', 'Id richiesta', 'Request id', 'identifier'),
    col('shop', 'Attività', 'Shop', 'trading name, or legal name'),
    ...PLACE,
    col('provider', 'Fornitore', 'Provider', 'name'),
    col('offer', 'Offerta', 'Offer', 'title'),
    col('coverage_level', 'Codice livello di copertura', 'Coverage level code', 'COMUNE, RADIUS, PROVINCE, REGION or NATIONAL'),
    inWords('coverage_level_label', 'coverage_level', 'coverageLevel', 'Livello di copertura', 'Coverage level', 'the coverage level'),
    col('distance_km', 'Distanza (km)', 'Distance (km)', 'from the centre of the covering radius; empty for area coverage, where no distance applies'),
    col('created_at', 'Creato il', 'Created at', 'ISO 8601'),
    col('accepted_at', 'Accettato il', 'Accepted at', 'ISO 8601'),
    col('activated_at', 'Attivato il', 'Activated at', 'ISO 8601'),
    col('free_until', 'Gratuito fino al', 'Free until', 'end of the free period (ISO 8601)'),
    col('completed_at', 'Concluso il', 'Completed at', 'ISO 8601'),
    col('ended_at', 'Terminato il', 'Ended at', 'declined, withdrawn or expired at (ISO 8601)'),
    col('end_reason', 'Motivo della fine', 'End reason', "a person's words, or the platform's code"),
    col('got_online_orders', 'Ordini online (conclusione)', 'Online orders (completion)', 'answer to the completion survey: true or false'),
    col('approximate_orders', 'Ordini (conclusione)', 'Orders (completion)', 'roughly how many, from the completion survey'),
  ],
  offers: [
    col('id', 'Id', 'Id', 'identifier'),
    col('title', 'Titolo', 'Title', 'title'),
    col('provider', 'Fornitore', 'Provider', 'name'),
    // The dashboard counts only published offers of approved providers: this says which those are.
    col('provider_verification_status', 'Codice verifica del fornitore', 'Provider verification code', 'PENDING, APPROVED, REJECTED or SUSPENDED: only offers of APPROVED providers reach shops and the dashboard'),
    inWords('provider_verification_label', 'provider_verification_status', 'verificationStatus', 'Verifica del fornitore', 'Provider verification', 'the provider’s verification status'),
    col('status', 'Codice stato', 'Status code', 'DRAFT, PUBLISHED, PAUSED, SUSPENDED or CLOSED'),
    inWords('status_label', 'status', 'offerStatus', 'Stato', 'Status', 'the status'),
    col('categories', 'Codici servizi', 'Service codes', 'service category codes, separated by |'),
    inWords('categories_label', 'categories', 'category', 'Servizi', 'Services', 'the services'),
    col('coverage_national', 'Tutta Italia', 'All of Italy', 'true or false'),
    col('all_sectors', 'Tutti i settori', 'All sectors', 'true or false'),
    col('eligible_sections', 'Sezioni ATECO', 'ATECO sections', 'separated by |'),
    col('eligible_divisions', 'Divisioni ATECO', 'ATECO divisions', 'separated by |'),
    col('capacity', 'Posti offerti', 'Places offered', 'capacity'),
    col('used', 'Posti usati', 'Places used', 'places taken'),
    col('remaining', 'Posti liberi', 'Places left', 'capacity less places taken'),
    col('free_period_months', 'Mesi gratuiti', 'Free months', 'length of the free period'),
    col('valid_from', 'Valida dal', 'Valid from', 'ISO 8601'),
    col('valid_until', 'Valida fino al', 'Valid until', 'ISO 8601, empty when open-ended'),
    col('published_at', 'Pubblicata il', 'Published at', 'first publication (ISO 8601)'),
  ],
  providers: [
    col('id', 'Id', 'Id', 'identifier'),
    col('name', 'Nome', 'Name', 'organisation name'),
    col('partita_iva', 'Partita IVA', 'VAT number', '11 digits'),
    col('kind', 'Codice tipo', 'Kind code', 'TECH, PLATFORM, LOGISTICS, DELIVERY or OTHER'),
    inWords('kind_label', 'kind', 'providerKind', 'Tipo', 'Kind', 'the kind'),
    col('website', 'Sito web', 'Website', 'address'),
    col('verification_status', 'Codice stato della verifica', 'Verification status code', 'PENDING, APPROVED, REJECTED or SUSPENDED'),
    inWords('verification_status_label', 'verification_status', 'verificationStatus', 'Stato della verifica', 'Verification status', 'the verification status'),
    col('verification_reason', 'Motivazione', 'Reason', "staff's reason for the last decision"),
    col('verified_at', 'Decisa il', 'Decided at', 'ISO 8601'),
    col('created_at', 'Registrata il', 'Registered at', 'ISO 8601'),
  ],
};

const checkpointColumns = (suffix: string, it: string, en: string): ExportColumn[] => [
  col(`answersAt${suffix}`, `Risposte ${it}`, `Answers ${en}`, `outcome surveys answered ${en}`),
  col(`onlineOrdersAt${suffix}`, `Con ordini online ${it}`, `With online orders ${en}`, 'of those, answers reporting online orders; empty below 3 answers'),
  col(`medianOrdersAt${suffix}`, `Ordini mediani ${it}`, `Median orders ${en}`, 'median orders among the answers reporting any; empty below 3 answers'),
];

/** The open data, per province × service category. */
export const OPEN_DATA_COLUMNS: readonly ExportColumn[] = [
  col('regionCode', 'Codice regione', 'Region code', 'ISTAT code'),
  col('regionName', 'Regione', 'Region', 'name'),
  col('provinceCode', 'Codice provincia', 'Province code', 'ISTAT code'),
  col('provinceName', 'Provincia', 'Province', 'name'),
  col('provinceSigla', 'Sigla', 'Abbreviation', 'province abbreviation'),
  col('category', 'Codice servizio', 'Service code', 'service category code'),
  col('categoryLabelIt', 'Servizio', 'Service', 'service category, in Italian'),
  col('shopsAsking', 'Attività richiedenti', 'Shops asking', 'shops that ever asked for the service, those whose requests were all withdrawn included: it can exceed the requests'),
  col('requests', 'Richieste', 'Requests', 'requests, withdrawn ones excluded'),
  col('openRequests', 'Richieste aperte', 'Open requests', 'waiting for an offer'),
  col('matchedRequests', 'Richieste abbinate', 'Matched requests', 'with a live or completed match'),
  col('activeMatches', 'Servizi attivi', 'Active services', 'matches active now'),
  col('completedMatches', 'Servizi conclusi', 'Completed services', 'matches completed'),
  ...checkpointColumns('Completion', 'alla conclusione', 'at completion'),
  ...checkpointColumns('30Days', 'a 30 giorni', 'after 30 days'),
  ...checkpointColumns('90Days', 'a 90 giorni', 'after 90 days'),
  col('offersCovering', 'Offerte', 'Offers', 'published offers of approved providers reaching the province (a circle: those with a comune whose centre lies in it), whose validity has not ended'),
  col('capacityCovering', 'Posti offerti', 'Places offered', 'their total capacity'),
];

/** The header row of a file in the language asked for. */
export const headerOf = (columns: readonly ExportColumn[], language: ExportLanguage): { key: string; header: string }[] =>
  columns.map((column) => ({ key: column.key, header: column[language] }));

/** The columns a query or service returns itself (not those written in words beside a code). */
export const sourceColumns = (columns: readonly ExportColumn[]): readonly ExportColumn[] => columns.filter((column) => column.from === undefined);

/** A row with the columns in words filled from their codes; a code without words stays as it is. */
export function withWords(row: object, columns: readonly ExportColumn[], language: ExportLanguage): object {
  const source = row as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...source };
  for (const { key, from, vocabulary } of columns) {
    if (from === undefined || vocabulary === undefined) continue;
    const code = source[from];
    filled[key] =
      typeof code === 'string' && code !== ''
        ? code
            .split('|')
            .map((part) => EXPORT_CELL_WORDS[vocabulary][part]?.[language] ?? part)
            .join(' | ')
        : null;
  }
  return filled;
}

/** docs/exports.md, as the columns above describe it. */
export function renderExportDocs(): string {
  const table = (columns: readonly ExportColumn[]): string[] => [
    '| Italian header (default) | English header (`?lang=en`) | what it holds |',
    '|---|---|---|',
    ...columns.map((c) => `| ${c.it} | ${c.en} | ${c.about} |`),
  ];
  const section = (title: string, columns: readonly ExportColumn[]): string[] => ['', `### ${title}`, '', ...table(columns)];
  const lines = [
    '# CSV exports and open data: columns',
    '',
    '<!-- Written from libs/core/src/monitoring/export/export-columns.ts: change that file, then run',
    '     `npm run docs:exports`; a unit test fails when the two differ. -->',
    '',
    'Every file is UTF-8 with a byte-order mark, `;`-separated, with decimal commas and ISO 8601',
    'instants in Italian time with their offset (`2026-11-06T00:00:00.000+01:00`: the first instant of',
    '6 November in Italy). Headers are in Italian unless the address asks for English with `?lang=en` (staff',
    'exports take it beside the filter: `/exports/kpis.csv?regionCode=01&lang=en`). Codes',
    '(statuses, categories, coverage levels) are written as the API names them, each followed by a',
    "column with the same in words, in the file's language.",
    '',
    '## Staff exports (`GET /exports/<name>.csv`)',
    ...Object.entries(AGGREGATE_COLUMNS).flatMap(([name, columns]) => section(`${name}.csv`, columns)),
    ...Object.entries(STREAMED_COLUMNS).flatMap(([name, columns]) => section(`${name}.csv`, columns)),
    '',
    '## Open data (`GET /open-data/aggregates.csv`, CC BY 4.0)',
    '',
    'One row per province and service category; the JSON file (`aggregates.json`) has the same rows',
    'with the keys below as field names.',
    ...section('aggregates.csv', OPEN_DATA_COLUMNS),
    '',
    '| key (JSON) | column |',
    '|---|---|',
    ...OPEN_DATA_COLUMNS.map((c) => `| \`${c.key}\` | ${c.it} |`),
    '',
  ];
  return lines.join('\n');
}
