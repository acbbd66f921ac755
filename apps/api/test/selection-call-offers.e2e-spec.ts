import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CloseOfferDocument,
  CreateSelectionCallDocument,
  DiscardSelectionCallDocument,
  type CreateSelectionCallInput,
  PauseOfferDocument,
  PublishSelectionCallDocument,
  ResumeOfferDocument,
  SelectionCallDocument,
  SuspendOfferDocument,
  UpdateOfferDocument,
} from './gql/generated';
import { SignedIn, staffUser } from './testing/fixtures';
import { approvedProvider, createOffer, daysFromNow, ProviderAccount, publishedOffer, shopIn } from './testing/offer-fixtures';
import { dataOf, type GraphQLResponse, member, startTestApp, TestApp } from './testing/test-app';

interface FieldRefusal {
  field: string;
  code: string;
  message: string;
  messageIt: string;
}

const TORINO = '001272';

/**
 * A call gives places at its closing, only on offers valid then and up to their free places: it
 * must not promise places its offers cannot give. Every refusal names the field and why, and
 * leaves nothing written.
 */
describe('Selection calls over GraphQL: offers that can give the places, places they have free, criteria that fit', () => {
  let api: TestApp;
  let db: DataSource;
  let staff: SignedIn;
  let provider: ProviderAccount;
  let other: ProviderAccount;
  let valid: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    staff = await staffUser(api);
    provider = await approvedProvider(api, staff);
    other = await approvedProvider(api, staff);
    valid = (await publishedOffer(api, provider, { capacity: 5 })).id;
  });
  afterAll(() => api.close());

  const aCall = (overrides: Partial<CreateSelectionCallInput> = {}): CreateSelectionCallInput => ({
    title: `Bando di prova ${randomUUID()}`,
    description: 'Un anno gratuito di negozio online per le piccole imprese selezionate.',
    offerIds: [valid],
    places: 1,
    opensAt: daysFromNow(-1),
    closesAt: daysFromNow(2),
    eligibility: {},
    declarations: [],
    questions: [{ code: 'prima-volta', text: 'È la prima volta che vendete online?' }],
    scoring: [
      { kind: 'ANSWER_YES', weight: 70, questionCode: 'prima-volta' },
      { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 },
    ],
    tieBreak: ['EARLIER_APPLICATION'],
    ...overrides,
  });

  const refusalOf = (response: GraphQLResponse<unknown>): FieldRefusal => {
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = response.errors?.[0].extensions.fields as FieldRefusal[];
    expect(fields).toHaveLength(1);
    return fields[0];
  };

  /** Every row a call writes: the call, its offers, its audit events. */
  const callFootprint = async (title: string): Promise<number[]> => {
    const [{ calls }] = await db.query('SELECT count(*)::int AS calls FROM selection_call WHERE title = $1', [title]);
    const [{ offers }] = await db.query('SELECT count(*)::int AS offers FROM selection_call_offer o JOIN selection_call c ON c.id = o.call_id WHERE c.title = $1', [title]);
    const [{ events }] = await db.query(`SELECT count(*)::int AS events FROM audit_event WHERE action = 'selection_call.created' AND after->>'title' = $1`, [title]);
    return [calls, offers, events];
  };

  const create = (input: CreateSelectionCallInput) => api.gqlAs(staff.accessToken, CreateSelectionCallDocument, { input });

  describe('creating a call', () => {
    // Each case builds its own offer: (what the offer is) → (the call's input).
    it.each<[string, () => Promise<Partial<CreateSelectionCallInput>>, string, string]>([
      ['another provider’s draft offer', async () => ({ offerIds: [valid, (await createOffer(api, other)).id] }), 'input.offerIds.1', 'OFFER_NOT_PUBLISHED'],
      [
        'a closed offer',
        async () => {
          const offer = (await publishedOffer(api, other)).id;
          member(dataOf(await api.gqlAs(other.accessToken, CloseOfferDocument, { id: offer })).closeOffer, 'Offer');
          return { offerIds: [offer] };
        },
        'input.offerIds.0',
        'OFFER_CLOSED',
      ],
      [
        'an offer the ministry suspended',
        async () => {
          const offer = (await publishedOffer(api, other)).id;
          const suspended = await api.gqlAs(staff.accessToken, SuspendOfferDocument, { input: { offerId: offer, reason: 'Condizioni che chiedono un pagamento dopo la prova' } });
          expect(suspended.data?.suspendOffer).toMatchObject({ status: 'SUSPENDED' });
          return { offerIds: [offer] };
        },
        'input.offerIds.0',
        'OFFER_SUSPENDED',
      ],
      [
        'an offer of a provider no longer approved',
        async () => {
          const suspendedProvider = await approvedProvider(api, staff);
          const offer = (await publishedOffer(api, suspendedProvider)).id;
          await db.query(`UPDATE provider SET verification_status = 'SUSPENDED' WHERE id = $1`, [suspendedProvider.providerId]);
          return { offerIds: [offer] };
        },
        'input.offerIds.0',
        'OFFER_PROVIDER_NOT_APPROVED',
      ],
      ['an offer whose validity ends before the call closes', async () => ({ offerIds: [(await publishedOffer(api, other, { validUntil: daysFromNow(1) })).id] }), 'input.offerIds.0', 'OFFER_VALIDITY_ENDS'],
      ['an offer valid only after the call closes', async () => ({ offerIds: [(await publishedOffer(api, other, { validFrom: daysFromNow(5) })).id] }), 'input.offerIds.0', 'OFFER_NOT_YET_VALID'],
      ['1000 places on an offer of capacity 2', async () => ({ offerIds: [(await publishedOffer(api, other, { capacity: 2 })).id], places: 1000 }), 'input.places', 'PLACES_OVER_FREE_CAPACITY'],
      [
        'an offer for Milan alone on a call open to Sicily',
        async () => ({ offerIds: [(await publishedOffer(api, other, { coverage: { comuneCodes: ['015146'] } })).id], eligibility: { regionCodes: ['19'] } }),
        'input.offerIds.0',
        'OFFER_OUTSIDE_TERRITORY',
      ],
      [
        'an offer 20 km around Turin on a call open to the province of Rome and the comune of Milan',
        async () => ({ offerIds: [valid, (await publishedOffer(api, other, { coverage: { radii: [{ comuneCode: TORINO, km: 20 }] } })).id], eligibility: { provinceCodes: ['058'], comuneCodes: ['015146'] } }),
        'input.offerIds.1',
        'OFFER_OUTSIDE_TERRITORY',
      ],
      [
        'an offer for restaurants and bars on a call open to retail shops',
        async () => ({ offerIds: [(await publishedOffer(api, other, { sectors: { allSectors: false, sections: ['I'] } })).id], eligibility: { sections: ['G'], divisions: ['96'] } }),
        'input.offerIds.0',
        'OFFER_OTHER_SECTORS',
      ],
      [
        'two criteria of the same kind',
        async () => ({ scoring: [{ kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10 }, { kind: 'FEWER_EMPLOYEES', weight: 20, employeesCap: 5 }] }),
        'input.scoring.1.kind',
        'DUPLICATE_CRITERION',
      ],
      [
        'provinceCodes on a FEWER_EMPLOYEES criterion',
        async () => ({ scoring: [{ kind: 'ANSWER_YES', weight: 70, questionCode: 'prima-volta' }, { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10, provinceCodes: ['001'] }] }),
        'input.scoring.1.provinceCodes',
        'CRITERION_FIELD_NOT_FOR_KIND',
      ],
      [
        'employeesCap on an ANSWER_YES criterion',
        async () => ({ scoring: [{ kind: 'ANSWER_YES', weight: 70, questionCode: 'prima-volta', employeesCap: 3 }] }),
        'input.scoring.0.employeesCap',
        'CRITERION_FIELD_NOT_FOR_KIND',
      ],
    ])('refuses %s, naming the field and why, and writes nothing', async (_label, build, field, code) => {
      const input = aCall(await build());
      const refusal = refusalOf(await create(input));
      expect(refusal).toMatchObject({ field, code, message: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')} `)), messageIt: expect.any(String) });
      expect(await callFootprint(input.title)).toEqual([0, 0, 0]);
    });

    it('states the figures: the places asked and the places the offers have free', async () => {
      const small = (await publishedOffer(api, other, { capacity: 2 })).id;
      const refusal = refusalOf(await create(aCall({ offerIds: [small, valid], places: 1000 })));
      expect(refusal.message).toBe('input.places asks for 1000 places, but the call’s offers have 7 free: ask for at most 7, or choose offers with more free places');
      expect(refusal.messageIt).toBe('input.places chiede 1000 posti, ma le offerte del bando ne hanno 7 liberi: chiedine al massimo 7, oppure scegli offerte con più posti liberi');
      const exact = dataOf(await create(aCall({ offerIds: [small, valid], places: 7 }))).createSelectionCall;
      expect(exact).toMatchObject({ status: 'DRAFT', places: 7 });
    });

    it('says which kind a stray field belongs to', async () => {
      const refusal = refusalOf(await create(aCall({ scoring: [{ kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10, provinceCodes: ['001'] }] })));
      expect(refusal.message).toBe('input.scoring.0.provinceCodes belongs to PRIORITY_PROVINCES criteria, not to a FEWER_EMPLOYEES one: remove it');
    });

    it('accepts a paused offer in a draft (its provider may resume it), and null or empty fields of other kinds', async () => {
      const paused = (await publishedOffer(api, other, { capacity: 2 })).id;
      member(dataOf(await api.gqlAs(other.accessToken, PauseOfferDocument, { id: paused })).pauseOffer, 'Offer');
      const created = dataOf(
        await create(
          aCall({
            offerIds: [paused],
            places: 2,
            scoring: [
              { kind: 'ANSWER_YES', weight: 70, questionCode: 'prima-volta', provinceCodes: [], employeesCap: null },
              { kind: 'FEWER_EMPLOYEES', weight: 30, employeesCap: 10, questionCode: null },
            ],
          }),
        ),
      ).createSelectionCall;
      expect(created).toMatchObject({ status: 'DRAFT', offerIds: [paused] });
    });
  });

  describe('publishing a call', () => {
    const publish = (id: string): Promise<GraphQLResponse<unknown>> => api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id });
    const stillDraft = async (id: string): Promise<void> => {
      const [row] = await db.query('SELECT status, draw_seed, published_at FROM selection_call WHERE id = $1', [id]);
      expect(row).toEqual({ status: 'DRAFT', draw_seed: null, published_at: null });
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'selection_call.published'`, [id]);
      expect(n).toBe(0);
    };

    it('takes an offer that reaches part of the call’s audience: a circle into its territory, a section holding its division', async () => {
      const around = (await publishedOffer(api, other, { coverage: { radii: [{ comuneCode: TORINO, km: 12 }] } })).id;
      const retail = (await publishedOffer(api, other, { coverage: { regionCodes: ['01'] }, sectors: { allSectors: false, sections: ['G'] } })).id;
      const bakers = (await publishedOffer(api, other, { sectors: { allSectors: false, sections: [], divisions: ['10'] } })).id;
      // Moncalieri, next to Turin; a call for food shops (division 47 of G) and food makers (section C, division 10).
      const call = await create(aCall({ offerIds: [around, retail, bakers], places: 3, eligibility: { comuneCodes: ['001156'], divisions: ['47'], sections: ['C'] } }));
      expect(dataOf(call).createSelectionCall.status).toBe('DRAFT');
    });

    it('checks again at publishing that each offer still reaches the call’s territory', async () => {
      const offer = (await publishedOffer(api, other, { coverage: { regionCodes: ['01'] } })).id;
      const call = dataOf(await create(aCall({ offerIds: [offer], eligibility: { regionCodes: ['01'] } }))).createSelectionCall;
      member(dataOf(await api.gqlAs(other.accessToken, UpdateOfferDocument, { input: { id: offer, coverage: { regionCodes: ['12'] } } })).updateOffer, 'Offer');
      expect(refusalOf(await publish(call.id))).toMatchObject({ field: 'offerIds.0', code: 'OFFER_OUTSIDE_TERRITORY', messageIt: expect.stringContaining('non copre alcun comune del territorio del bando') });
      await stillDraft(call.id);
    });

    it('checks the offers again: paused, short of places, then fine once the provider fixes them; shops then see the offer', async () => {
      const offer = (await publishedOffer(api, other, { capacity: 2 })).id;
      const call = dataOf(await create(aCall({ offerIds: [offer], places: 2 }))).createSelectionCall;

      member(dataOf(await api.gqlAs(other.accessToken, PauseOfferDocument, { id: offer })).pauseOffer, 'Offer');
      expect(refusalOf(await publish(call.id))).toMatchObject({ field: 'offerIds.0', code: 'OFFER_PAUSED', messageIt: expect.stringContaining('è in pausa') });
      await stillDraft(call.id);

      member(dataOf(await api.gqlAs(other.accessToken, ResumeOfferDocument, { id: offer })).resumeOffer, 'Offer');
      member(dataOf(await api.gqlAs(other.accessToken, UpdateOfferDocument, { input: { id: offer, capacity: 1 } })).updateOffer, 'Offer');
      expect(refusalOf(await publish(call.id))).toMatchObject({
        field: 'places',
        code: 'PLACES_OVER_FREE_CAPACITY',
        message: 'places asks for 2 places, but the call’s offers have 1 free: ask for at most 1, or choose offers with more free places',
      });
      await stillDraft(call.id);

      member(dataOf(await api.gqlAs(other.accessToken, UpdateOfferDocument, { input: { id: offer, capacity: 2 } })).updateOffer, 'Offer');
      const published = member(dataOf(await api.gqlAs(staff.accessToken, PublishSelectionCallDocument, { id: call.id })).publishSelectionCall, 'SelectionCall');
      expect(published.status).toBe('OPEN');
      const shop = await shopIn(api, TORINO);
      expect(dataOf(await api.gqlAs(shop.accessToken, SelectionCallDocument, { id: call.id })).selectionCall.offers.map((o) => o.id)).toEqual([offer]);
    });

    it('counts the places other open calls will take: a second call cannot promise them again, not even published at the same moment', async () => {
      const offer = (await publishedOffer(api, other, { capacity: 5 })).id;
      const first = dataOf(await create(aCall({ offerIds: [offer], places: 3 }))).createSelectionCall;
      const second = dataOf(await create(aCall({ offerIds: [offer], places: 3 }))).createSelectionCall;
      const both = await Promise.all([publish(first.id), publish(second.id)]);
      const published = both.filter((answer) => answer.errors === undefined);
      expect(published).toHaveLength(1);
      const refused = refusalOf(both.find((answer) => !published.includes(answer)) as GraphQLResponse<unknown>);
      expect(refused).toMatchObject({
        field: 'places',
        code: 'PLACES_OVER_FREE_CAPACITY',
        message: 'places asks for 3 places, but the call’s offers have 5 free and other open calls may take 3 of them at their closing: ask for at most 2, or choose offers with more free places',
      });
      // What is left can still be promised, at the draft as at the publishing; a draft promises nothing.
      expect(refusalOf(await create(aCall({ offerIds: [offer], places: 3 })))).toMatchObject({ field: 'input.places', code: 'PLACES_OVER_FREE_CAPACITY' });
      const rest = dataOf(await create(aCall({ offerIds: [offer], places: 2 }))).createSelectionCall;
      expect((await publish(rest.id)).errors).toBeUndefined();

      // Two open calls over O and X (10 free each) may take all 20 between them, from either, in
      // whatever order they close: a third call on O alone has nothing left to promise.
      const [o, x] = [(await publishedOffer(api, other, { capacity: 10 })).id, (await publishedOffer(api, other, { capacity: 10 })).id];
      for (let i = 0; i < 2; i += 1) {
        const both = dataOf(await create(aCall({ offerIds: [o, x], places: 10 }))).createSelectionCall;
        expect((await publish(both.id)).errors).toBeUndefined();
      }
      expect(refusalOf(await create(aCall({ offerIds: [o], places: 1 })))).toMatchObject({
        field: 'input.places',
        message: 'input.places asks for 1 place, but the call’s offers have 10 free and other open calls may take 10 of them at their closing: ask for at most 0, or choose offers with more free places',
      });
    });

    it('removes a draft that can no longer be published, audited; an open call stays, and a shop cannot remove anything', async () => {
      const offer = (await publishedOffer(api, other, { capacity: 2 })).id;
      const draft = dataOf(await create(aCall({ offerIds: [offer], places: 1 }))).createSelectionCall;
      // Its window ends before anyone published it: it could never open.
      await db.query(`UPDATE selection_call SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' WHERE id = $1`, [draft.id]);
      expect((await publish(draft.id)).data).toMatchObject({ publishSelectionCall: { __typename: 'CallWindowError' } });
      const shop = await shopIn(api, TORINO);
      expect((await api.gqlAs(shop.accessToken, DiscardSelectionCallDocument, { id: draft.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(dataOf(await api.gqlAs(staff.accessToken, DiscardSelectionCallDocument, { id: draft.id })).discardSelectionCall).toEqual({ __typename: 'DiscardedSelectionCall', id: draft.id });
      expect(await db.query('SELECT id FROM selection_call WHERE id = $1', [draft.id])).toEqual([]);
      expect(await db.query(`SELECT before->>'title' AS title FROM audit_event WHERE entity_id = $1 AND action = 'selection_call.discarded'`, [draft.id])).toEqual([{ title: draft.title }]);
      expect((await api.gqlAs(staff.accessToken, DiscardSelectionCallDocument, { id: draft.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');

      const open = dataOf(await create(aCall({ offerIds: [offer], places: 1 }))).createSelectionCall;
      expect((await publish(open.id)).errors).toBeUndefined();
      expect(dataOf(await api.gqlAs(staff.accessToken, DiscardSelectionCallDocument, { id: open.id })).discardSelectionCall).toMatchObject({ __typename: 'InvalidCallStateError', currentStatus: 'OPEN', field: 'id' });
    });

    it('refuses an offer closed, or whose provider was suspended, since the draft', async () => {
      const closing = (await publishedOffer(api, other)).id;
      const closedCall = dataOf(await create(aCall({ offerIds: [valid, closing] }))).createSelectionCall;
      member(dataOf(await api.gqlAs(other.accessToken, CloseOfferDocument, { id: closing })).closeOffer, 'Offer');
      expect(refusalOf(await publish(closedCall.id))).toMatchObject({ field: 'offerIds.1', code: 'OFFER_CLOSED' });
      await stillDraft(closedCall.id);

      const later = await approvedProvider(api, staff);
      const offer = (await publishedOffer(api, later)).id;
      const call = dataOf(await create(aCall({ offerIds: [offer] }))).createSelectionCall;
      await db.query(`UPDATE provider SET verification_status = 'SUSPENDED' WHERE id = $1`, [later.providerId]);
      expect(refusalOf(await publish(call.id))).toMatchObject({ field: 'offerIds.0', code: 'OFFER_PROVIDER_NOT_APPROVED' });
      await stillDraft(call.id);
    });
  });
});
