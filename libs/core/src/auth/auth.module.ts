import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '../audit/audit.module';
import { DEVELOPMENT_JWT_SECRET } from '../config/production-checks';
import { MailModule } from '../mail/mail.module';
import { AccountAdminService } from './account-admin.service';
import { AccountLinks } from './account-links';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';

/**
 * Accounts, passwords, sessions and the tokens that carry them: sign-up, sign-in with lockout,
 * refresh-token rotation with reuse detection, logout, staff accounts, account administration
 * (disable and re-enable, staff roles; AccountAdminService); verified addresses, password reset and
 * changes of password or address through e-mailed links. Owns `user_account`, `refresh_token` and
 * `account_token`; others call AuthService (`actorOf`, `createUser`, …) and AccountService
 * (`unverifiedEmail`). Guards, strategies and the
 * session cookie are the API's, in ./api.
 */
@Module({
  imports: [
    AuditModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.get<string>('JWT_SECRET') ?? DEVELOPMENT_JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService, AccountLinks, AccountService, AccountAdminService],
  exports: [AuthService, AccountService, AccountAdminService],
})
export class AuthModule {}
