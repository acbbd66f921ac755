import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { UserRole } from '../auth/user-role';
import { Actor } from '../common/request-context';
import { ModerationService } from '../moderation/moderation.service';
import { VerificationStatus } from '../provider/provider.types';
import { randomPartitaIva, seedUser } from '../testing/seed';
import { actingAs, startTestCore, TestCore } from '../testing/test-core';
import { createScratchDatabase } from '../testing/test-database';
import { TerritoryErrorCode, TerritoryException } from '../territory/territory.exception';
import { RegisterFacilitator } from './facilitator.commands';
import { FacilitatorEntity } from './facilitator.entity';
import { FacilitatorErrorCode, FacilitatorException } from './facilitator.exception';
import { FacilitatorService } from './facilitator.service';
import { FacilitatorKind } from './facilitator.types';

const { PENDING, APPROVED, REJECTED, SUSPENDED } = VerificationStatus;
const TORINO = '001272';
const MILANO = '015146';

// Its own database: the queue and the shops' list show every organisation, and only this file's may be there.
describe('facilitator organisations and their verification (real PostgreSQL)', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let core: TestCore;
  let facilitators: FacilitatorService;
  let moderation: ModerationService;
  let staff: Actor;
  beforeAll(async () => {
    scratch = await createScratchDatabase({ migrated: true });
    core = await startTestCore({ url: scratch.url });
    facilitators = core.app.get(FacilitatorService);
    moderation = core.app.get(ModerationService);
    staff = await seedUser(core.db, UserRole.MINISTRY);
  });
  afterAll(async () => {
    await core.close();
    await scratch.drop();
  });

  const row = async (id: string): Promise<FacilitatorEntity> => core.db.getRepository(FacilitatorEntity).findOneByOrFail({ id });
  const audits = async (id: string): Promise<{ action: string; actor_user_id: string }[]> =>
    core.db.query('SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY id', [id]);
  const count = async (owner: Actor): Promise<number> =>
    (await core.db.query('SELECT count(*)::int AS n FROM facilitator WHERE owner_user_id = $1', [owner.userId]))[0].n;

  const anOrganisation = (overrides: Partial<RegisterFacilitator> = {}): RegisterFacilitator => ({
    name: 'Camera di commercio di Torino',
    kind: FacilitatorKind.CHAMBER_OF_COMMERCE,
    taxCode: randomPartitaIva(),
    contactEmail: 'pid@to.example.it',
    territory: { national: false, regionCodes: [], provinceCodes: ['001'], comuneCodes: [] },
    ...overrides,
  });

  async function registered(overrides: Partial<RegisterFacilitator> = {}): Promise<{ owner: Actor; facilitator: FacilitatorEntity }> {
    const owner = await seedUser(core.db, UserRole.FACILITATOR);
    const outcome = await facilitators.register(actingAs(owner), anOrganisation(overrides));
    if (outcome.kind !== 'facilitator') throw new Error(`register: ${outcome.kind}`);
    return { owner, facilitator: outcome.facilitator };
  }

  async function refused<E extends Error & { code: string; field?: string }>(promise: Promise<unknown>, type: new (...args: never[]) => E, code: string): Promise<E> {
    const error = await promise.then(
      () => new Error('resolved'),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(type);
    expect((error as E).code).toBe(code);
    return error as E;
  }

  it('registers the caller’s organisation as PENDING with its territory tidied, audited; a second one or a taken tax code is an outcome', async () => {
    const { owner, facilitator } = await registered({
      territory: { national: false, regionCodes: ['01'], provinceCodes: ['015', '001', '015'], comuneCodes: [MILANO] },
    });
    expect(await row(facilitator.id)).toMatchObject({ verificationStatus: PENDING, regionCodes: ['01'], provinceCodes: ['001', '015'], comuneCodes: [MILANO], national: false });
    expect(await audits(facilitator.id)).toEqual([{ action: 'facilitator.registered', actor_user_id: owner.userId }]);
    expect(await facilitators.register(actingAs(owner), anOrganisation())).toEqual({ kind: 'already-registered' });
    const other = await seedUser(core.db, UserRole.FACILITATOR);
    expect(await facilitators.register(actingAs(other), anOrganisation({ taxCode: facilitator.taxCode }))).toEqual({ kind: 'tax-code-taken' });
    expect(await count(other)).toBe(0);
  });

  it('refuses an empty territory and an unknown code naming the field, writing nothing; a shop account cannot register one', async () => {
    const owner = await seedUser(core.db, UserRole.FACILITATOR);
    const empty = await refused(
      facilitators.register(actingAs(owner), anOrganisation({ territory: { national: false, regionCodes: [], provinceCodes: [], comuneCodes: [] } })),
      FacilitatorException,
      FacilitatorErrorCode.TERRITORY_EMPTY,
    );
    expect(empty.field).toBe('input.territory');
    const unknown = await refused(
      facilitators.register(actingAs(owner), anOrganisation({ territory: { national: false, regionCodes: [], provinceCodes: [], comuneCodes: [TORINO, '999999'] } })),
      TerritoryException,
      TerritoryErrorCode.COMUNE_NOT_FOUND,
    );
    expect(unknown.field).toBe('input.territory.comuneCodes.1');
    const province = await refused(
      facilitators.register(actingAs(owner), anOrganisation({ territory: { national: false, regionCodes: [], provinceCodes: ['999'], comuneCodes: [] } })),
      TerritoryException,
      TerritoryErrorCode.PROVINCE_NOT_FOUND,
    );
    expect(province.field).toBe('input.territory.provinceCodes.0');
    expect(await count(owner)).toBe(0);
    await refused(facilitators.register(actingAs(await seedUser(core.db, UserRole.SHOP)), anOrganisation()), AuthException, AuthErrorCode.FORBIDDEN_ROLE);
  });

  it('is verified by staff like a provider: approve, suspend, reinstate; told each time; a rejected one resubmits by correcting', async () => {
    const { owner, facilitator } = await registered();
    const decide = (decision: VerificationStatus, reason?: string) => moderation.verifyFacilitator(actingAs(staff), { facilitatorId: facilitator.id, decision, reason });
    expect(await decide(SUSPENDED, 'Non ancora approvata')).toEqual({ kind: 'invalid-transition', current: PENDING });
    expect((await decide(APPROVED)).kind).toBe('facilitator');
    expect((await decide(SUSPENDED, 'Segnalazioni di negozi')).kind).toBe('facilitator');
    expect((await decide(REJECTED, 'Documenti non validi')).kind).toBe('facilitator');
    expect(await row(facilitator.id)).toMatchObject({ verificationStatus: REJECTED, verificationReason: 'Documenti non validi', verifiedByUserId: staff.userId });
    const kinds = await core.db.query('SELECT kind, params->>\'status\' AS status FROM notification WHERE user_id = $1 ORDER BY created_at, id', [owner.userId]);
    expect(kinds).toEqual([
      { kind: 'FACILITATOR_DECISION', status: APPROVED },
      { kind: 'FACILITATOR_DECISION', status: SUSPENDED },
      { kind: 'FACILITATOR_DECISION', status: REJECTED },
    ]);
    const corrected = await facilitators.update(actingAs(owner), { name: 'Camera di commercio di Torino – PID' });
    expect(corrected).toMatchObject({ verificationStatus: PENDING, resubmittedAt: expect.any(Date) });
    expect((await audits(facilitator.id)).map((event) => event.action)).toEqual([
      'facilitator.registered',
      'facilitator.approved',
      'facilitator.suspended',
      'facilitator.rejected',
      'facilitator.resubmitted',
    ]);
    await refused(moderation.verifyFacilitator(actingAs(owner), { facilitatorId: facilitator.id, decision: APPROVED }), AuthException, AuthErrorCode.FORBIDDEN_ROLE);
  });

  it('lists the queue for staff; shops see only approved ones, by the comune they serve; a pending one is hidden from shops', async () => {
    const turin = await registered({ name: 'Ascom Torino' });
    const lombardy = await registered({ name: 'CNA Lombardia', territory: { national: false, regionCodes: ['03'], provinceCodes: [], comuneCodes: [] } });
    const italy = await registered({ name: 'Confesercenti nazionale', kind: FacilitatorKind.TRADE_ASSOCIATION, territory: { national: true, regionCodes: ['01'], provinceCodes: [], comuneCodes: [] } });
    const waiting = await registered({ name: 'DIH in attesa' });
    for (const { facilitator } of [turin, lombardy, italy]) await moderation.verifyFacilitator(actingAs(staff), { facilitatorId: facilitator.id, decision: APPROVED });
    expect((await row(italy.facilitator.id)).regionCodes).toEqual([]);

    const shop = actingAs(await seedUser(core.db, UserRole.SHOP));
    const page = { first: 50, offset: 0 };
    const names = async (comuneCode?: string): Promise<string[]> => (await facilitators.list(shop, { comuneCode, status: PENDING }, page)).items.map((f) => f.name);
    expect(await names(TORINO)).toEqual(expect.arrayContaining(['Ascom Torino', 'Confesercenti nazionale']));
    expect(await names(TORINO)).not.toContain('CNA Lombardia');
    expect(await names(MILANO)).toEqual(expect.arrayContaining(['CNA Lombardia', 'Confesercenti nazionale']));
    expect(await names(MILANO)).not.toContain('Ascom Torino');
    expect(await names()).not.toContain('DIH in attesa');
    const queue = await facilitators.list(actingAs(staff), { status: PENDING }, page);
    expect(queue.items.map((f) => f.id)).toContain(waiting.facilitator.id);
    expect(queue.items.map((f) => f.verificationStatus)).toEqual(queue.items.map(() => PENDING));

    await refused(facilitators.get(shop, waiting.facilitator.id), FacilitatorException, FacilitatorErrorCode.FACILITATOR_NOT_FOUND);
    expect((await facilitators.get(shop, turin.facilitator.id)).name).toBe('Ascom Torino');
    await refused(facilitators.get(actingAs(turin.owner), waiting.facilitator.id), FacilitatorException, FacilitatorErrorCode.FACILITATOR_NOT_FOUND);
    await refused(facilitators.list(actingAs(turin.owner), {}, page), AuthException, AuthErrorCode.FORBIDDEN_ROLE);
  });
});
