import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { modelOf } from '../../../api/model-instance';
import type { IdentityProviderSummary } from '../oidc-client.service';

export enum IdentityProviderKindEnum {
  SPID = 'SPID',
  CIE = 'CIE',
  OIDC = 'OIDC',
}

registerEnumType(IdentityProviderKindEnum, {
  name: 'IdentityProviderKind',
  description: 'SPID and CIE follow the Italian OpenID Connect profiles (their buttons read "Entra con SPID" and "Entra con CIE"); OIDC is another OpenID provider.',
});

@ObjectType('SignInProvider', { description: 'An identity provider people can sign in with: send the browser to `loginPath`.' })
export class SignInProviderModel {
  @Field(() => ID) id!: string;
  @Field(() => IdentityProviderKindEnum) kind!: IdentityProviderKindEnum;
  @Field({ description: 'The provider’s name, for people.' }) name!: string;
  @Field({ description: 'Where the browser starts the sign-in (a GET that leads to the provider and back).' }) loginPath!: string;
}

const KIND: Record<IdentityProviderSummary['kind'], IdentityProviderKindEnum> = {
  spid: IdentityProviderKindEnum.SPID,
  cie: IdentityProviderKindEnum.CIE,
  oidc: IdentityProviderKindEnum.OIDC,
};

export const OIDC_ROUTE = 'auth/oidc';

export const toSignInProviderModel = (provider: IdentityProviderSummary): SignInProviderModel =>
  modelOf(SignInProviderModel, { id: provider.id, kind: KIND[provider.kind], name: provider.name, loginPath: `/${OIDC_ROUTE}/${provider.id}/login` });
