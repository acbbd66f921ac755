import type { Words } from './words';

/** Sign-in through SPID, CIE or another OpenID provider: what is wrong with OIDC_PROVIDERS, for whoever starts the process. */
export const oidcMessages = {
  notJson: (): Words => ({
    en: 'must be a JSON list of identity providers, e.g. [{"id":"spid-example","kind":"spid","name":"…","issuer":"https://…","clientId":"…","privateKeyJwk":{…}}]',
    it: 'deve essere un elenco JSON di gestori dell’identità, per esempio [{"id":"spid-example","kind":"spid","name":"…","issuer":"https://…","clientId":"…","privateKeyJwk":{…}}]',
  }),
  tooMany: (max: number): Words => ({ en: `lists more than ${max} identity providers`, it: `elenca più di ${max} gestori dell’identità` }),
  badId: (): Words => ({ en: 'must be 1–40 lowercase letters, digits or dashes', it: 'deve avere da 1 a 40 lettere minuscole, cifre o trattini' }),
  duplicateId: (): Words => ({ en: 'is used by two providers', it: 'è usato da due gestori' }),
  badKind: (): Words => ({ en: 'must be spid, cie or oidc', it: 'deve essere spid, cie oppure oidc' }),
  badUrl: (): Words => ({ en: 'must be an http(s) URL without query or fragment', it: 'deve essere un URL http(s) senza parametri né frammento' }),
  oneCredential: (): Words => ({
    en: 'exactly one of clientSecret and privateKeyJwk must be given',
    it: 'va indicato esattamente uno tra clientSecret e privateKeyJwk',
  }),
  badKey: (): Words => ({
    en: 'must be a private RSA or EC (P-256) key as a JWK, with its "d" member (RS256, PS256 or ES256)',
    it: 'deve essere una chiave privata RSA o EC (P-256) in formato JWK, con il membro "d" (RS256, PS256 oppure ES256)',
  }),
  italianProfileNeedsKey: (): Words => ({
    en: 'SPID and CIE require private_key_jwt and signed request objects: give privateKeyJwk instead of clientSecret',
    it: 'SPID e CIE richiedono private_key_jwt e richieste firmate: indicare privateKeyJwk al posto di clientSecret',
  }),
  requestObjectNeedsKey: (): Words => ({
    en: 'signed request objects need privateKeyJwk',
    it: 'le richieste firmate richiedono privateKeyJwk',
  }),
  badScope: (): Words => ({ en: 'must be space-separated scopes including openid', it: 'deve essere un elenco di scope separati da spazi che comprende openid' }),
  badObject: (): Words => ({ en: 'must be a JSON object', it: 'deve essere un oggetto JSON' }),
  badText: (max: number): Words => ({ en: `must be a text of at most ${max} characters`, it: `deve essere un testo di al massimo ${max} caratteri` }),
  badBoolean: (): Words => ({ en: 'must be true or false', it: 'deve essere true oppure false' }),
  unknownField: (): Words => ({ en: 'is not a setting of an identity provider', it: 'non è un’impostazione di un gestore dell’identità' }),
  plainHttpInProduction: (id: string): Words => ({
    en: `provider "${id}" is reached over plain http: production needs https`,
    it: `il gestore "${id}" è raggiunto in http semplice: in produzione serve https`,
  }),
};
