import type { ImportRowOutcome } from '../import/import.types';
import { alternatives, type Words } from './words';

const OUTCOME: Readonly<Record<ImportRowOutcome, Words>> = {
  CREATED: { en: 'created', it: 'creata' },
  UPDATED: { en: 'updated', it: 'aggiornata' },
  UNCHANGED: { en: 'unchanged', it: 'invariata' },
  SKIPPED: { en: 'skipped', it: 'saltata' },
  INVALID: { en: 'refused', it: 'rifiutata' },
  CANCELLED: { en: 'not written', it: 'non scritta' },
};

/** A check of the file (dry run) writes nothing: its rows would be created or updated. */
const DRY_RUN_OUTCOME: Readonly<Partial<Record<ImportRowOutcome, Words>>> = {
  CREATED: { en: 'to be created', it: 'da creare' },
  UPDATED: { en: 'to be updated', it: 'da aggiornare' },
};

/** What to write in each column of an offers file. */
const OFFER_COLUMN_HELP: Readonly<Record<string, Words>> = {
  key: { it: 'Il tuo codice dell’offerta (fino a 100 caratteri): importando di nuovo la riga, l’offerta si aggiorna', en: 'Your own code for the offer (up to 100 characters): importing the row again updates the offer' },
  title: { it: '5–120 caratteri', en: '5–120 characters' },
  description: { it: '20–4000 caratteri', en: '20–4000 characters' },
  categories: { it: 'Una o più categorie (codice o nome), separate da |', en: 'One or more categories (code or name), separated by |' },
  national: { it: '«sì» per tutta Italia', en: '"sì" for the whole of Italy' },
  regions: { it: 'Codici ISTAT (2 cifre) o nomi, separati da |', en: 'ISTAT codes (2 digits) or names, separated by |' },
  provinces: { it: 'Codici ISTAT (3 cifre) o sigle, separati da |', en: 'ISTAT codes (3 digits) or abbreviations, separated by |' },
  comuni: { it: 'Codici ISTAT (6 cifre) o «Nome (SIGLA)», separati da |', en: 'ISTAT codes (6 digits) or "Name (ABBREVIATION)", separated by |' },
  sectors: { it: 'Sezioni (A–V) e divisioni (2 cifre) ATECO separate da |; vuoto: tutti i settori', en: 'ATECO sections (A–V) and divisions (2 digits) separated by |; empty: every sector' },
  capacity: { it: 'Quanti negozi può servire (1–100000)', en: 'How many shops it can serve (1–100000)' },
  freeMonths: { it: 'Mesi gratuiti (1–36)', en: 'Months free of charge (1–36)' },
  conditions: { it: 'Condizioni, 20–2000 caratteri: il servizio deve essere davvero gratuito', en: 'Terms, 20–2000 characters: the service must be truly free' },
  validFrom: { it: 'gg/mm/aaaa', en: 'dd/mm/yyyy' },
  validUntil: { it: 'gg/mm/aaaa, dopo l’inizio; vuoto: senza scadenza', en: 'dd/mm/yyyy, after the start; empty: open-ended' },
  publish: { it: '«sì» per pubblicarla subito (se l’organizzazione può pubblicare); vuoto: bozza', en: '"sì" to publish it at once (when the organisation may publish); empty: draft' },
};

