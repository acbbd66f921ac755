import type { ExportColumn } from '../../monitoring/export/export-columns';
import { ON_BEHALF_SHOP_NAME } from '../audit-query';

const col = (key: string, it: string, en: string, about: string): ExportColumn => ({ key, it, en, about });

/** The columns of `/audit/events.csv`, in the order of the query that fills them. */
export const AUDIT_CSV_COLUMNS: readonly ExportColumn[] = [
  col('id', 'Numero evento', 'Event number', 'the event’s number in the log (increasing)'),
  col('occurred_at', 'Data e ora', 'Time', 'when the change happened (ISO 8601, UTC)'),
  col('action', 'Azione', 'Action', 'dotted verb, e.g. provider.approved'),
  col('action_words', 'Azione in parole', 'Action in words', 'the action as the audit page names it, in the language of the headers'),
  col('entity_type', 'Tipo di oggetto', 'Object type', 'what changed: user, shop, provider, offer, help_request, match, …'),
  col('entity_id', 'Identificativo oggetto', 'Object id', 'its identifier'),
  col('actor_email', 'E-mail autore', 'Actor e-mail', 'the e-mail the acting account has now; empty for system work'),
  col('actor_role', 'Ruolo autore', 'Actor role', 'the role the account acted with'),
  col('actor_user_id', 'Identificativo autore', 'Actor id', 'the acting account’s id'),
  col('on_behalf_of_shop_id', 'Per conto dell’attività (id)', 'On behalf of shop (id)', 'the shop a facilitator acted for; empty when nobody acted in a shop’s name'),
  col('on_behalf_of_shop_name', 'Per conto dell’attività', 'On behalf of shop', 'that shop’s name (its sign, or its legal name)'),
  col('request_id', 'Richiesta API', 'Request id', 'the API request or job that made the change'),
  col('before', 'Prima', 'Before', 'the values before the change (JSON)'),
  col('after', 'Dopo', 'After', 'the values after the change (JSON)'),
];

/** What fills each column, over `audit_event e` and the acting account `u`: the query is built from this, in the columns' order. */
const EXPRESSIONS: Readonly<Record<string, string>> = {
  id: 'e.id',
  occurred_at: 'e.occurred_at',
  action: 'e.action',
  // Worded from the action as the rows stream out (see AuditExportController).
  action_words: 'NULL::text',
  entity_type: 'e.entity_type',
  entity_id: 'e.entity_id',
  actor_email: 'u.email',
  actor_role: 'e.actor_role',
  actor_user_id: 'e.actor_user_id',
  on_behalf_of_shop_id: 'e.on_behalf_of_shop_id',
  on_behalf_of_shop_name: ON_BEHALF_SHOP_NAME,
  request_id: 'e.request_id',
  before: 'e.before::text',
  after: 'e.after::text',
};

export const AUDIT_CSV_SELECT = AUDIT_CSV_COLUMNS.map((column) => {
  const expression = EXPRESSIONS[column.key];
  if (!expression) throw new Error(`audit export column ${column.key} has no expression`);
  return `${expression} AS ${column.key}`;
}).join(', ');
