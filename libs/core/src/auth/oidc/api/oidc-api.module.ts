import { Module } from '@nestjs/common';
import { AuthApiModule } from '../../api/auth-api.module';
import { OidcModule } from '../oidc.module';
import { OidcController } from './oidc.controller';
import { OidcResolver } from './oidc.resolver';

/** Sign-in with SPID, CIE or another OpenID provider: the browser's routes and the list of providers for the web app. */
@Module({
  imports: [OidcModule, AuthApiModule],
  controllers: [OidcController],
  providers: [OidcResolver],
})
export class OidcApiModule {}
