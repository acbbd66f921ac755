import { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { GraphQLError } from 'graphql';
import { CreateOfferInput, OfferCoverageInput, OfferSectorsInput } from '../offer/api/offer.inputs';
import { resolveCoverage } from '../offer/offer-coverage.input';
import { OfferException } from '../offer/offer.exception';
import { VerifyProviderInput } from '../provider/api/provider.inputs';
import { RegisterShopInput, UpdateShopInput } from '../shop/api/shop.inputs';
import { TerritoryService } from '../territory/territory.service';
import { ComuniArgs } from '../territory/api/territory.args';
import { fieldPath } from '../common/field-path';
import { RequestContext } from '../common/request-context';
import { FieldError } from './user-input.error';
import type { RuleWords } from './input-rules';
import { createValidationPipe } from './validation';

const pipe = createValidationPipe();
const args = (metatype: ArgumentMetadata['metatype'], data?: string): ArgumentMetadata => ({ type: 'body', metatype, data });

async function fieldErrors(value: object, metadata: ArgumentMetadata): Promise<FieldError[]> {
  const error: unknown = await pipe.transform(value, metadata).catch((e: unknown) => e);
  if (!(error instanceof GraphQLError)) throw new Error('the pipe accepted the input');
  expect(error.extensions.code).toBe('BAD_USER_INPUT');
  return error.extensions.fields as FieldError[];
}

const anOffer = (radius: object): object => ({
  title: 'Vetrina online',
  description: 'Un negozio online pronto in una settimana.',
  categories: ['ONLINE_STORE'],
  coverage: { national: false, regionCodes: [], provinceCodes: [], comuneCodes: [], radii: [radius] },
  capacity: 10,
  freePeriodMonths: 6,
  conditions: 'Gratuito per sei mesi, senza rinnovo automatico.',
  validFrom: new Date('2026-01-01T00:00:00Z'),
});

describe('the global validation pipe', () => {
  it('passes valid arguments through, trimmed and typed', async () => {
    await expect(pipe.transform({ search: '  agli ', first: 5 }, args(ComuniArgs))).resolves.toMatchObject({ search: 'agli', first: 5 });
  });

  it('tells a required field left blank that it is required, whatever rule the blank broke first; an optional one keeps its rule', async () => {
    const errors = await fieldErrors({ ...anOffer({ comuneCode: '058091', km: 10 }), title: '  ', conditions: '' }, args(CreateOfferInput, 'input'));
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'input.title', code: 'minLength', message: 'input.title is required', messageIt: 'input.title è un campo obbligatorio' },
        { field: 'input.conditions', code: 'minLength', message: 'input.conditions is required', messageIt: 'input.conditions è un campo obbligatorio' },
      ]),
    );
    const short = await fieldErrors({ ...anOffer({ comuneCode: '058091', km: 10 }), title: 'V' }, args(CreateOfferInput, 'input'));
    expect(short).toEqual([expect.objectContaining({ field: 'input.title', code: 'minLength', message: expect.stringContaining('at least') })]);
  });

  it('names every bad field with the reason in plain English and Italian', async () => {
    expect(await fieldErrors({ search: '   ', provinceCode: '1', first: 0 }, args(ComuniArgs))).toEqual(
      expect.arrayContaining([
        { field: 'search', code: 'isNotEmpty', message: 'search must not be empty', messageIt: 'search non può restare in bianco' },
        {
          field: 'provinceCode',
          code: 'matches',
          message: 'provinceCode must be chosen from the list of provinces (a 3-digit ISTAT code such as 001)',
          messageIt: 'provinceCode va scelta dall’elenco delle province',
        },
        { field: 'first', code: 'min', message: 'first must be at least 1', messageIt: 'first deve essere almeno 1' },
      ]),
    );
  });

  it('refuses fields the input does not declare', async () => {
    expect(await fieldErrors({ search: 'a', admin: true }, args(ComuniArgs))).toEqual([
      { field: 'admin', code: 'whitelistValidation', message: 'admin is not a field of this input: leave it out', messageIt: 'admin non è un campo ammesso: toglilo' },
    ]);
  });

  it('starts the path with the argument’s name, as the services do: one convention, dotted with list positions as numbers', async () => {
    const [tooWide] = await fieldErrors(anOffer({ comuneCode: '001001', km: 900 }), args(CreateOfferInput, 'input'));
    expect(tooWide).toMatchObject({ field: 'input.coverage.radii.0.km', message: 'input.coverage.radii.0.km must be at most 500' });

    // The same radius, now refused by the service (no centre): the path names the same list entry.
    const input = Object.assign(new CreateOfferInput(), anOffer({ km: 10 })) as CreateOfferInput;
    const refusal: unknown = await resolveCoverage(RequestContext.system(), {} as TerritoryService, input.coverage).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(OfferException);
    expect((refusal as OfferException).field).toBe(fieldPath('input', 'coverage', 'radii', 0));
    expect(tooWide.field.startsWith(`${(refusal as OfferException).field}.`)).toBe(true);
  });

  it('says a missing reason is missing when staff reject a provider, rather than that it is too long', async () => {
    const [missing] = await fieldErrors({ providerId: '6f1c1c2e-8b0a-4a52-9d8f-1f6f0d1f7a11', decision: 'REJECTED' }, args(VerifyProviderInput, 'input'));
    expect(missing).toEqual({
      field: 'input.reason',
      code: 'isDefined',
      message: 'input.reason is required to reject or suspend: explain the decision, the organisation will read it',
      messageIt: 'input.reason è un campo obbligatorio per respingere o sospendere: spiega la decisione, l’organizzazione la leggerà',
    });
  });

  it('words the ATECO and comune rules for people, not as formats', async () => {
    const errors = await fieldErrors(
      {
        legalName: 'Forno Rossi',
        partitaIva: '01234567897',
        atecoSection: 'GG',
        atecoDivision: '4',
        comuneCode: '1001',
        address: 'Via Roma 1',
        employees: 2,
        contactEmail: 'forno@example.it',
      },
      args(RegisterShopInput, 'input'),
    );
    const italian = Object.fromEntries(errors.map((e) => [e.field, e.messageIt]));
    expect(italian).toMatchObject({
      'input.atecoSection': 'input.atecoSection deve essere una lettera da A a V (la sezione del codice ATECO)',
      'input.atecoDivision': 'input.atecoDivision deve essere formata dalle due cifre della divisione ATECO, per esempio 47',
      'input.comuneCode': 'input.comuneCode va scelto dall’elenco dei comuni',
    });
    expect(errors.map((e) => e.messageIt).join(' ')).not.toMatch(/formato richiesto|ISTAT|cifre\)/);
  });

  it('gives every format rule (Matches) words of its own from the catalogue, in both languages', () => {
    const rules = [CreateOfferInput, OfferCoverageInput, OfferSectorsInput, RegisterShopInput, UpdateShopInput]
      .flatMap((input) => getMetadataStorage().getTargetValidationMetadatas(input, '', true, false))
      .filter((rule) => rule.name === 'matches' || rule.constraints?.[0] instanceof RegExp);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const words = (rule.context as { words?: RuleWords } | undefined)?.words;
      expect([rule.propertyName, typeof words]).toEqual([rule.propertyName, 'function']);
      const { en, it } = (words as RuleWords)('input.x', rule.constraints ?? [], 'x');
      expect([rule.propertyName, en, it]).toEqual([rule.propertyName, expect.stringMatching(/^input\.x \S/), expect.stringMatching(/^input\.x \S/)]);
      expect(it).not.toBe(en);
    }
  });
});
