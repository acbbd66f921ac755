import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { Environment } from '../../config/environment';
import { AuthModule } from '../auth.module';
import { AccountAdminResolver } from './account-admin.resolver';
import { AuthExceptionFilter, WeakPasswordExceptionFilter } from './auth.errors';
import { JwtAuthGuard, RolesGuard } from './auth.guards';
import { AccountResolver } from './account.resolver';
import { AuthResolver } from './auth.resolver';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { SessionCookie } from './session-cookie';

/** Sign-in over GraphQL, the refresh cookie, and the guards every resolver and route passes. */
@Module({
  imports: [AuthModule, PassportModule],
  providers: [
    {
      provide: SessionCookie,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const setting = config.get('COOKIE_SECURE', { infer: true });
        return new SessionCookie(setting === 'auto' ? config.get('NODE_ENV', { infer: true }) === 'production' : setting === 'true');
      },
    },
    AuthResolver,
    AccountResolver,
    AccountAdminResolver,
    LocalStrategy,
    JwtStrategy,
    // Order matters: authenticate first, then check roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: AuthExceptionFilter },
    { provide: APP_FILTER, useClass: WeakPasswordExceptionFilter },
  ],
  exports: [SessionCookie],
})
export class AuthApiModule {}
