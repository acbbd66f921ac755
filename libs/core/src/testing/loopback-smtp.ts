import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the server answers one delivery to a recipient: accept, or refuse with an SMTP reply. */
export type SmtpAnswer = 'accept' | { code: number; text: string };

export interface LoopbackSmtp {
  url: string;
  /** Every message the server accepted, parsed, in arrival order. */
  arrived: ParsedMail[];
  /** Every message the server refused after reading it (its recipients). */
  refused: string[][];
  /** Answers for the next deliveries to an address, in order; afterwards it accepts. */
  plan(address: string, answers: SmtpAnswer[]): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no login), for tests that send e-mail. */
export async function startLoopbackSmtp(): Promise<LoopbackSmtp> {
  const arrived: ParsedMail[] = [];
  const refused: string[][] = [];
  const plans = new Map<string, SmtpAnswer[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      simpleParser(stream).then(
        (mail) => {
          const answer = recipients.map((r) => plans.get(r)?.shift()).find((a) => a !== undefined) ?? 'accept';
          if (answer === 'accept') {
            arrived.push(mail);
            callback();
          } else {
            refused.push(recipients);
            callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
          }
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    refused,
    plan: (address, answers) => plans.set(address.toLowerCase(), [...answers]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
