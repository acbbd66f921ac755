import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiFormErrors, businessFormErrors, formFieldName, mergeFormErrors } from './form-errors';

const labels = { partitaIva: 'Partita IVA', comuneCode: 'Comune', email: 'E-mail' };
const badInput = (fields: { field: string; code: string; message: string; messageIt: string }[]) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Invalid input.', extensions: { code: 'BAD_USER_INPUT', fields } }] });

describe('form errors from the API', () => {
  it.each([
    ['input.partitaIva', 'partitaIva'],
    ['partitaIva', 'partitaIva'],
    ['input.coverage.radii', 'coverage.radii'],
    ['input.coverage.radii.1.comuneCode', 'coverage.radii.1.comuneCode'],
    ['filter.provinceCode', 'filter.provinceCode'],
  ])('names the form field of %s as %s', (field, name) => {
    expect(formFieldName(field)).toBe(name);
  });

  it("puts each field's message next to it, worded with the label the user sees, in the chosen language", () => {
    const error = badInput([
      { field: 'input.partitaIva', code: 'isPartitaIva', message: 'input.partitaIva has a wrong check digit', messageIt: 'input.partitaIva ha la cifra di controllo errata' },
      { field: 'input.comuneCode', code: 'COMUNE_NOT_FOUND', message: 'no comune has ISTAT code "999999"', messageIt: 'nessun comune ha codice ISTAT "999999"' },
    ]);
    expect(apiFormErrors(error, labels, 'it', 'rete')).toEqual({
      fields: { partitaIva: 'Partita IVA ha la cifra di controllo errata', comuneCode: 'Nessun comune ha codice ISTAT "999999"' },
      general: [],
    });
    expect(apiFormErrors(error, labels, 'en', 'network').fields.partitaIva).toBe('Partita IVA has a wrong check digit');
  });

  it("puts a selection call's refused offer and places on the call form's own fields", () => {
    const callLabels = { 'offerIds.0': 'Offerta di cui il bando assegna i posti', places: 'Numero di posti' };
    const error = badInput([
      {
        field: 'input.offerIds.0',
        code: 'OFFER_NOT_PUBLISHED',
        message: 'input.offerIds.0 is a draft its provider has not published: a call gives places only on published offers',
        messageIt: 'input.offerIds.0 è una bozza che il fornitore non ha pubblicato: un bando dà posti solo su offerte pubblicate',
      },
      {
        field: 'input.places',
        code: 'PLACES_OVER_FREE_CAPACITY',
        message: 'input.places asks for 1000 places, but the call’s offers have 2 free: ask for at most 2, or choose offers with more free places',
        messageIt: 'input.places chiede 1000 posti, ma le offerte del bando ne hanno 2 liberi: chiedine al massimo 2, oppure scegli offerte con più posti liberi',
      },
    ]);
    expect(apiFormErrors(error, callLabels, 'it', 'rete')).toEqual({
      fields: {
        'offerIds.0': 'Offerta di cui il bando assegna i posti è una bozza che il fornitore non ha pubblicato: un bando dà posti solo su offerte pubblicate',
        places: 'Numero di posti chiede 1000 posti, ma le offerte del bando ne hanno 2 liberi: chiedine al massimo 2, oppure scegli offerte con più posti liberi',
      },
      general: [],
    });
  });

  it('keeps the first message per field and lists fields the form lacks as general messages', () => {
    const error = badInput([
      { field: 'input.partitaIva', code: 'a', message: 'first', messageIt: 'primo' },
      { field: 'input.partitaIva', code: 'b', message: 'second', messageIt: 'secondo' },
      { field: 'input.longitude', code: 'COORDINATES_INCOMPLETE', message: 'longitude is missing', messageIt: 'manca la longitudine' },
    ]);
    expect(apiFormErrors(error, labels, 'it', 'rete')).toEqual({ fields: { partitaIva: 'Primo' }, general: ['Manca la longitudine'] });
  });

  it('shows other GraphQL errors in Italian when the API gives extensions.messageIt, and network failures as one message', () => {
    const unauthenticated = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED', messageIt: 'E-mail o password errata' } }],
    });
    expect(apiFormErrors(unauthenticated, labels, 'it', 'rete').general).toEqual(['E-mail o password errata']);
    expect(apiFormErrors(unauthenticated, labels, 'en', 'network').general).toEqual(['Wrong e-mail or password']);
    expect(apiFormErrors(new TypeError('Failed to fetch'), labels, 'it', 'Servizio non raggiungibile')).toEqual({ fields: {}, general: ['Servizio non raggiungibile'] });
  });

  it('puts a nested field on its nearest parent the form shows, and words service messages that end the path with a colon', () => {
    const offerLabels = { coverage: 'Area servita', 'coverage.radii.0.km': 'Raggio 1 (km)', validFrom: 'Valida dal', validUntil: 'Valida fino al' };
    const error = badInput([
      { field: 'input.coverage.radii.0.km', code: 'max', message: 'input.coverage.radii.0.km must be at most 500', messageIt: 'input.coverage.radii.0.km non può superare 500' },
      { field: 'input.coverage.regionCodes.0', code: 'REGION_NOT_FOUND', message: 'no region "99"', messageIt: 'nessuna regione "99"' },
      { field: 'input.validUntil', code: 'isAfter', message: 'input.validUntil must be after validFrom', messageIt: 'input.validUntil deve venire dopo «validFrom»' },
    ]);
    expect(apiFormErrors(error, offerLabels, 'it', 'rete').fields).toEqual({
      'coverage.radii.0.km': 'Raggio 1 (km) non può superare 500',
      coverage: 'Nessuna regione "99"',
      validUntil: 'Valida fino al deve venire dopo «Valida dal»',
    });
    const empty = badInput([{ field: 'input.coverage', code: 'COVERAGE_EMPTY', message: 'input.coverage: give at least one area', messageIt: "input.coverage: indicare almeno un'area" }]);
    expect(apiFormErrors(empty, offerLabels, 'it', 'rete').fields.coverage).toBe("Area servita: indicare almeno un'area");
  });

  it('names the other field of a two-field rule by its label, given by its path beside the first ("filter.from"), even as a plain word', () => {
    const filterLabels = { from: 'Dal giorno', to: 'Al giorno (compreso)' };
    const error = badInput([{ field: 'input.to', code: 'isAfter', message: 'input.to must be after input.from', messageIt: 'input.to deve venire dopo «input.from»' }]);
    expect(apiFormErrors(error, filterLabels, 'it', 'rete').fields).toEqual({ to: 'Al giorno (compreso) deve venire dopo «Dal giorno»' });
    expect(apiFormErrors(error, filterLabels, 'en', 'network').fields).toEqual({ to: 'Al giorno (compreso) must be after Dal giorno' });
    // A form that keys its fields by the whole path, as the audit trail's filter does.
    const byPath = { 'filter.from': 'Dal giorno', 'filter.to': 'Al giorno (compreso)' };
    const filtered = badInput([{ field: 'filter.to', code: 'isAfter', message: 'filter.to must be after filter.from', messageIt: 'filter.to deve venire dopo «filter.from»' }]);
    expect(apiFormErrors(filtered, byPath, 'it', 'rete').fields).toEqual({ 'filter.to': 'Al giorno (compreso) deve venire dopo «Dal giorno»' });
  });

  it('places business errors of result unions on their field', () => {
    const taken = { field: 'input.email', message: 'An account with this e-mail already exists', messageIt: 'Esiste già un account con questa e-mail' };
    expect(businessFormErrors(taken, labels, 'it')).toEqual({ fields: { email: 'Esiste già un account con questa e-mail' }, general: [] });
  });

  it("shows the form's own messages with the API's, its own first, and drops those of fields changed since", () => {
    const api = { fields: { legalName: 'Ragione sociale è obbligatoria', employees: 'Numero di addetti non può essere negativo', 'coverage.radii.0.km': 'Raggio troppo grande' }, general: ['Riprova'] };
    const local = { employees: 'Numero di addetti deve essere un numero intero' };
    expect(mergeFormErrors(api, local, new Set())).toEqual({
      fields: { legalName: 'Ragione sociale è obbligatoria', employees: 'Numero di addetti deve essere un numero intero', 'coverage.radii.0.km': 'Raggio troppo grande' },
      general: ['Riprova'],
    });
    expect(mergeFormErrors(api, local, new Set(['legalName', 'employees', 'coverage']))).toEqual({ fields: {}, general: ['Riprova'] });
    expect(mergeFormErrors(api, {}, new Set(['coverage.radii']))).toEqual({ fields: { legalName: 'Ragione sociale è obbligatoria', employees: 'Numero di addetti non può essere negativo' }, general: ['Riprova'] });
  });
});
