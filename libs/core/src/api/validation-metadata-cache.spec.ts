import { getMetadataStorage, IsInt, IsString, MaxLength, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  first!: number;
}

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers what class-validator answers, inherited rules included, once installed twice', async () => {
    cacheValidationMetadata();
    const rules = getMetadataStorage().getTargetValidationMetadatas(Child, '', true, false);
    expect(rules.map((rule) => `${rule.propertyName}:${rule.name ?? rule.type}`).sort()).toEqual(['first:isInt', 'first:min', 'name:isString']);
    const errors = await validate(Object.assign(new Child(), { name: 7, first: 0 }));
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['first', ['min']],
      ['name', ['isString']],
    ]);
  });

  it('sees a rule declared after a class was first validated', async () => {
    class Late {
      @IsString()
      title!: string;
    }
    expect(await validate(Object.assign(new Late(), { title: 'x'.repeat(20) }))).toEqual([]);
    MaxLength(10)(Late.prototype, 'title');
    const errors = await validate(Object.assign(new Late(), { title: 'x'.repeat(20) }));
    expect(errors.map((error) => Object.keys(error.constraints ?? {}))).toEqual([['maxLength']]);
  });
});
