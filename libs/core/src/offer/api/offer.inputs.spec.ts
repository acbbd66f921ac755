import { ArgumentMetadata } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { createValidationPipe } from '../../api/validation';
import { CreateOfferInput, UpdateOfferInput } from './offer.inputs';

const pipe = createValidationPipe();
const asBody = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

const valid = {
  title: '  Sito web gratuito  ',
  description: 'Un sito web per la tua bottega, pronto in una settimana.',
  categories: ['WEBSITE'],
  coverage: { national: false, regionCodes: ['12'], provinceCodes: [], comuneCodes: [], radii: [{ comuneCode: '058091', km: 20 }] },
  capacity: 5,
  freePeriodMonths: 12,
  conditions: 'Gratuito per un anno, senza obbligo di rinnovo.',
  validFrom: new Date('2026-12-01T00:00:00Z'),
  validUntil: new Date('2027-06-01T00:00:00Z'),
};

const fieldsOf = async (value: object, metatype: ArgumentMetadata['metatype']): Promise<unknown> => {
  const error: unknown = await pipe.transform(value, asBody(metatype)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphQLError);
  return (error as GraphQLError).extensions.fields;
};

describe('offer inputs through the global validation pipe', () => {
  it('accepts a complete offer, trimmed, with typed nested coverage', async () => {
    const input = (await pipe.transform(valid, asBody(CreateOfferInput))) as CreateOfferInput;
    expect(input.title).toBe('Sito web gratuito');
    expect(input.coverage.radii[0]).toMatchObject({ comuneCode: '058091', km: 20 });
  });

  it('refuses an end before the start, in English and Italian', async () => {
    expect(await fieldsOf({ ...valid, validUntil: new Date('2026-11-01T00:00:00Z') }, CreateOfferInput)).toEqual([
      { field: 'validUntil', code: 'isAfter', message: 'validUntil must be after validFrom', messageIt: 'validUntil deve venire dopo «validFrom»' },
    ]);
  });

  it('names nested fields by their path', async () => {
    const coverage = { ...valid.coverage, provinceCodes: ['58'], radii: [{ comuneCode: '058091', km: 0 }] };
    expect(await fieldsOf({ ...valid, coverage }, CreateOfferInput)).toEqual([
      expect.objectContaining({ field: 'coverage.provinceCodes', code: 'matches' }),
      expect.objectContaining({ field: 'coverage.radii.0.km', code: 'min', messageIt: 'coverage.radii.0.km deve essere almeno 1' }),
    ]);
  });

  it('refuses null for a field an update may only omit', async () => {
    const id = '5f0c7f55-3a8e-4c64-9a43-2f7f1b9a8b10';
    expect(await fieldsOf({ id, capacity: null }, UpdateOfferInput)).toEqual([
      { field: 'capacity', code: 'isDefined', message: 'capacity cannot be null: omit it to keep the current value', messageIt: 'capacity non può essere null: omettilo per mantenere il valore attuale' },
    ]);
    await expect(pipe.transform({ id, validUntil: null }, asBody(UpdateOfferInput))).resolves.toMatchObject({ validUntil: null });
  });
});
