import { Query, Resolver } from '@nestjs/graphql';
import { ListSize } from '../../../api/query-cost';
import { Public } from '../../api/auth.decorators';
import { OidcClientService } from '../oidc-client.service';
import { MAX_IDENTITY_PROVIDERS } from '../oidc-provider-config';
import { SignInProviderModel, toSignInProviderModel } from './oidc.models';

@Public()
@Resolver()
export class OidcResolver {
  constructor(private readonly oidc: OidcClientService) {}

  @ListSize(MAX_IDENTITY_PROVIDERS)
  @Query(() => [SignInProviderModel], { description: 'The identity providers (SPID, CIE, …) people can sign in with; empty when none is configured.' })
  signInProviders(): SignInProviderModel[] {
    return this.oidc.list().map(toSignInProviderModel);
  }
}
