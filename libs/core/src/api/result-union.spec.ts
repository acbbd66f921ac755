import { memberOf } from './result-union';
import { modelOf } from './model-instance';

class Done {
  id!: string;
}
class Refused {
  readonly code = 'REFUSED' as const;
}
class Other {
  readonly code = 'REFUSED' as const;
}

const MEMBERS = [Done, Refused] as const;

describe('a result union', () => {
  it('resolves a value to the member it is an instance of', () => {
    expect(memberOf('Result', MEMBERS, modelOf(Done, { id: 'a' }))).toBe(Done);
    expect(memberOf('Result', MEMBERS, new Refused())).toBe(Refused);
  });

  it('refuses a bare object even when its code matches a member, rather than falling back to success', () => {
    expect(() => memberOf('Result', MEMBERS, { code: 'REFUSED' })).toThrow('Result: a Object is not one of Done, Refused');
    expect(() => memberOf('Result', MEMBERS, { id: 'a' })).toThrow(/is not one of/);
  });

  it('refuses an instance of a class it does not declare, and values that are not objects', () => {
    expect(() => memberOf('Result', MEMBERS, new Other())).toThrow('Result: a Other is not one of Done, Refused');
    expect(() => memberOf('Result', MEMBERS, null)).toThrow('Result: a object is not one of');
    expect(() => memberOf('Result', MEMBERS, 'Done')).toThrow('Result: a string is not one of');
  });
});

describe('a model built by modelOf', () => {
  it('is an instance of its class with the given fields', () => {
    const done = modelOf(Done, { id: 'a' });
    expect(done).toBeInstanceOf(Done);
    expect(done.id).toBe('a');
  });
});