/** What to write in each column of a shops file (a facilitator registering shops on paper consent). */
const SHOP_COLUMN_HELP: Readonly<Record<string, Words>> = {
  key: { it: 'Il vostro codice dell’attività (fino a 100 caratteri): importando di nuovo la riga, l’attività si aggiorna', en: 'Your own code for the shop (up to 100 characters): importing the row again updates the shop' },
  legalName: { it: 'Ragione sociale, 2–200 caratteri', en: 'Legal name, 2–200 characters' },
  tradingName: { it: 'Insegna, se diversa dalla ragione sociale', en: 'Trading name, if different' },
  partitaIva: { it: 'Partita IVA, 11 cifre', en: 'Partita IVA, 11 digits' },
  ateco: { it: 'Codice ATECO 2025: la divisione (2 cifre, ad es. 47) o il codice completo (47.11.10), con la sezione se volete (G47)', en: 'ATECO 2025 code: the division (2 digits, e.g. 47) or the full code (47.11.10), optionally with the section (G47)' },
  comune: { it: 'Codice ISTAT (6 cifre) o nome del comune', en: 'ISTAT code (6 digits) or name of the comune' },
  province: { it: 'Sigla della provincia (ad es. MI): necessaria se il nome del comune esiste in più province', en: 'Province abbreviation (e.g. MI): needed when the comune’s name exists in several provinces' },
  address: { it: 'Indirizzo, 3–300 caratteri', en: 'Address, 3–300 characters' },
  employees: { it: 'Numero di addetti (0–100000)', en: 'Number of employees (0–100000)' },
  ownerEmail: { it: 'E-mail del titolare: riceve il link per rivendicare l’attività', en: 'The owner’s e-mail: the link to claim the shop goes there' },
  contactEmail: { it: 'E-mail di contatto dell’attività; vuoto: quella del titolare', en: 'The shop’s contact e-mail; empty: the owner’s' },
  contactPhone: { it: 'Telefono di contatto', en: 'Contact phone' },
  declaredOn: { it: 'Data della dichiarazione di consenso firmata su carta, gg/mm/aaaa, non nel futuro', en: 'Date of the consent declaration signed on paper, dd/mm/yyyy, not in the future' },
};

/** The report's columns, by language. */
const REPORT_HEADER = {
  en: ['line', 'external_key', 'outcome', 'id', 'column', 'reason'],
  it: ['riga', 'codice_esterno', 'esito', 'identificativo', 'colonna', 'motivo'],
};

/** A list of column names as people read it, quoted as each language quotes: «a», «b» in Italian, “a”, “b” in English. */
const quoted = (names: readonly string[]): Words => ({
  en: names.map((name) => `“${name}”`).join(', '),
  it: names.map((name) => `«${name}»`).join(', '),
});

