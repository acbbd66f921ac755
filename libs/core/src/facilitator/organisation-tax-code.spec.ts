import { validateOrganisationTaxCode } from './organisation-tax-code';

describe('an organisation’s tax code (Partita IVA or numeric codice fiscale)', () => {
  it.each([
    ['a Partita IVA', '01114601006'],
    ['a Partita IVA written as on an invoice', 'IT 01114601006'],
    ['the codice fiscale of a chamber of commerce', '80062970159'],
    ['the codice fiscale of an association', '97103880585'],
  ])('accepts %s', (_label, code) => {
    expect(validateOrganisationTaxCode(code)).toEqual({ ok: true, value: code.replace(/\s+/g, '').replace(/^IT/, '') });
  });

  it.each([
    ['letters', '8006297015A', 'FORMAT'],
    ['ten digits', '8006297015', 'FORMAT'],
    ['a codice fiscale with a wrong check digit', '80062970158', 'CHECK_DIGIT'],
    ['a Partita IVA with a wrong check digit', '01114601007', 'CHECK_DIGIT'],
    ['a Partita IVA with an office code never issued', '00000001503', 'OFFICE_CODE'],
  ])('refuses %s, saying which rule', (_label, code, reason) => {
    expect(validateOrganisationTaxCode(code)).toEqual({ ok: false, reason });
  });
});
