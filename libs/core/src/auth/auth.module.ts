import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module';
import { DEVELOPMENT_JWT_SECRET } from '../config/production-checks';
import { AuthExceptionFilter } from './auth.exception';
import { AuthResolver } from './api/auth.resolver';
import { AuthService } from './auth.service';
import { JwtAuthGuard, RolesGuard } from './api/auth.guards';
import { JwtStrategy } from './api/jwt.strategy';
import { LocalStrategy } from './api/local.strategy';
import { SessionCookie } from './api/session-cookie';
import type { Environment } from '../config/environment';

@Module({
  imports: [
    AuditModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    AuthService,
    {
      provide: SessionCookie,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const setting = config.get('COOKIE_SECURE', { infer: true });
        return new SessionCookie(setting === 'auto' ? config.get('NODE_ENV', { infer: true }) === 'production' : setting === 'true');
      },
    },
    AuthResolver,
    LocalStrategy,
    JwtStrategy,
    // Order matters: authenticate first, then check roles.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_FILTER, useClass: AuthExceptionFilter },
  ],
  exports: [AuthService],
})
export class AuthModule {}
