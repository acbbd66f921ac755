import { QueryFailedError } from 'typeorm';
import { GraphQLError, Source } from 'graphql';
import { formatGraphQLError } from './graphql-errors';
import { queryTooComplex } from './query-cost';

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

describe('formatGraphQLError and a database that did not answer in time', () => {
  it('tells it as SERVICE_UNAVAILABLE with a retry, wherever it was thrown (a field resolver too), and not what the SQL was', () => {
    const cases = [
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' })),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
    ];
    for (const cause of cases) {
      const error = new GraphQLError(cause.message, { path: ['offer', 'provider'], originalError: cause });
      const formatted = formatGraphQLError({ message: cause.message, path: ['offer', 'provider'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      expect(formatted).toEqual({
        message: expect.stringMatching(/^The platform is too busy to answer now/),
        path: ['offer', 'provider'],
        locations: undefined,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5, messageIt: expect.stringMatching(/^La piattaforma è troppo occupata/) },
      });
    }
  });

  it('still masks other database errors', () => {
    const cause = new QueryFailedError('SELECT 1', [], Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }));
    const error = new GraphQLError(cause.message, { originalError: cause });
    expect(formatGraphQLError({ message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('formatGraphQLError and requests Apollo refuses before running them', () => {
  it('reports a persisted query whose hash does not match, or of an unknown version, as BAD_REQUEST with Apollo’s words', () => {
    for (const message of ['provided sha does not match query', 'Unsupported persisted query version']) {
      const original = new GraphQLError(message, { extensions: { http: { status: 400, headers: new Map() } } });
      expect(formatGraphQLError({ message, extensions: {} }, original)).toEqual({ message, extensions: { code: 'BAD_REQUEST' } });
    }
  });

  it('still masks an error without a code that carries no client status', () => {
    const original = new GraphQLError('socket hang up');
    expect(formatGraphQLError({ message: original.message, extensions: {} }, original).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    const server = new GraphQLError('upstream failed', { extensions: { http: { status: 502 } } });
    expect(formatGraphQLError({ message: server.message, extensions: {} }, server).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('formatGraphQLError and the operation limits', () => {
  it('reports the token limit as QUERY_TOO_COMPLEX with the length of the document', () => {
    const source = new Source(`{ ${'a '.repeat(30)}}`);
    const original = new GraphQLError('Syntax Error: Document contains more that 10 tokens. Parsing aborted.', { source, positions: [0] });
    const formatted = formatGraphQLError({ message: original.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, original);
    expect(formatted.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 10, found: 32, messageIt: expect.stringContaining('oltre il limite di 10') });
  });

  it('keeps the limit a validation rule reported, instead of GRAPHQL_VALIDATION_FAILED', () => {
    const original = queryTooComplex('depth', 10, 13);
    const wrapped = new GraphQLError(original.message, { originalError: original, extensions: { ...original.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = formatGraphQLError({ message: wrapped.message, extensions: wrapped.extensions }, wrapped);
    expect(formatted.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 10, found: 13 });
    expect(formatted.extensions).not.toHaveProperty('http');
  });
});
