import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** Outside production, e-mails come from here unless MAIL_FROM says otherwise. */
export const DEVELOPMENT_MAIL_FROM = 'Vicini e connessi <noreply@localhost>';

/** The e-mail settings of the environment, read once. */
@Injectable()
export class MailSettings {
  /** Unset: the development mailbox (production refuses to start without it). */
  readonly smtpUrl: string | undefined;
  readonly from: string;
  /** The domain of MAIL_FROM, which our Message-IDs carry. */
  readonly domain: string;
  readonly appUrl: string;
  readonly retrySeconds: number;
  readonly maxAttempts: number;

  constructor(config: ConfigService) {
    this.smtpUrl = config.get<string>('SMTP_URL');
    this.from = config.get<string>('MAIL_FROM') ?? DEVELOPMENT_MAIL_FROM;
    this.domain = /@([^\s@<>]+)\s*>?\s*$/.exec(this.from)?.[1] ?? 'localhost';
    this.appUrl = (config.get<string>('APP_URL') ?? `http://localhost:${config.get<number>('PORT') ?? 3000}`).replace(/\/+$/, '');
    this.retrySeconds = config.getOrThrow<number>('MAIL_RETRY_SECONDS');
    this.maxAttempts = config.getOrThrow<number>('MAIL_MAX_ATTEMPTS');
  }

  /** `<id@domain>`: one per message, the same on every attempt. */
  messageIdOf(mailId: string): string {
    return `<${mailId}@${this.domain}>`;
  }

  /** A page of the web app, e.g. `/organizzazione/candidature/<id>`. */
  link(path: string): string {
    return `${this.appUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }
}
