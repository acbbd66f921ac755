import { systemReasonCode } from '../match/match-reasons';
import { describeNotification } from './notification-messages';

const PARTIES = { offerTitle: 'Vetrina online', shopName: 'Forno Rossi', providerName: 'Digitale Srl', respondBy: '2026-03-10T10:00:00Z' };
const KINDS = ['MATCH_APPLIED', 'MATCH_WAITLISTED', 'MATCH_ALLOCATED', 'MATCH_PROMOTED', 'MATCH_ACCEPTED', 'MATCH_DECLINED', 'MATCH_ACTIVE', 'MATCH_COMPLETED', 'MATCH_WITHDRAWN', 'MATCH_EXPIRED', 'SURVEY_DUE', 'PROVIDER_SUSPENDED', 'OFFER_SUSPENDED', 'PROVIDER_REJECTED', 'PROVIDER_DECISION', 'OFFER_MODERATED'];
const SYSTEM_REASONS = ['NO_ANSWER', 'OFFER_ENDED', 'NO_LONGER_ELIGIBLE: CATEGORY, OUTSIDE_COVERAGE', 'FREE_PERIOD_ENDED', 'REQUEST_CANCELLED', 'ALLOCATED_ELSEWHERE', 'ALLOCATION_RUN: 3f2a5c1e', 'PROVIDER_SUSPENDED', 'PROVIDER_REJECTED', 'OFFER_SUSPENDED'];
const words = (kind: string, audience: 'SHOP' | 'PROVIDER', reason: string | null = null) =>
  describeNotification(kind, { ...PARTIES, audience, reason, checkpoint: 'DAY_30' });

describe('describeNotification', () => {
  it('never shows a code to a person, whatever the kind, the side and the system reason', () => {
    for (const kind of KINDS) {
      for (const audience of ['SHOP', 'PROVIDER'] as const) {
        for (const reason of [null, ...SYSTEM_REASONS]) {
          const { message, messageIt } = words(kind, audience, reason);
          expect([kind, audience, reason, message]).toEqual([kind, audience, reason, expect.not.stringMatching(/[A-Z_]{6,}/)]);
          expect([kind, audience, reason, messageIt]).toEqual([kind, audience, reason, expect.not.stringMatching(/[A-Z_]{6,}/)]);
        }
      }
    }
  });

  it('tells a facilitator what a decision means for an organisation that acts for shops, not for one with offers', () => {
    const decision = (kind: string, status: string) => describeNotification(kind, { status, reason: 'Statuto mancante', audience: kind === 'FACILITATOR_DECISION' ? 'FACILITATOR' : 'PROVIDER' });
    for (const status of ['APPROVED', 'SUSPENDED']) {
      const { message, messageIt } = decision('FACILITATOR_DECISION', status);
      expect(message).not.toMatch(/offer/i);
      expect(messageIt).not.toMatch(/offert/i);
      expect(messageIt).toMatch(/negozi/);
    }
    expect(decision('PROVIDER_DECISION', 'APPROVED').messageIt).toContain('offerte pubblicate');
  });

  it("keeps a person's own reason as they wrote it", () => {
    expect(words('MATCH_DECLINED', 'SHOP', 'Siamo al completo a marzo.').messageIt).toBe('Digitale Srl ha rifiutato «Vetrina online» (Siamo al completo a marzo.)');
    expect(words('MATCH_WITHDRAWN', 'SHOP', 'Abbiamo trovato un fattorino.').message).toBe('Forno Rossi withdrew from “Vetrina online” (Abbiamo trovato un fattorino.)');
  });

  it('tells a provider that a shop withdrew, not in the shop’s own words (data minimisation)', () => {
    expect(words('MATCH_WITHDRAWN', 'PROVIDER', 'Abbiamo trovato un fattorino.').message).toBe('Forno Rossi withdrew from “Vetrina online”');
  });

  it('tells a shop whose waitlist place the allocation released that it got another offer, not that it withdrew', () => {
    expect(words('MATCH_WITHDRAWN', 'SHOP', 'ALLOCATED_ELSEWHERE').messageIt).toBe(
      'Il tuo posto in lista d’attesa per «Vetrina online» è liberato: l’assegnazione ti ha attribuito un’altra offerta',
    );
    expect(words('MATCH_WITHDRAWN', 'PROVIDER', 'ALLOCATED_ELSEWHERE').messageIt).toContain('Forno Rossi è uscito dalla lista d’attesa');
    expect(words('MATCH_WITHDRAWN', 'PROVIDER', 'REQUEST_CANCELLED').messageIt).toBe('Forno Rossi ha rinunciato a «Vetrina online» (la richiesta è stata annullata)');
  });

  it('says why a waitlist place closed, and keeps "without an answer" for holds that ran out', () => {
    expect(words('MATCH_EXPIRED', 'SHOP', 'OFFER_ENDED').messageIt).toBe('Il tuo posto in lista d’attesa per «Vetrina online» è chiuso (l’offerta è terminata): puoi candidarti altrove');
    expect(words('MATCH_EXPIRED', 'PROVIDER', 'NO_LONGER_ELIGIBLE: CATEGORY').message).toBe(
      'The waitlist place of Forno Rossi for “Vetrina online” is closed (the offer no longer fits the request)',
    );
    expect(words('MATCH_EXPIRED', 'SHOP', 'NO_ANSWER').messageIt).toBe('«Vetrina online» è scaduto senza risposta: puoi candidarti altrove');
  });
});

