import { randomBytes, randomUUID } from 'node:crypto';
import { SECRET_REMOVED, withoutLinkSecrets } from './link-secrets';

describe('cutting the secrets of e-mailed links from the kept copy', () => {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');

  it('cuts the secret of a reset, confirmation, invitation or claim link, in text and in HTML, and keeps the rest', () => {
    const text = `Scegli una nuova password: https://vicini.example.it/reimposta-password#${id}.${secret}\nValido 30 minuti.`;
    expect(withoutLinkSecrets(text)).toBe(`Scegli una nuova password: https://vicini.example.it/reimposta-password#${id}.${SECRET_REMOVED}\nValido 30 minuti.`);
    const html = `<a href="https://vicini.example.it/rivendica/${id}.${secret}">Rivendica</a> <a href="https://vicini.example.it/rivendica/${id}.${secret}">again</a>`;
    expect(withoutLinkSecrets(html)).not.toContain(secret);
    expect(withoutLinkSecrets(html).split(SECRET_REMOVED)).toHaveLength(3);
  });

  it('leaves links without a secret alone: an application, a match, the unsubscribe footer', () => {
    const text = `Vedi la candidatura: https://vicini.example.it/organizzazione/candidature/${id}\nhttps://vicini.example.it/email/disiscriviti?t=${secret}`;
    expect(withoutLinkSecrets(text)).toBe(text);
    // Not a secret's length: left as it is.
    expect(withoutLinkSecrets(`${id}.${secret}x`)).toBe(`${id}.${secret}x`);
  });
});
