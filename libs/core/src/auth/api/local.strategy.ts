import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthService } from '../auth.service';
import { UserAccountEntity } from '../user-account.entity';
import { requestContextFromHttp } from '../../api/request-context';

/** E-mail and password login. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: Request, email: string, password: string): Promise<UserAccountEntity> {
    return this.auth.validateCredentials(requestContextFromHttp(req), email, password);
  }
}
