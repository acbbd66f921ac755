import type { CookieOptions, Request, Response } from 'express';

/**
 * The refresh token of a browser session, in a cookie that scripts cannot read (HttpOnly), that
 * is sent only to the GraphQL endpoint, only by this site (SameSite=Strict) and, in production,
 * only over HTTPS (Secure, with the __Secure- prefix that browsers enforce). It lasts as long as
 * the browser runs; the server's own expiry still applies. Integrators keep the token in the body.
 */
export class SessionCookie {
  readonly name: string;

  constructor(private readonly secure: boolean) {
    this.name = secure ? '__Secure-vec_refresh' : 'vec_refresh';
  }

  private options(): CookieOptions {
    return { httpOnly: true, secure: this.secure, sameSite: 'strict', path: '/graphql' };
  }

  read(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[this.name];
    return typeof value === 'string' && value ? value : undefined;
  }

  set(res: Response, refreshToken: string): void {
    res.cookie(this.name, refreshToken, this.options());
  }

  clear(res: Response): void {
    res.clearCookie(this.name, this.options());
  }
}
