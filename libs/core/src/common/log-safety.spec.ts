import { QueryFailedError } from 'typeorm';
import { loggableError, redactText } from './log-safety';

describe('what errors may put in a log', () => {
  it('keeps a failed statement’s SQLSTATE and schema names, not its parameters or the values PostgreSQL quotes back', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "mario.rossi@example.it"'), { code: '22P02', table: 'shop' });
    const error = new QueryFailedError('SELECT * FROM shop WHERE id = $1 AND email = $2', ['x', 'mario.rossi@example.it'], driverError);
    const { message, stack } = loggableError(error);
    expect(message).toBe('SQL error 22P02 (table shop): invalid input syntax for type uuid: "…"');
    expect(stack).not.toContain('mario');
    expect(stack).not.toContain('$2');
  });

  it('keeps the names of the constraint a unique violation breaks', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "shop_partita_iva_key"'), {
      code: '23505',
      table: 'shop',
      constraint: 'shop_partita_iva_key',
    });
    const { message } = loggableError(new QueryFailedError('INSERT …', ['01234567897'], driverError));
    expect(message).toBe('SQL error 23505 (table shop, constraint shop_partita_iva_key): duplicate key value violates unique constraint "shop_partita_iva_key"');
  });

  it('removes e-mail addresses and tokens from any error', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWhlcmU';
    const { message, stack } = loggableError(new Error(`login of anna@comune.it failed with Bearer ${token} and 7f1c0c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f.abcdefghijklmnopqrstuvwxyz012345`));
    expect(message).toBe('Error: login of <e-mail> failed with Bearer <token> and <token>');
    expect(stack?.split('\n')[0]).toBe(message);
    expect(redactText('nessun dato personale')).toBe('nessun dato personale');
  });
});
