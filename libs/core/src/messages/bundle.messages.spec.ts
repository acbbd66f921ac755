import { bundleMessages } from './bundle.messages';

describe('why a set of offers is proposed', () => {
  it('speaks of every service asked for only when the set covers them all', () => {
    expect(bundleMessages.why('SINGLE_OFFER').it).toBe('Un’unica offerta copre tutti i servizi che hai chiesto');
    expect(bundleMessages.why('SINGLE_OFFER', false).it).toBe('Una sola offerta, per i servizi elencati qui sotto; gli altri non si possono ancora avere');
    expect(bundleMessages.why('SINGLE_PROVIDER', false).en).toBe('The services listed below come from the same provider; the others cannot be had yet');
    // The other reasons say nothing of how many services: the same words for a partial set.
    expect(bundleMessages.why('BEST_SCORES', false)).toEqual(bundleMessages.why('BEST_SCORES'));
  });
});
