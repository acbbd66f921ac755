import { codeOf, describeFailure, judgeFailure } from './mail-failure';

describe('a failed attempt at an e-mail', () => {
  it.each([
    ['a 4xx reply to the message', { code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 Try again later', command: 'DATA' }, 'TEMPORARY'],
    ['a 4xx reply to the recipient', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }, 'TEMPORARY'],
    ['a 5xx reply', { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' }, 'PERMANENT'],
    ['a refused connection', { code: 'ECONNECTION', command: 'CONN' }, 'TEMPORARY'],
    ['a greeting that never came', { code: 'ETIMEDOUT', command: 'CONN' }, 'TEMPORARY'],
    ['a connection that went silent after the message', { code: 'ETIMEDOUT', command: 'DATA' }, 'UNKNOWN'],
    ['a socket closed mid-way', { code: 'ESOCKET' }, 'UNKNOWN'],
    ['something that is not an SMTP error', new Error('boom'), 'UNKNOWN'],
  ])('%s is %s', (_what, error, verdict) => {
    expect(judgeFailure(error)).toBe(verdict);
  });

  it('is described by the server’s reply when there is one, else by what went wrong', () => {
    expect(describeFailure({ response: '550 5.1.1 No such user', message: 'Can not send mail' })).toBe('550 5.1.1 No such user');
    expect(describeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNECTION' }))).toBe('ECONNECTION: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('is logged by its codes alone, never by the reply that may quote the address', () => {
    expect(codeOf({ code: 'EENVELOPE', responseCode: 550, response: '550 <someone@example.it>: no such user' })).toBe('550 EENVELOPE');
    expect(codeOf(new Error('boom'))).toBe('no code');
  });
});
