import { ValidationOptions, registerDecorator } from 'class-validator';
import { parseIdentityProviders } from '../auth/oidc/oidc-provider-config';

/** Every problem of an OIDC_PROVIDERS value, by entry and field; '' when there is none. */
export function identityProvidersProblem(value: unknown): string {
  const result = parseIdentityProviders(typeof value === 'string' ? value : undefined);
  return result.ok ? '' : result.problems.map(({ where, words }) => `${where} ${words.en}`.trim()).join('; ');
}

/** OIDC_PROVIDERS as the sign-in with SPID, CIE or another OpenID provider reads it: checked at start. */
export function IsIdentityProviders(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIdentityProviders',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && identityProvidersProblem(value) === '',
        defaultMessage: (args) => identityProvidersProblem(args?.value),
      },
    });
}
