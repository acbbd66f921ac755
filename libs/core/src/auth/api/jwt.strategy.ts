import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { RequestContext, type Actor } from '../../common/request-context';
import { DEVELOPMENT_JWT_SECRET } from '../../config/production-checks';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { AuthService } from '../auth.service';

/**
 * The key as a KeyObject, made once: given a string or a buffer, jsonwebtoken first tries it as a
 * public key (an exception on every request) and then builds a secret key from it each time. It
 * accepts a KeyObject, which passport-jwt passes through although its types say string or Buffer.
 */
function verificationKey(secret: string): (request: unknown, token: unknown, done: (error: null, key: Buffer) => void) => void {
  const key = createSecretKey(Buffer.from(secret)) as unknown as Buffer;
  return (_request, _token, done) => done(null, key);
}

interface AccessTokenClaims {
  sub?: unknown;
  sid?: unknown;
  exp?: unknown;
}

/**
 * Verifies the bearer access token (signature, algorithm, expiry), then asks the database whether
 * its session is still live: a token outlives neither its logout nor a disabled account.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: verificationKey(config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET),
      algorithms: ['HS256'],
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    // A token without an expiry would be valid forever: only tokens this platform issued pass.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new AuthException(AuthErrorCode.NOT_AUTHENTICATED);
    }
    const actor = await this.auth.sessionActor(RequestContext.system(), claims.sub, claims.sid);
    if (!actor) throw new AuthException(AuthErrorCode.SESSION_ENDED);
    return { ...actor, sessionId: claims.sid };
  }
}
