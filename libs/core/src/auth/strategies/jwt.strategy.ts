import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../../common/request-context';
import { DEVELOPMENT_JWT_SECRET } from '../../config/environment';
import { UserRole } from '../user-role';

interface AccessTokenClaims {
  sub: string;
  role: UserRole;
}

/** Verifies the bearer access token; the actor comes from its claims, with no database round trip. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: ConfigService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET,
      algorithms: ['HS256'],
    });
  }

  validate(claims: AccessTokenClaims): Actor {
    return { userId: claims.sub, role: claims.role };
  }
}
