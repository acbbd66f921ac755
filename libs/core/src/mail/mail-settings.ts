import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import ipaddr from 'ipaddr.js';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '../config/production-checks';

/** Outside production, e-mails come from here unless MAIL_FROM says otherwise. */
export const DEVELOPMENT_MAIL_FROM = 'Vicini e connessi <noreply@localhost>';

/** Pages of the web app e-mails link to, whatever their kind (apps/web/src/routes.ts). */
export const WEB_PAGES = {
  privacy: '/privacy',
  preferences: '/preferenze',
  /** How to reach the platform's support (the web app's contacts page). */
  contacts: '/contatti',
  /** Where a forgotten password is reset (the sign-in page's link). */
  forgotPassword: '/password-dimenticata',
  /** A facilitator's desk: the shops it acts for. */
  facilitatorDesk: '/facilitatore/negozi',
  /** GET: the web app's confirmation page; POST: one-click unsubscribe (RFC 8058), served by the API. */
  unsubscribe: '/disiscrizione',
} as const;

/**
 * Whether the SMTP connection must be upgraded to TLS before anything is sent: in production, for
 * an `smtp://` server other than this machine (`smtps://` is TLS from the start). STARTTLS is only
 * used "when offered", so a server that does not offer it, or someone between who strips the offer,
 * would otherwise get the SMTP password and the e-mails (reset links among them) in clear text.
 */
export function smtpRequiresTls(smtpUrl: string | undefined, production: boolean): boolean {
  if (!production || !smtpUrl?.startsWith('smtp://')) return false;
  let host: string;
  try {
    host = new URL(smtpUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return true;
  }
  if (host === 'localhost') return false;
  return !ipaddr.isValid(host) || ipaddr.process(host).range() !== 'loopback';
}

/** The e-mail settings of the environment, read once. */
@Injectable()
export class MailSettings {
  /** Unset: the development mailbox (production refuses to start without it). */
  readonly smtpUrl: string | undefined;
  /** STARTTLS is required, not just used when offered (smtpRequiresTls). */
  readonly smtpRequiresTls: boolean;
  readonly from: string;
  /** The domain of MAIL_FROM, which our Message-IDs carry. */
  readonly domain: string;
  readonly appUrl: string;
  readonly retrySeconds: number;
  readonly maxAttempts: number;
  /** Signs unsubscribe links: derived from JWT_SECRET (a key of its own for this one use). */
  private readonly linkKey: Buffer;

  constructor(config: ConfigService) {
    this.smtpUrl = config.get<string>('SMTP_URL');
    this.smtpRequiresTls = smtpRequiresTls(this.smtpUrl, config.get<string>('NODE_ENV') === 'production');
    this.from = config.get<string>('MAIL_FROM') ?? DEVELOPMENT_MAIL_FROM;
    this.domain = /@([^\s@<>]+)\s*>?\s*$/.exec(this.from)?.[1] ?? 'localhost';
    this.appUrl = (config.get<string>('APP_URL') ?? `http://localhost:${config.get<number>('PORT') ?? 3000}`).replace(/\/+$/, '');
    this.retrySeconds = config.getOrThrow<number>('MAIL_RETRY_SECONDS');
    this.maxAttempts = config.getOrThrow<number>('MAIL_MAX_ATTEMPTS');
    this.linkKey = createHmac('sha256', config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET).update('vicini-e-connessi mail unsubscribe links').digest();
  }

  /** The signed link that turns one kind of e-mail off for one account, without logging in. */
  unsubscribeUrl(userId: string, kind: string): string {
    return `${this.link(WEB_PAGES.unsubscribe)}?token=${encodeURIComponent(`${userId}.${kind}.${this.sign(userId, kind)}`)}`;
  }

  /** The account and kind a link's token names, if its signature is ours; null otherwise. */
  readUnsubscribeToken(token: string): { userId: string; kind: string } | null {
    const match = /^([0-9a-f-]{36})\.([A-Z_]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return null;
    const [, userId, kind, signature] = match;
    const expected = Buffer.from(this.sign(userId, kind));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
  }

  private sign(userId: string, kind: string): string {
    return createHmac('sha256', this.linkKey).update(`${userId}:${kind}`).digest('base64url');
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
