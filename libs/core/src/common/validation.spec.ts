import { ArgumentMetadata } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ComuniArgs } from '../territory/dto/territory.args';
import { createValidationPipe } from './validation';

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const metadata: ArgumentMetadata = { type: 'body', metatype: ComuniArgs };

  it('passes valid arguments through, trimmed and typed', async () => {
    await expect(pipe.transform({ search: '  agli ', first: 5 }, metadata)).resolves.toMatchObject({ search: 'agli', first: 5 });
  });

  it('names every bad field with the reason in English and Italian', async () => {
    const error: unknown = await pipe.transform({ search: '   ', provinceCode: '1', first: 0 }, metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(extensions.fields).toEqual(
      expect.arrayContaining([
        { field: 'search', code: 'isNotEmpty', message: 'search must not be empty', messageIt: 'search non può essere vuoto' },
        expect.objectContaining({ field: 'provinceCode', code: 'matches', message: 'provinceCode must be a 3-digit ISTAT province code' }),
        { field: 'first', code: 'min', message: 'first must not be less than 1', messageIt: 'first deve essere almeno 1' },
      ]),
    );
  });

  it('refuses fields the input does not declare', async () => {
    const error = (await pipe.transform({ search: 'a', admin: true }, metadata).catch((e: unknown) => e)) as GraphQLError;
    expect(error.extensions.fields).toEqual([expect.objectContaining({ field: 'admin', code: 'whitelistValidation' })]);
  });
});
