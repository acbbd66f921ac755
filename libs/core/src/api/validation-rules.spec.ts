import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLError } from 'graphql';
import { IsPartitaIva } from '../shop/api/partita-iva.validator';
import { asAlternatives, EmailAddress, identifies, Omittable, WebsiteAddress } from './input-rules';
import { IsAfter } from './is-after.validator';
import { FieldError } from './user-input.error';
import { createValidationPipe } from './validation';

enum Colour {
  RED = 'RED',
  GREEN = 'GREEN',
}

class Slot {
  @Min(1) @Max(12) month!: number;
}

/** One property per rule with arguments: the words must carry the arguments each was declared with. */
class Sample {
  @IsOptional() @IsInt() @Min(3) atLeast?: number;
  @IsOptional() @Max(7) atMost?: number;
  @IsOptional() @MinLength(5) short?: string;
  @IsOptional() @MaxLength(4) long?: string;
  @IsOptional() @ArrayMinSize(2) few?: string[];
  @IsOptional() @ArrayMaxSize(2) many?: string[];
  @IsOptional() @IsEnum(Colour) colour?: Colour;
  @IsOptional() @IsIn(['it', 'en']) lang?: string;
  @IsOptional() @IsIn(['SHOP', 'PROVIDER'], asAlternatives()) role?: string;
  @IsOptional() @Type(() => Date) from?: Date;
  @IsOptional() @Type(() => Date) @IsAfter('from') to?: Date;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Slot) slots?: Slot[];
}

/** Rules with words of their own, from the catalogue. */
class Worded {
  @IsOptional() @IsUUID() anyId?: string;
  @IsOptional() @IsPartitaIva() partitaIva?: string;
  @IsOptional() @IsUUID('all', identifies('offer')) offerId?: string;
  @IsString() @Omittable() name?: string;
}

class Organisation {
  @WebsiteAddress() website?: string | null;
}

class Account {
  @EmailAddress() email!: string;
}

const pipe = createValidationPipe();

async function refusal(value: object, metatype: ArgumentMetadata['metatype'] = Sample): Promise<Pick<FieldError, 'field' | 'code' | 'message' | 'messageIt'>> {
  const error: unknown = await pipe.transform(value, { type: 'body', metatype, data: 'input' }).catch((e: unknown) => e);
  if (!(error instanceof GraphQLError)) throw new Error('the pipe accepted the input');
  const fields = error.extensions.fields as FieldError[];
  expect(fields).toHaveLength(1);
  return fields[0];
}

describe('a rule with arguments, worded from the arguments it was declared with', () => {
  it.each([
    [{ atLeast: 2 }, 'input.atLeast', 'min', 'input.atLeast must be at least 3', 'input.atLeast deve essere almeno 3'],
    [{ atMost: 8 }, 'input.atMost', 'max', 'input.atMost must be at most 7', 'input.atMost non può superare 7'],
    [{ short: 'abc' }, 'input.short', 'minLength', 'input.short must have at least 5 characters', 'input.short deve avere almeno 5 caratteri'],
    [{ long: 'abcde' }, 'input.long', 'maxLength', 'input.long can have at most 4 characters', 'input.long può avere al massimo 4 caratteri'],
    [{ few: ['a'] }, 'input.few', 'arrayMinSize', 'input.few must list at least 2 items', 'input.few deve contenere almeno 2 elementi'],
    [{ many: ['a', 'b', 'c'] }, 'input.many', 'arrayMaxSize', 'input.many can list at most 2 items', 'input.many può contenere al massimo 2 elementi'],
    [{ colour: 'BLUE' }, 'input.colour', 'isEnum', 'input.colour must be one of: RED, GREEN', 'input.colour deve essere uno di questi valori: RED, GREEN'],
    [{ lang: 'fr' }, 'input.lang', 'isIn', 'input.lang must be one of: it, en', 'input.lang deve essere uno di questi valori: it, en'],
    [{ role: 'ADMIN' }, 'input.role', 'isIn', 'input.role must be SHOP or PROVIDER', 'input.role deve essere SHOP oppure PROVIDER'],
    [
      { from: '2026-05-02', to: '2026-05-01' },
      'input.to',
      'isAfter',
      'input.to must be after input.from',
      'input.to deve venire dopo «input.from»',
    ],
    [{ slots: [{ month: 1 }, { month: 13 }] }, 'input.slots.1.month', 'max', 'input.slots.1.month must be at most 12', 'input.slots.1.month non può superare 12'],
  ])('%j: %s', async (value, field, code, message, messageIt) => {
    expect(await refusal(value)).toEqual({ field, code, message, messageIt });
  });

  it('reads the arguments of the property that failed, not of another with the same rule', async () => {
    expect((await refusal({ atMost: 100 })).message).toBe('input.atMost must be at most 7');
    expect((await refusal({ slots: [{ month: 0 }] })).message).toBe('input.slots.0.month must be at least 1');
  });
});

