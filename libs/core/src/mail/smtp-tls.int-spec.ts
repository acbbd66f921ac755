import { createTransport } from 'nodemailer';
import { startLoopbackSmtp, type LoopbackSmtp } from '../testing/loopback-smtp';
import { smtpRequiresTls } from './mail-settings';

describe('TLS to the SMTP server in production', () => {
  it.each([
    ['a plain smtp:// server elsewhere, in production', 'smtp://user:secret@mail.example.org:587', true, true],
    ['the same server by address', 'smtp://user:secret@203.0.113.7:587', true, true],
    ['an IPv6 server', 'smtp://[2001:db8::25]:587', true, true],
    ['a relay on this machine', 'smtp://localhost:25', true, false],
    ['a relay on the loopback address', 'smtp://127.0.0.1:2525', true, false],
    ['a relay on the IPv6 loopback', 'smtp://[::1]:25', true, false],
    ['smtps://, TLS from the start', 'smtps://user:secret@mail.example.org:465', true, false],
    ['outside production', 'smtp://user:secret@mail.example.org:587', false, false],
    ['no server', undefined, true, false],
  ])('%s', (_what, url, production, required) => {
    expect(smtpRequiresTls(url, production)).toBe(required);
  });

  describe('with a server that offers no STARTTLS (or whose offer was stripped on the way)', () => {
    let smtp: LoopbackSmtp;
    beforeAll(async () => {
      smtp = await startLoopbackSmtp();
    });
    afterAll(() => smtp.close());
    const send = (requireTLS: boolean) =>
      createTransport({ url: smtp.url, requireTLS }).sendMail({ from: 'noreply@example.org', to: 'negozio@example.org', subject: 'Reimposta la password', text: 'https://example.org/reimposta-password#segreto' });

    it('sends nothing when TLS is required, and sends in clear text otherwise', async () => {
      await expect(send(true)).rejects.toThrow(/STARTTLS/i);
      expect(smtp.arrived).toHaveLength(0);
      await send(false);
      expect(smtp.arrived).toHaveLength(1);
    });
  });
});