/** A column's letters in a spreadsheet, from its position (from 1): 1 → A, 27 → AA. */
const spreadsheetColumn = (position: number): string => {
  let letters = '';
  for (let n = position; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/** CSV imports: the file as a whole, then its rows cell by cell. */
export const importMessages = {
  unknownKind: (kind: string): Words => ({ en: `There is no import of "${kind}"`, it: `Non esiste un’importazione di «${kind}»` }),
  noFile: (): Words => ({
    en: 'Send the CSV file as the "file" field of a multipart/form-data request',
    it: 'Invia il file CSV come campo «file» di una richiesta multipart/form-data',
  }),
  spreadsheet: (): Words => ({
    en: 'This is an Excel workbook (.xlsx or .xls), not a CSV file: in Excel choose "Save as" → "CSV UTF-8 (comma delimited)" and upload that file',
    it: 'Questo è un file di Excel (.xlsx o .xls), non un file CSV: in Excel scegli «Salva con nome» → «CSV UTF-8 (delimitato da virgole)» e carica quel file',
  }),
  binary: (): Words => ({
    en: 'This is not a CSV file: it contains binary data. Upload a text file with one row per line',
    it: 'Questo non è un file CSV: contiene dati binari. Carica un file di testo con una riga per ogni voce',
  }),
  notUtf8: (line: number): Words => ({
    en: `Line ${line} is not UTF-8 text: save the file as "CSV UTF-8" (in Excel: "Save as" → "CSV UTF-8")`,
    it: `La riga ${line} non è testo UTF-8: salva il file come «CSV UTF-8» (in Excel: «Salva con nome» → «CSV UTF-8»)`,
  }),
  empty: (): Words => ({ en: 'The file is empty: start from the template', it: 'Il file è vuoto: parti dal modello' }),
  noSeparator: (): Words => ({
    en: 'The first line is not a CSV header: its column names must be separated by ";" or ","; start from the template',
    it: 'La prima riga non è un’intestazione CSV: i nomi delle colonne vanno separati da «;» o «,»; parti dal modello',
  }),
  headerMissing: (columns: readonly string[]): Words => ({
    en: `The header lacks the columns ${quoted(columns).en}: start from the template`,
    it: `Nell’intestazione mancano le colonne ${quoted(columns).it}: parti dal modello`,
  }),
  headerUnknown: (columns: readonly string[], known: readonly string[]): Words => ({
    en: `The header has columns this import does not know: ${quoted(columns).en}; the columns are ${alternatives(known.map((c) => `“${c}”`)).en}`,
    it: `L’intestazione ha colonne che questa importazione non conosce: ${quoted(columns).it}; le colonne sono ${alternatives(known.map((c) => `«${c}»`)).it}`,
  }),
  headerRepeated: (column: string): Words => ({
    en: `The column “${column}” appears twice in the header`,
    it: `La colonna «${column}» compare due volte nell’intestazione`,
  }),
  tooLarge: (mb: number): Words => ({
    en: `The file is larger than ${mb} MB: split it into smaller files`,
    it: `Il file supera ${mb} MB: dividilo in file più piccoli`,
  }),
  tooManyRows: (max: number): Words => ({
    en: `The file has more than ${max} rows: split it into smaller files`,
    it: `Il file ha più di ${max} righe: dividilo in file più piccoli`,
  }),
  syntax: (line: number): Words => ({
    en: `Line ${line} cannot be read as CSV (a quote opened and never closed, or a quote inside an unquoted cell): check the quotes`,
    it: `La riga ${line} non si legge come CSV (virgolette aperte e mai chiuse, o virgolette dentro una cella senza virgolette): controlla le virgolette`,
  }),
  alreadyRunning: (): Words => ({
    en: 'One of your imports is still running: wait for it to finish, then upload this file',
    it: 'Una tua importazione è ancora in corso: attendi che finisca, poi carica questo file',
  }),
  busy: (retryAfterSeconds: number): Words => ({
    en: `Other imports are running right now: try again in ${retryAfterSeconds} seconds`,
    it: `Altre importazioni sono in corso proprio ora: riprova tra ${retryAfterSeconds} secondi`,
  }),
  uploadCut: (): Words => ({
    en: 'The upload stopped before the end of the file: upload it again (rows already imported are recognised by their key)',
    it: 'Il caricamento si è interrotto prima della fine del file: caricalo di nuovo (le righe già importate sono riconosciute dalla loro chiave)',
  }),
  fieldCount: (found: number, expected: number): Words => ({
    en: `The row has ${found} cells, the header ${expected}: check the separators and the quotes`,
    it: `La riga ha ${found} celle, l’intestazione ${expected}: controlla i separatori e le virgolette`,
  }),
  unnamedColumn: (position: number): Words => ({
    en: `Column ${position} (${spreadsheetColumn(position)}) has no name in the header, but this row has something in it: write the column's name in the header, or empty the column`,
    it: `La colonna ${position} (${spreadsheetColumn(position)}) non ha un nome nell’intestazione, ma in questa riga contiene qualcosa: scrivi il nome della colonna nell’intestazione, oppure svuota la colonna`,
  }),
  required: (column: string): Words => ({ en: `${column}: fill it in`, it: `${column}: campo obbligatorio, compilalo` }),
  tooLong: (column: string, max: number): Words => ({
    en: `${column}: at most ${max} characters`,
    it: `${column}: al massimo ${max} caratteri`,
  }),
  keyRepeated: (column: string, line: number): Words => ({
    en: `${column}: the same key is already on line ${line}; each row needs its own`,
    it: `${column}: la stessa chiave è già alla riga ${line}; ogni riga deve avere la sua`,
  }),
  notDate: (column: string): Words => ({
    en: `${column}: write a date as dd/mm/yyyy (e.g. 01/03/2026) or yyyy-mm-dd`,
    it: `${column}: scrivi la data come gg/mm/aaaa (ad es. 01/03/2026) oppure aaaa-mm-gg`,
  }),
  atecoUnreadable: (column: string, text: string): Words => ({
    en: `${column}: “${text}” is not an ATECO code: write the division (2 digits, e.g. 47) or the full code (47.11.10, or 47,11 as Excel shows it), optionally with the section (G47)`,
    it: `${column}: «${text}» non è un codice ATECO: scrivi la divisione (2 cifre, ad es. 47) o il codice completo (47.11.10, oppure 47,11 come lo mostra Excel), con la sezione se vuoi (G47)`,
  }),
  sectorUnreadable: (column: string, text: string): Words => ({
    en: `${column}: "${text}" is not an ATECO section or division: write the section (a letter from A to V, e.g. G) or the division (two digits, e.g. 47); an offer cannot be narrowed to finer codes such as 47.11`,
    it: `${column}: «${text}» non è una sezione né una divisione ATECO: scrivi la sezione (una lettera da A a V, ad es. G) o la divisione (due cifre, ad es. 47); un’offerta non si restringe a codici più fini come 47.11`,
  }),
  sectorSectionMismatch: (column: string, text: string, division: string, section: string): Words => ({
    en: `${column}: in "${text}" the ATECO division ${division} belongs to section ${section}: write ${section}${division}, or only ${division}, or the section you meant`,
    it: `${column}: in «${text}» la divisione ATECO ${division} appartiene alla sezione ${section}: scrivi ${section}${division}, oppure solo ${division}, o la sezione che intendevi`,
  }),
  notYesNo: (column: string): Words => ({ en: `${column}: write "sì" or "no"`, it: `${column}: scrivi «sì» oppure «no»` }),
  comuneUnknown: (column: string, text: string): Words => ({
    en: `${column}: "${text}" is not a comune: write its ISTAT code (6 digits) or its name and province, e.g. "Reggio nell'Emilia (RE)"`,
    it: `${column}: «${text}» non è un comune: scrivi il suo codice ISTAT (6 cifre) oppure nome e provincia, ad es. «Reggio nell'Emilia (RE)»`,
  }),
  provinceUnknown: (column: string, text: string): Words => ({
    en: `${column}: "${text}" is not a province: write its ISTAT code (3 digits) or its abbreviation, e.g. "MI"`,
    it: `${column}: «${text}» non è una provincia: scrivi il suo codice ISTAT (3 cifre) oppure la sigla, ad es. «MI»`,
  }),
  regionUnknown: (column: string, text: string): Words => ({
    en: `${column}: "${text}" is not a region: write its ISTAT code (2 digits) or its name`,
    it: `${column}: «${text}» non è una regione: scrivi il suo codice ISTAT (2 cifre) oppure il nome`,
  }),
  cancelled: (): Words => ({
    en: 'Not written: the import was all or nothing and other rows were refused',
    it: 'Non scritta: l’importazione era «tutto o niente» e altre righe sono state rifiutate',
  }),
  unchanged: (): Words => ({ en: 'Already as in the file', it: 'Già come nel file' }),
  interrupted: (): Words => ({
    en: 'The import stopped before its end (the server restarted): upload the file again',
    it: 'L’importazione si è fermata prima della fine (il server è stato riavviato): carica di nuovo il file',
  }),
  jobNotFound: (): Words => ({ en: 'No such import', it: 'Importazione non trovata' }),
  outcome: (outcome: ImportRowOutcome, dryRun = false): Words => (dryRun ? DRY_RUN_OUTCOME[outcome] : undefined) ?? OUTCOME[outcome],
  reportFileName: (kind: string, day: string): Words => ({ en: `import-report-${kind}-${day}.csv`, it: `esito-importazione-${kind}-${day}.csv` }),
  offerColumnHelp: (column: string): Words => OFFER_COLUMN_HELP[column] ?? { it: column, en: column },
  shopColumnHelp: (column: string): Words => SHOP_COLUMN_HELP[column] ?? { it: column, en: column },
  comuneNameUnknown: (column: string, text: string): Words => ({
    en: `${column}: "${text}" is not a comune: write its ISTAT code (6 digits) or its name as ISTAT writes it, with the province if needed`,
    it: `${column}: «${text}» non è un comune: scrivi il suo codice ISTAT (6 cifre) oppure il nome come lo scrive l’ISTAT, con la provincia se serve`,
  }),
  comuneAmbiguous: (column: string, text: string, siglas: readonly string[]): Words => ({
    en: `${column}: there is a comune called "${text}" in several provinces (${siglas.join(', ')}): write the province in its column, or the ISTAT code`,
    it: `${column}: esiste un comune «${text}» in più province (${siglas.join(', ')}): scrivi la provincia nella sua colonna, oppure il codice ISTAT`,
  }),
  partitaIvaShort: (column: string, text: string): Words => {
    const one = text.length === 10;
    const digits = text.length === 1 ? { en: 'digit', it: 'cifra' } : { en: 'digits', it: 'cifre' };
    const zeros = one ? { en: 'zero', it: 'lo 0' } : { en: 'zeros', it: 'gli 0' };
    return {
      en: `${column}: “${text}” has ${text.length} ${digits.en}, a Partita IVA 11: the spreadsheet may have dropped its leading ${zeros.en} (format the column as text and type the number again), but even with the ${zeros.en} in front it is not valid: check the digits`,
      it: `${column}: «${text}» ha ${text.length} ${digits.it}, la Partita IVA 11: il foglio di calcolo può aver tolto ${zeros.it} ${one ? 'iniziale' : 'iniziali'} (formatta la colonna come testo e riscrivi il numero), ma neanche con ${zeros.it} davanti è valida: ricontrolla le cifre`,
    };
  },
  partitaIvaTaken: (column: string, partitaIva: string): Words => ({
    en: `${column}: the Partita IVA ${partitaIva} is already registered`,
    it: `${column}: la Partita IVA ${partitaIva} è già registrata`,
  }),
  partitaIvaRepeated: (column: string, line: number): Words => ({
    en: `${column}: the same Partita IVA is already on line ${line}; each shop once`,
    it: `${column}: la stessa Partita IVA è già alla riga ${line}; ogni attività una volta sola`,
  }),
  shopPartitaIvaFixed: (column: string): Words => ({
    en: `${column}: a registered shop’s Partita IVA does not change; for another business use another code`,
    it: `${column}: la Partita IVA di un’attività registrata non cambia; per un’altra impresa usa un altro codice`,
  }),
  shopConsentFixed: (): Words => ({
    en: 'The owner’s e-mail and the consent date were recorded when the shop was registered and the claim link sent: they do not change by importing again',
    it: 'L’e-mail del titolare e la data del consenso sono state registrate con l’attività e il link per rivendicarla è stato inviato: non cambiano importando di nuovo',
  }),
  shopClaimed: (): Words => ({
    en: 'The owner has claimed the shop and manages it: its details are no longer changed by your imports',
    it: 'Il titolare ha rivendicato l’attività e la gestisce: i suoi dati non si cambiano più con le vostre importazioni',
  }),
  shopDelegationEnded: (): Words => ({
    en: 'Your delegation for this shop is no longer active: its details cannot be changed',
    it: 'La vostra delega per questa attività non è più attiva: i suoi dati non si possono cambiare',
  }),
  reportHeader: (column: number): Words => ({ en: REPORT_HEADER.en[column] ?? '', it: REPORT_HEADER.it[column] ?? '' }),
};