describe('a rule with words of its own, taken from the catalogue', () => {
  it.each([
    ['123', 'input.partitaIva must be 11 digits', 'input.partitaIva deve essere di 11 cifre'],
    ['01234567899', 'input.partitaIva has a wrong check digit', 'input.partitaIva ha la cifra di controllo errata: ricontrolla le 11 cifre'],
    [
      '01234567897',
      'input.partitaIva has a VAT office code that does not exist (digits 8 to 10): check the digits',
      'input.partitaIva ha un codice dell’ufficio IVA che non esiste (cifre dall’8ª alla 10ª): ricontrolla le cifre',
    ],
  ])('a Partita IVA %s says which check it failed', async (partitaIva, message, messageIt) => {
    expect(await refusal({ partitaIva }, Worded)).toEqual({ field: 'input.partitaIva', code: 'isPartitaIva', message, messageIt });
  });

  it('names the thing an identifier stands for, or says it is one the platform gives', async () => {
    expect(await refusal({ anyId: 'abc' }, Worded)).toMatchObject({ message: 'input.anyId must be an identifier given by the platform' });
    expect(await refusal({ offerId: 'abc' }, Worded)).toEqual({
      field: 'input.offerId',
      code: 'isUuid',
      message: 'input.offerId must be an offer id',
      messageIt: 'input.offerId deve essere l’identificativo di un’offerta',
    });
  });

  it('says that a field left null keeps nothing, rather than that it is required', async () => {
    expect(await refusal({ name: null }, Worded)).toEqual({
      field: 'input.name',
      code: 'isDefined',
      message: 'input.name cannot be null: omit it to keep the current value',
      messageIt: 'input.name non può essere null: omettilo per mantenere il valore attuale',
    });
  });
});

describe('a website, read as people type it', () => {
  const accepted = async (website: unknown): Promise<unknown> =>
    ((await pipe.transform({ website }, { type: 'body', metatype: Organisation, data: 'input' })) as Organisation).website;

  it.each([
    ['www.esempio.it', 'https://www.esempio.it'],
    ['  esempio.it/negozio?x=1 ', 'https://esempio.it/negozio?x=1'],
    ['//www.esempio.it', 'https://www.esempio.it'],
    ['www.esempio.it:8443', 'https://www.esempio.it:8443'],
    ['http://esempio.it', 'http://esempio.it'],
    ['HTTPS://Esempio.it', 'HTTPS://Esempio.it'],
  ])('%j is kept as %j', async (typed, kept) => {
    expect(await accepted(typed)).toBe(kept);
  });

  it.each([[''], ['   '], [null]])('%j means no website', async (typed) => {
    expect(await accepted(typed)).toBeNull();
  });

  it.each([['esempio'], ['mailto:info@esempio.it'], ['ftp://esempio.it'], ['javascript:alert(1)'], ['https://utente:segreto@esempio.it'], ['localhost:3000'], [`www.${'a'.repeat(300)}.it`]])(
    'refuses %j, naming the field',
    async (typed) => {
      const error = await refusal({ website: typed }, Organisation);
      expect(error.field).toBe('input.website');
    },
  );

  it('says what a web address looks like', async () => {
    expect(await refusal({ website: 'esempio' }, Organisation)).toEqual({
      field: 'input.website',
      code: 'isUrl',
      message: 'input.website must be a web address, such as www.example.it',
      messageIt: 'input.website deve essere un indirizzo web, come www.esempio.it',
    });
  });
});

describe('an e-mail address, never a look-alike of another', () => {
  const read = async (email: string): Promise<string> =>
    ((await pipe.transform({ email }, { type: 'body', metatype: Account, data: 'input' })) as Account).email;

  it.each([
    [' Negozio@Vicini.Demo ', 'negozio@vicini.demo'],
    ['ｎｅｇｏｚｉｏ@ｖｉｃｉｎｉ.demo', 'negozio@vicini.demo'],
    ['negozio@vici\u200bni.demo', 'negozio@vicini.demo'],
    ['negozio@viсini.demo', 'negozio@xn--viini-2ye.demo'],
    ['info@città.it', 'info@xn--citt-3na.it'],
  ])('%j is read as %j', async (typed, kept) => {
    expect(await read(typed)).toBe(kept);
  });

  it.each([['negozio\u200b@vicini.demo'], ['neгozio@vicini.demo'], ['negozio@vicini.demo\u202e'], ['negòzio@vicini.demo'], ['Negozio <negozio@vicini.demo>'], ['negozio@[127.0.0.1]'], ['negozio@']])(
    'refuses %j, naming the field',
    async (typed) => {
      expect(await refusal({ email: typed }, Account)).toMatchObject({ field: 'input.email', code: 'isEmail' });
    },
  );
});
