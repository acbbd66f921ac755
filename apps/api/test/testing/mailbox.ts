import { DataSource } from 'typeorm';
import { VerifyEmailDocument } from '../gql/generated';
import { dataOf, member, type TestApp } from './test-app';

/** What an e-mail of an account's kind carries: the link as written, and the token after its `#`. */
export interface MailedLink {
  url: string;
  token: string;
}

/**
 * The link in the newest e-mail of this kind to this address, read from the outbox as a person
 * reads it from the message (its text part). Fails when there is none.
 */
export async function mailedLink(db: DataSource, recipient: string, kind: string): Promise<MailedLink> {
  const rows: { text: string }[] = await db.query('SELECT text FROM mail_message WHERE recipient = $1 AND kind = $2 ORDER BY created_at DESC, id DESC LIMIT 1', [recipient, kind]);
  const url = rows[0] && /https?:\/\/\S+#\S+/.exec(rows[0].text)?.[0];
  if (!url) throw new Error(`no ${kind} e-mail with a link to ${recipient}`);
  return { url, token: url.slice(url.indexOf('#') + 1) };
}

/** Opens the sign-up e-mail's link for this address through the API, as the web app's page does. */
export async function verifyThroughMailbox(api: TestApp, email: string): Promise<void> {
  const { token } = await mailedLink(api.app.get(DataSource), email, 'EMAIL_VERIFICATION');
  const user = member(dataOf(await api.gql(VerifyEmailDocument, { input: { token } })).verifyEmail, 'User');
  if (!user.emailVerified) throw new Error(`${email} is still not verified`);
}
