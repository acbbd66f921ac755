import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { DEVELOPMENT_JWT_SECRET } from '../config/production-checks';
import { AuthService } from './auth.service';

/**
 * Accounts, passwords, sessions and the tokens that carry them: sign-up, sign-in with lockout,
 * refresh-token rotation with reuse detection, logout, staff accounts. Owns `user_account` and
 * `refresh_token`; others call AuthService (`actorOf`, `createUser`, …). Guards, strategies and the
 * session cookie are the API's, in ./api.
 */
@Module({
  imports: [
    AuditModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
