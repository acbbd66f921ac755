import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CookieOptions, Request, Response } from 'express';
import { requestContextFromHttp } from '../../../api/request-context';
import type { Environment } from '../../../config/environment';
import { DEVELOPMENT_JWT_SECRET } from '../../../config/production-checks';
import { PRIVACY_NOTICE_VERSION } from '../../../privacy/privacy-notice';
import { ThrottleException } from '../../../throttle/throttle.exception';
import { AddressLimit, ThrottleService } from '../../../throttle/throttle.service';
import { Public } from '../../api/auth.decorators';
import { SessionCookie } from '../../api/session-cookie';
import { readIdentity } from '../identity-claims';
import { OidcClientService } from '../oidc-client.service';
import { OidcSignInService } from '../oidc-sign-in.service';
import { OidcErrorCode, OidcException } from '../oidc.exception';
import { openPendingLogin, PENDING_LOGIN_TTL_MS, pendingLoginKey, sealPendingLogin } from '../pending-login';
import { OIDC_ROUTE } from './oidc.models';

/** Pages of the web app the flow ends on (apps/web/src/routes.ts). */
const WEB_SIGNED_IN = '/accedi/identita-digitale';
const WEB_LOGIN = '/accedi';

/**
 * The browser's side of sign-in with SPID, CIE or another OpenID provider: `login` sends it to the
 * provider, `callback` is where the provider sends it back, with a code redeemed for the person's
 * identity. The session is then opened as for a password sign-in: the refresh token in the same
 * HttpOnly cookie, which the web app exchanges for an access token on the page it lands on.
 * Failures end on the web app's login page with a code it explains (`?errore=…`), never an error page.
 *
 * Why a controller and not a Passport strategy: openid-client's own strategy keeps the state, nonce
 * and code verifier in an express-session, which this API does not run (its processes are stateless
 * and share nothing but PostgreSQL). Here they travel in a short-lived signed cookie instead, and
 * the library is called directly for every check it offers.
 */
@Public()
@Controller(OIDC_ROUTE)
export class OidcController {
  private readonly logger = new Logger('OidcSignIn');
  private readonly key: Buffer;
  private readonly appUrl: string | undefined;
  private readonly pendingCookie: { name: string; options: CookieOptions };

  constructor(
    config: ConfigService<Environment, true>,
    private readonly client: OidcClientService,
    private readonly signIn: OidcSignInService,
    private readonly throttle: ThrottleService,
    private readonly sessionCookie: SessionCookie,
  ) {
    this.key = pendingLoginKey(config.get('JWT_SECRET', { infer: true }) ?? DEVELOPMENT_JWT_SECRET);
    this.appUrl = config.get('APP_URL', { infer: true })?.replace(/\/+$/, '');
    // SameSite=Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
    const secure = sessionCookie.name.startsWith('__Secure-');
    this.pendingCookie = {
      name: secure ? '__Secure-vec_oidc' : 'vec_oidc',
      options: { httpOnly: true, secure, sameSite: 'lax', path: `/${OIDC_ROUTE}`, maxAge: PENDING_LOGIN_TTL_MS },
    };
  }

  /** Our `jwks_uri`: the public keys identity providers check our signatures with (never a private member). */
  @Get('jwks.json')
  jwks(@Res() res: Response): void {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(this.client.publicKeys());
  }

  /**
   * `?informativa=<version>`: the privacy notice the page showed beside the button; when it is the
   * one in force and the browser comes from one of the platform's own pages (a click on its
   * button), an account this sign-in opens records it as accepted. Otherwise (a link elsewhere, a
   * bookmark) no account is opened: the person is sent to the login page, which shows the notice.
   */
  @Get(':provider/login')
  async login(@Param('provider') providerId: string, @Query('informativa') notice: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    try {
      const noticeVersion = notice === PRIVACY_NOTICE_VERSION && this.fromOwnPage(req) ? PRIVACY_NOTICE_VERSION : null;
      const { url, pending } = await this.client.start(providerId, this.redirectUri(req, providerId), Date.now(), noticeVersion);
      res.cookie(this.pendingCookie.name, sealPendingLogin(this.key, pending), this.pendingCookie.options);
      res.redirect(303, url.href);
    } catch (error) {
      this.fail(res, error, providerId);
    }
  }

  @Get(':provider/callback')
  async callback(@Param('provider') providerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    const ctx = requestContextFromHttp(req);
    const cookies = req.cookies as Record<string, unknown> | undefined;
    const sealed = cookies?.[this.pendingCookie.name];
    // One use only, whatever happens next.
    res.clearCookie(this.pendingCookie.name, { ...this.pendingCookie.options, maxAge: undefined });
    try {
      await this.throttle.consume(ctx, AddressLimit.LOGIN);
      const pending = openPendingLogin(this.key, typeof sealed === 'string' ? sealed : undefined, ctx.now.getTime());
      if (!pending || pending.providerId !== providerId) throw new OidcException(OidcErrorCode.LOGIN_EXPIRED);
      const callbackUrl = new URL(this.redirectUri(req, providerId));
      callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
      const claims = await this.client.finish(callbackUrl, pending);
      const provider = this.client.provider(providerId);
      const publicIdentity = provider.kind !== 'oidc';
      const reading = readIdentity(claims, { publicIdentity });
      if (!reading.ok) throw new OidcException(OidcErrorCode.MISSING_CLAIMS, `missing ${reading.missing.join(', ')}`);
      const outcome = await this.signIn.signIn(ctx, { id: providerId, publicIdentity }, reading.identity, { noticeVersion: pending.noticeVersion });
      if (outcome.kind === 'refused') throw new OidcException(outcome.code);
      this.sessionCookie.set(res, outcome.session.refreshToken);
      res.redirect(303, this.webUrl(WEB_SIGNED_IN));
    } catch (error) {
      this.fail(res, error, providerId);
    }
  }

  /**
   * Whether the browser followed a link on one of the platform's own pages: what it says in
   * Sec-Fetch-Site, or, from a browser that does not send it, the origin of its Referer.
   */
  private fromOwnPage(req: Request): boolean {
    const site = req.get('sec-fetch-site');
    if (site !== undefined) return site === 'same-origin';
    const referer = req.get('referer');
    if (!referer) return false;
    try {
      return new URL(referer).origin === new URL(this.appUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).origin;
    } catch {
      return false;
    }
  }

  /** Where the provider sends the browser back: registered with the provider, so from APP_URL when it is set. */
  private redirectUri(req: Request, providerId: string): string {
    const base = this.appUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return `${base}/${OIDC_ROUTE}/${encodeURIComponent(providerId)}/callback`;
  }

  private webUrl(path: string): string {
    return `${this.appUrl ?? ''}${path}`;
  }

  private fail(res: Response, error: unknown, providerId: string): void {
    const code = error instanceof OidcException ? error.code : error instanceof ThrottleException ? OidcErrorCode.TOO_MANY_ATTEMPTS : null;
    if (code === null) {
      this.logger.error(`Sign-in with identity provider ${providerId} failed unexpectedly`, error instanceof Error ? error.stack : String(error));
    } else if (code !== OidcErrorCode.DENIED) {
      this.logger.warn(`Sign-in with identity provider ${providerId} refused: ${error instanceof OidcException ? error.message : code}`);
    }
    res.redirect(303, this.webUrl(`${WEB_LOGIN}?errore=${code ?? OidcErrorCode.PROVIDER_ERROR}`));
  }
}
