/**
 * The personal-data registry: for every table of the schema, and every column that can hold text
 * (text, varchar, jsonb), whether it holds personal data and what the export (Art. 15, 20) and
 * the erasure (Art. 17) do with it. A test compares it with the migrated schema and fails on a
 * table or column it does not classify, so a new table holding personal data cannot slip through;
 * the export and erasure tests are driven by it, table by table. docs/personal-data.md explains
 * the decisions.
 */

/** What erasure does to a personal column. */
export enum ErasureAction {
  /** The value is removed (the row deleted, or the column emptied). */
  ERASE = 'ERASE',
  /** The value is replaced by one that no longer points to the person (a placeholder, or keys removed from a JSON document). */
  PSEUDONYMISE = 'PSEUDONYMISE',
  /** The value stays, for the legal reason given. */
  KEEP = 'KEEP',
}

export type ColumnPolicy =
  | { readonly personal: false; readonly note: string }
  | { readonly personal: true; readonly exported: boolean; readonly erasure: ErasureAction.ERASE | ErasureAction.PSEUDONYMISE; readonly note: string }
  | { readonly personal: true; readonly exported: boolean; readonly erasure: ErasureAction.KEEP; readonly legalReason: string };

export interface TablePolicy {
  /** The feature that owns the table (docs/architecture.md, "Who owns what"). */
  readonly owner: string;
  /** How a row is tied to a person; null when no row ever is. */
  readonly subject: string | null;
  /** The section of the personal-data export that holds the person's rows; null when none. */
  readonly exportSection: string | null;
  /** The text, varchar and jsonb columns. */
  readonly columns: Readonly<Record<string, ColumnPolicy>>;
}

/** What erased text columns that may not be empty hold instead. */
export const ERASED_TEXT = '[dati cancellati]';

const not = (note: string): ColumnPolicy => ({ personal: false, note });
const erase = (note: string, exported = true): ColumnPolicy => ({ personal: true, exported, erasure: ErasureAction.ERASE, note });
const pseudonymise = (note: string, exported = true): ColumnPolicy => ({ personal: true, exported, erasure: ErasureAction.PSEUDONYMISE, note });
const keep = (legalReason: string, exported = true): ColumnPolicy => ({ personal: true, exported, erasure: ErasureAction.KEEP, legalReason });

const TERRITORY = 'territory: ISTAT reference data';