describe('describeNotification of a handover between facilitators', () => {
  it('names the shop and the other organisation, on either side', () => {
    const handover = (status: string) => describeNotification('DELEGATION_HANDOVER', { shopName: 'Forno Rossi', facilitatorName: 'Ascom Torino', status, audience: 'FACILITATOR' });
    expect(handover('OFFERED').messageIt).toBe('Ascom Torino ti propone di passarti Forno Rossi: accetta o rifiuta sulla tua Scrivania');
    expect(handover('ACCEPTED').message).toBe('Ascom Torino took Forno Rossi over: you no longer act for it');
    expect(handover('TAKEN_OVER').messageIt).toBe('Ora operi per conto di Forno Rossi, che ti ha passato Ascom Torino: la trovi sulla tua Scrivania');
    expect(handover('CANCELLED').messageIt).toBe('Il passaggio di Forno Rossi è annullato: Ascom Torino ha chiuso il suo account');
    expect(handover('SHOP_CLAIMED').messageIt).toBe(
      'Il passaggio di Forno Rossi tra te e Ascom Torino è annullato: il titolare ha rivendicato l’attività e ora sceglie lui chi opera per suo conto',
    );
  });
});

describe('describeNotification of a shop’s notice to the facilitator acting for it', () => {
  it('names the shop first, while its owner has not claimed it', () => {
    const survey = describeNotification('SURVEY_DUE', { offerTitle: 'Vetrina online', checkpoint: 'DAY_30', audience: 'SHOP', via: 'FACILITATOR', shopName: 'Forno Rossi' });
    expect(survey.messageIt).toMatch(/^Per Forno Rossi: .*«Vetrina online»/);
    expect(survey.message).toMatch(/^For Forno Rossi: /);
    expect(describeNotification('SURVEY_DUE', { offerTitle: 'Vetrina online', checkpoint: 'DAY_30', audience: 'SHOP' }).messageIt).not.toContain('Forno Rossi');
  });
});

describe('systemReasonCode', () => {
  it('recognises the platform codes, with or without details, and nothing else', () => {
    expect(systemReasonCode('NO_LONGER_ELIGIBLE: CATEGORY')).toBe('NO_LONGER_ELIGIBLE');
    expect(systemReasonCode('OFFER_ENDED')).toBe('OFFER_ENDED');
    expect(systemReasonCode('allocation run 3f2a5c1e-0000-4000-8000-000000000000')).toBe('ALLOCATION_RUN');
    expect(systemReasonCode('NOT_A_CODE')).toBeNull();
    expect(systemReasonCode('Abbiamo cambiato idea')).toBeNull();
    expect(systemReasonCode(null)).toBeNull();
  });
});
