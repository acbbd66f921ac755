import type { MailValues } from './mail-templates';
import type { MailKind, MailLanguage } from './mail.types';

/** One e-mail to record in the caller's transaction. */
export interface NewMail<K extends MailKind = MailKind> {
  /** Names the event and the recipient: recording the same key twice gives one e-mail. */
  idempotencyKey: string;
  kind: K;
  /** The account it is for, if any; the address is kept as it is now. */
  userId: string | null;
  recipient: string;
  language: MailLanguage;
  /** The values its templates name (the catalogue's entries for the kind). */
  values: MailValues[K];
}
