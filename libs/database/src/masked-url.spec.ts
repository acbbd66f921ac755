import { maskedUrl } from './connect';

describe('maskedUrl: a connection string fit for a log line', () => {
  it.each([
    ['postgres://vicini:segreta@db.example.it:5432/vicini', 'postgres://vicini:***@db.example.it:5432/vicini', 'segreta'],
    // An unencoded @ or / in the password: all of it is masked, up to the host.
    ['postgres://vicini:pa@xq@127.0.0.1:54426/prodtest', 'postgres://vicini:***@127.0.0.1:54426/prodtest', 'xq'],
    ['postgres://vicini:a/b@c9@db:5432/vicini?sslmode=require', 'postgres://vicini:***@db:5432/vicini?sslmode=require', 'c9'],
    ['smtp://mailer:p@ss:w0rd@smtp.example.it:587', 'smtp://mailer:***@smtp.example.it:587', 'w0rd'],
  ])('%s', (url, masked, secretPart) => {
    expect(maskedUrl(url)).toBe(masked);
    expect(maskedUrl(url)).not.toContain(secretPart);
  });

  it('leaves a URL without a password as it is', () => {
    expect(maskedUrl('postgres://db.example.it:5432/vicini')).toBe('postgres://db.example.it:5432/vicini');
    expect(maskedUrl('postgres://vicini@db.example.it/vicini')).toBe('postgres://vicini@db.example.it/vicini');
  });
});