export const PERSONAL_DATA_REGISTRY: Readonly<Record<string, TablePolicy>> = {
  schema_migration: { owner: 'database', subject: null, exportSection: null, columns: { name: not('migration names') } },
  region: { owner: 'territory', subject: null, exportSection: null, columns: { code: not(TERRITORY), name: not(TERRITORY), area: not(TERRITORY) } },
  province: {
    owner: 'territory',
    subject: null,
    exportSection: null,
    columns: { code: not(TERRITORY), name: not(TERRITORY), sigla: not(TERRITORY), region_code: not(TERRITORY), capital_code: not(TERRITORY) },
  },
  comune: {
    owner: 'territory',
    subject: null,
    exportSection: null,
    columns: {
      code: not(TERRITORY),
      name: not(TERRITORY),
      search_name: not(TERRITORY),
      province_code: not(TERRITORY),
      region_code: not(TERRITORY),
      cadastral_code: not(TERRITORY),
      second_language_name: not(TERRITORY),
      search_names: not(TERRITORY),
      search_province: not(TERRITORY),
    },
  },
  user_account: {
    owner: 'auth',
    subject: 'the account itself (id)',
    exportSection: 'account',
    columns: {
      email: pseudonymise('replaced by erased-<id>@erased.invalid: the row stays as the pseudonym the audit trail and the match history name'),
      language: not('it or en, the language of the e-mails'),
      password_hash: erase('replaced by a value no password matches; never exported (a credential)', false),
    },
  },
  refresh_token: {
    owner: 'auth',
    subject: 'user_id',
    exportSection: 'sessions',
    columns: { secret_hash: erase('the rows are deleted (every session ends); the hash is never exported', false) },
  },
  account_token: {
    owner: 'auth',
    subject: 'user_id',
    exportSection: null,
    columns: {
      email: erase('the address a pending link was sent to; the rows are deleted (links are short-lived, and the account’s current address is in its section)', false),
      secret_hash: erase('the rows are deleted; the hash is never exported (a credential)', false),
    },
  },
  identity_link: {
    owner: 'auth',
    subject: 'user_id',
    exportSection: 'identityLinks',
    columns: {
      provider_id: not('which configured identity provider'),
      subject: erase('the person’s identifier at the identity provider; the rows are deleted'),
      fiscal_code: erase('the codice fiscale the provider released; the rows are deleted'),
    },
  },
  privacy_notice_acceptance: {
    owner: 'auth',
    subject: 'user_id',
    exportSection: 'privacyNoticeAcceptances',
    columns: { notice_version: not('which version of the notice was accepted; the row is kept (Art. 5(2) and 7(1) GDPR: the controller shows the person was informed), under the pseudonymous account id') },
  },
  audit_event: {
    owner: 'audit',
    subject: 'actor_user_id, or entity_type/entity_id naming the account, its shop, its requests or its matches',
    exportSection: 'auditEvents',
    columns: {
      actor_role: not('a role'),
      request_id: not('a request id'),
      action: not('a verb'),
      entity_type: not('a table name'),
      entity_id: not('a row id (pseudonymous once the account is erased)'),
      before: pseudonymise('the personal keys (e-mail, names, address, contacts, coordinates, free texts) are removed; who did what stays, under the pseudonymous account id'),
      after: pseudonymise('as before'),
    },
  },
  shop: {
    owner: 'shop',
    subject: 'owner_user_id',
    exportSection: 'shop',
    columns: {
      legal_name: pseudonymise(`replaced by "${ERASED_TEXT}" (a sole trader's business name is often the person's name)`),
      trading_name: erase('emptied'),
      partita_iva: keep(
        'Art. 17(3)(b) and (e) GDPR: the tax identifier of a business that received services under a public programme is kept for the controls on that programme (it identifies the beneficiary of decisions already taken)',
      ),
      ateco_section: not('business sector: kept, the statistics count by it'),
      ateco_division: not('business sector: kept, the statistics count by it'),
      comune_code: not('the comune: kept, the statistics and open data count by it (the coordinates become the comune’s)'),
      address: erase(`replaced by "${ERASED_TEXT}"`),
      contact_email: pseudonymise('replaced by erased-<shop id>@erased.invalid'),
      contact_phone: erase('emptied'),
    },
  },
  provider: {
    owner: 'provider',
    subject: 'owner_user_id',
    exportSection: 'provider',
    columns: {
      name: not('a company name, shown with its published offers; kept with the decisions taken on them'),
      partita_iva: not('a company identifier; kept with the verification decisions taken on it'),
      website: not('a company website'),
      description: not('a company description'),
      verification_reason: not('staff decisions on the company, kept with them'),
    },
  },
  offer: {
    owner: 'offer',
    subject: 'provider_id (the organisation of the account)',
    exportSection: 'offers',
    columns: {
      title: not('a published offer of a company'),
      description: not('a published offer of a company'),
      conditions: not('a published offer of a company'),
      moderation_reason: not('staff decisions on the offer'),
      external_key: not('the provider’s own key for the offer, from a CSV import'),
    },
  },
  offer_coverage: {
    owner: 'offer',
    subject: 'offer_id (offers of the organisation)',
    exportSection: 'offers',
    columns: { region_code: not('an area covered'), province_code: not('an area covered'), comune_code: not('an area covered') },
  },
  offer_integration: { owner: 'offer', subject: null, exportSection: null, columns: {} },
  help_request_bundle: { owner: 'help-request', subject: 'shop_id (the shop of the account)', exportSection: null, columns: {} },
  help_request: {
    owner: 'help-request',
    subject: 'shop_id (the shop of the account)',
    exportSection: 'helpRequests',
    columns: {
      description: erase(`free text written by the shop, replaced by "${ERASED_TEXT}"; the row stays (category, status, dates, place) for the statistics`),
      region_code: not('copied from the shop for monitoring'),
      province_code: not('copied from the shop for monitoring'),
      ateco_section: not('copied from the shop for monitoring'),
    },
  },
  match: {
    owner: 'match',
    subject: 'shop_id or provider_id (the organisation of the account)',
    exportSection: 'matches',
    columns: {
      coverage_level: not('how the offer reached the shop'),
      end_reason: erase('free text of the parties: emptied on the erased shop’s matches; a provider’s decisions stay with the shop they were given to'),
      region_code: not('copied from the shop for monitoring'),
      province_code: not('copied from the shop for monitoring'),
      ateco_section: not('copied from the shop for monitoring'),
    },
  },
  match_transition: {
    owner: 'match',
    subject: 'match_id (matches of the organisation), actor_user_id',
    exportSection: 'matches',
    columns: {
      actor_role: not('a role'),
      reason: erase('free text of the parties: emptied on the erased shop’s matches (who did what and when stays, under the pseudonymous account id)'),
      request_id: not('a request id'),
    },
  },
  outcome_survey: { owner: 'match', subject: 'match_id (matches of the shop), answered_by_user_id', exportSection: 'outcomeSurveys', columns: {} },
  notification: {
    owner: 'notification',
    subject: 'user_id',
    exportSection: 'notifications',
    columns: {
      kind: not('what happened'),
      params: erase(`the account’s notifications are deleted; in other accounts’ notifications about the erased shop’s matches its name becomes "${ERASED_TEXT}"`),
    },
  },
  allocation_run: { owner: 'allocation', subject: null, exportSection: null, columns: { failure: not('what went wrong, for staff'), statistics: not('counts') } },
  allocation_run_item: { owner: 'allocation', subject: null, exportSection: null, columns: { coverage_level: not('how an offer reaches a request') } },
  facilitator: {
    owner: 'facilitator',
    subject: 'owner_user_id (the account’s organisation)',
    exportSection: 'facilitator',
    columns: {
      name: not('an organisation’s name (a chamber of commerce, an association, a municipality…)'),
      tax_code: not('an organisation’s Partita IVA or codice fiscale'),
      contact_email: not('an organisation’s contact address, shown to the shops it serves; the person behind the organisation is its account'),
      website: not('an organisation’s website'),
      verification_reason: not('staff decisions on the organisation'),
    },
  },
  delegation: {
    owner: 'delegation',
    subject: 'shop_id (the account’s shop), facilitator_id (the account’s organisation), or invited_email',
    exportSection: 'delegations',
    columns: {
      external_key: not('the facilitator’s own code for a shop it imported from a file'),
      invited_email: erase('the address an invitation was sent to; emptied on the erased shop’s delegations and wherever it is the account’s address, and by the retention job on invitations never accepted once ended (RETENTION_INVITATION_DAYS)'),
      link_secret_hash: erase('the hash of an invitation or claim link; emptied with it; never exported (a credential)', false),
    },
  },
  delegation_handover: {
    owner: 'delegation',
    subject: null,
    exportSection: null,
    // No text: which organisation offered which shop to which other one, when, and the answer (ids and times only).
    columns: {},
  },
  selection_call: {
    owner: 'selection-call',
    subject: null,
    exportSection: null,
    columns: {
      title: not('a selection call published by staff or an authorised organisation: programme data'),
      description: not('a selection call published by staff: programme data'),
      eligibility: not('a selection call published by staff: programme data'),
      declarations: not('a selection call published by staff: programme data'),
      questions: not('a selection call published by staff: programme data'),
      scoring: not('a selection call published by staff: programme data'),
      draw_seed: not('the published seed of the tie-break draw'),
    },
  },
  selection_call_offer: { owner: 'selection-call', subject: null, exportSection: null, columns: {} },
  call_publisher: {
    owner: 'selection-call',
    subject: null,
    exportSection: null,
    columns: { revoke_reason: not('a staff decision on an organisation’s authorisation to run calls') },
  },
  call_application: {
    owner: 'selection-call',
    subject: 'shop_id (the account’s shop)',
    exportSection: 'callApplications',
    columns: {
      answers: keep('Art. 17(3)(b) and (e) GDPR: the answers a selection was decided on are part of the record of a public selection procedure (its ranking may be challenged), kept with the pseudonymised shop'),
      exclusion_reason: keep('Art. 17(3)(b) and (e) GDPR: a staff decision in a public selection procedure, kept with its record'),
      shop_name: pseudonymise(`the shop's name when it applied, shown in the published graduatoria; replaced by "${ERASED_TEXT}" as the shop's own`),
      ateco_section: not('business sector at the time of applying: the ranking used it'),
      ateco_division: not('business sector at the time of applying: the ranking used it'),
      comune_code: not('the comune at the time of applying: the ranking used it'),
      province_code: not('the province at the time of applying'),
      region_code: not('the region at the time of applying'),
      score_parts: not('points per published criterion'),
      separated_by: not('which published tie-break rule separated it from the next'),
    },
  },
  import_job: {
    owner: 'import',
    subject: 'owner_user_id',
    exportSection: null,
    columns: {
      kind: not('what was imported'),
      separator: not('the CSV separator'),
      file_name: erase('the name of the uploaded file (it may name a person); the account’s imports are deleted; not exported: a technical log of the account’s own uploads, whose results are the offers themselves', false),
      failure_it: not('why the file was refused, in the platform’s words'),
      failure_en: not('why the file was refused, in the platform’s words'),
    },
  },
  import_row: {
    owner: 'import',
    subject: 'job_id (the import of the account)',
    exportSection: null,
    columns: {
      external_key: not('the provider’s own key of a row'),
      column_name: not('a column of the template'),
      reason_it: erase('a validation message may quote a cell of the file; deleted with the account’s imports', false),
      reason_en: erase('a validation message may quote a cell of the file; deleted with the account’s imports', false),
    },
  },
  mail_preference: {
    owner: 'mail',
    subject: null,
    exportSection: null,
    columns: { kind: not('which kind of e-mail; the rows (how a person wants each kind) are deleted with the account') },
  },
  mail_message: {
    owner: 'mail',
    subject: 'user_id, or recipient when sent to an address with no account (a delegation’s invitation or claim link)',
    exportSection: 'mailMessages',
    columns: {
      idempotency_key: not('event and account ids'),
      recipient: erase('the account’s e-mails are deleted, and those sent with no account to its address or to its shop’s invitation addresses'),
      kind: not('which e-mail'),
      language: not('it or en'),
      subject: erase('the account’s e-mails are deleted'),
      text: erase('the account’s e-mails are deleted'),
      html: erase('the account’s e-mails are deleted (the export carries the text version, the same words)', false),
      last_error: erase('an SMTP answer may repeat the address; deleted with the e-mail', false),
      message_id: not('our Message-ID'),
      action_url: erase('the link of the e-mail’s button; deleted with the e-mail', false),
      smtp_response: erase('an SMTP answer may repeat the address; deleted with the e-mail', false),
    },
  },
  rate_limit: {
    owner: 'throttle',
    subject: 'key: a SHA-256 of the e-mail or client address, never the value itself',
    exportSection: null,
    columns: { key: erase('pseudonymous already (a hash); the account’s sign-in counters are deleted, and every counter once expired (retention)', false) },
  },
  monitoring_snapshot: { owner: 'monitoring', subject: null, exportSection: null, columns: { name: not('snapshot name'), data: not('aggregates: counts per province and category, no names') } },
  unmet_demand_request: {
    owner: 'monitoring',
    subject: null,
    exportSection: null,
    columns: { region_code: not('place of an unmet request'), province_code: not('place of an unmet request'), ateco_section: not('sector of an unmet request') },
  },
};

/** The tables whose rows can be about a person. */
export const PERSONAL_TABLES = Object.entries(PERSONAL_DATA_REGISTRY)
  .filter(([, table]) => table.subject !== null)
  .map(([name]) => name);

/** The sections of the export, in the order they are written. */
export const EXPORT_SECTIONS = [
  'account',
  'privacyNoticeAcceptances',
  'sessions',
  'identityLinks',
  'shop',
  'provider',
  'facilitator',
  'offers',
  'helpRequests',
  'matches',
  'outcomeSurveys',
  'notifications',
  'mailMessages',
  'callApplications',
  'delegations',
  'auditEvents',
] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/** The keys erasure removes from the JSON of audit events about the person (the names of the personal columns above, as the entities spell them). */
export const AUDIT_PERSONAL_KEYS = [
  'email',
  'legalName',
  'tradingName',
  'address',
  'contactEmail',
  'contactPhone',
  'latitude',
  'longitude',
  'description',
  'reason',
  'endReason',
  // The addresses a delegation's invitation or claim link went to (delegation.invited, delegation.registered_on_paper).
  'invitedEmail',
  'ownerEmail',
] as const;
