import { formatGraphQLError } from './graphql-errors';

describe('formatGraphQLError', () => {
  it('masks unexpected errors: no message, no stack', () => {
    const formatted = formatGraphQLError({
      message: 'relation "comune" does not exist',
      path: ['comuni'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at Query.run (pg.js:1)'] },
    });
    expect(formatted).toEqual({ message: 'Internal server error', path: ['comuni'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps client errors as they are, without the stack', () => {
    const formatted = formatGraphQLError({
      message: 'Invalid input',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code' }], stacktrace: ['x'] },
    });
    expect(formatted).toEqual({ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code' }] } });
  });
});
