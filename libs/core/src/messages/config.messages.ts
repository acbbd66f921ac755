import type { Words } from './words';

/**
 * Why the process refuses to start: a variable of the environment that is wrong, or unsafe in
 * production. Printed for whoever runs it (in English), named by the variable.
 */
export const configMessages = {
  databaseUrl: (): Words => ({
    en: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
    it: 'DATABASE_URL deve essere un URL postgres:// o postgresql://',
  }),
  databaseUrlUnreadable: (): Words => ({
    en: 'DATABASE_URL cannot be read as a URL: check that the port is a number from 1 to 65535 and that reserved characters in the user name or password (@ : / ? # %) are percent-encoded',
    it: 'DATABASE_URL non si legge come URL: controlla che la porta sia un numero da 1 a 65535 e che i caratteri riservati nel nome utente o nella password (@ : / ? # %) siano codificati con %',
  }),
  jwtSecretTooShort: (min: number): Words => ({
    en: `JWT_SECRET must be at least ${min} characters (required in production)`,
    it: `JWT_SECRET deve avere almeno ${min} caratteri (obbligatoria in produzione)`,
  }),
  metricsPortIsPort: (port: number): Words => ({
    en: `METRICS_PORT must differ from PORT (${port}), the port of the API's HTTP server: choose another port for the metrics, or 0 for no metrics endpoint`,
    it: `METRICS_PORT deve essere diversa da PORT (${port}), la porta del server HTTP dell’API: scegli un’altra porta per le metriche, oppure 0 per non esporle`,
  }),
  metricsTokenTooShort: (min: number): Words => ({ en: `METRICS_TOKEN must be at least ${min} characters`, it: `METRICS_TOKEN deve avere almeno ${min} caratteri` }),
  workerPollSeconds: (): Words => ({ en: 'WORKER_POLL_SECONDS must be a number of seconds', it: 'WORKER_POLL_SECONDS deve essere un numero di secondi' }),
  trustProxy: (): Words => ({
    en: 'TRUST_PROXY must be true, false, a number of hops or a list of addresses/subnets',
    it: 'TRUST_PROXY deve essere true, false, un numero di passaggi oppure un elenco di indirizzi o sottoreti',
  }),
  allocationSchedule: (): Words => ({
    en: 'ALLOCATION_SCHEDULE must be a 5-field cron expression, e.g. "0 2 * * *", or off',
    it: 'ALLOCATION_SCHEDULE deve essere un’espressione cron di 5 campi, per esempio "0 2 * * *", oppure off',
  }),
  /** `problem`: the cron parser's own words, which say what it could not read. */
  cronExpression: (variable: string, problem: string): Words => ({
    en: `${variable} is not a valid cron expression (${problem})`,
    it: `${variable} non è un’espressione cron valida (${problem})`,
  }),
  mailFrom: (): Words => ({
    en: 'MAIL_FROM must be an e-mail address, alone or as "Name <address>"',
    it: 'MAIL_FROM deve essere un indirizzo e-mail, da solo o come "Nome <indirizzo>"',
  }),
  notBelow: (variable: string, other: string, bound: number): Words => ({
    en: `${variable} must not be below ${other} (${bound})`,
    it: `${variable} non può essere minore di ${other} (${bound})`,
  }),
  smtpUrl: (): Words => ({
    en: 'SMTP_URL must be an smtp:// or smtps:// URL naming the server, such as smtp://user:password@mail.example.org:587',
    it: 'SMTP_URL deve essere un URL smtp:// o smtps:// che indica il server, come smtp://utente:password@mail.esempio.it:587',
  }),
  appUrl: (): Words => ({ en: 'APP_URL must be an http:// or https:// URL', it: 'APP_URL deve essere un URL http:// o https://' }),
  smtpRequired: (): Words => ({
    en: 'is required in production: without it e-mails would only reach the development mailbox',
    it: 'è obbligatoria in produzione: senza, le e-mail finirebbero solo nella casella di sviluppo',
  }),
  mailFromRequired: (): Words => ({
    en: 'is required in production: the address e-mails come from, on a domain of the platform',
    it: 'è obbligatoria in produzione: l’indirizzo da cui partono le e-mail, su un dominio della piattaforma',
  }),
  appUrlRequired: (): Words => ({
    en: 'is required in production: the public address of the web app, for the links in e-mails',
    it: 'è obbligatoria in produzione: l’indirizzo pubblico dell’app web, per i link nelle e-mail',
  }),
  appUrlNotHttps: (): Words => ({
    en: 'must be an https:// address in production: the links in e-mails (password resets, confirmations) would travel unencrypted, and browsers send the Secure session cookie over https only',
    it: 'deve essere un indirizzo https:// in produzione: i link nelle e-mail (reimpostazione della password, conferme) viaggerebbero in chiaro, e i browser inviano il cookie di sessione Secure solo su https',
  }),
  databaseRequired: (): Words => ({
    en: 'is required in production: the embedded PostgreSQL is for development only',
    it: 'è obbligatoria in produzione: il PostgreSQL incorporato serve solo allo sviluppo',
  }),
  jwtSecretRequired: (): Words => ({
    en: 'is required in production: generate one with `openssl rand -base64 48`',
    it: 'è obbligatoria in produzione: generane una con `openssl rand -base64 48`',
  }),
  jwtSecretPublished: (): Words => ({
    en: 'is the development key published in the source code: generate one with `openssl rand -base64 48`',
    it: 'è la chiave di sviluppo pubblicata nel codice sorgente: generane una con `openssl rand -base64 48`',
  }),
  /** `guessesLog10`, `minLog10`: powers of ten of the guesses zxcvbn-ts estimates, and of those required. */
  jwtSecretGuessable: (guessesLog10: number, minLog10: number): Words => ({
    en: `is too easy to guess (about 10^${guessesLog10} guesses, at least 10^${minLog10} needed): generate a random one with \`openssl rand -base64 48\``,
    it: `è troppo facile da indovinare (circa 10^${guessesLog10} tentativi, ne servono almeno 10^${minLog10}): generane una casuale con \`openssl rand -base64 48\``,
  }),
  demoInProduction: (): Words => ({
    en: 'cannot be true in production: demo accounts have a published password',
    it: 'non può essere true in produzione: gli account dimostrativi hanno una password pubblicata',
  }),
  insecureCookieInProduction: (): Words => ({
    en: 'cannot be false in production: the session cookie must only travel over HTTPS',
    it: 'non può essere false in produzione: il cookie di sessione deve viaggiare solo su HTTPS',
  }),
  trustEveryProxyInProduction: (maxHops: number): Words => ({
    en: `cannot trust every proxy in production (true, more than ${maxHops} hops, or a subnet wider than /8, /7 for IPv6): every client could then name its own address in X-Forwarded-For and escape the per-address limits; give the number of proxies in front of the API (e.g. 1) or their addresses`,
    it: `in produzione non può fidarsi di ogni proxy (true, più di ${maxHops} passaggi, o una sottorete più ampia di /8, /7 per IPv6): ogni client potrebbe dichiarare da sé il proprio indirizzo ed eludere i limiti per indirizzo; indica il numero di proxy davanti all’API (per esempio 1) o i loro indirizzi`,
  }),
};
