import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../auth.module';
import { OidcClientService } from './oidc-client.service';
import { OidcSignInService } from './oidc-sign-in.service';

/**
 * Sign-in with SPID, CIE or another OpenID provider (OIDC_PROVIDERS): the relying party's side of
 * the flow (OidcClientService, through openid-client) and the accounts it reaches
 * (OidcSignInService). Owns `identity_link`; sessions are AuthService's, the same as a password
 * sign-in's. The HTTP routes and the GraphQL list of providers are in ./api.
 */
@Module({
  imports: [AuthModule, AuditModule],
  providers: [OidcClientService, OidcSignInService],
  exports: [OidcClientService, OidcSignInService],
})
export class OidcModule {}
