import type { EntityManager } from 'typeorm';
import type { PastAuditRecord } from '../audit/audit.service';
import type { Actor } from '../common/request-context';
import { UserAccountEntity } from '../auth/user-account.entity';
import { UserRole } from '../auth/user-role';
import { DelegationEntity } from '../delegation/delegation.entity';
import { newLinkSecret } from '../delegation/delegation-link';
import { DelegationConsent, DelegationStatus, LINK_VALID_DAYS } from '../delegation/delegation.types';
import { FacilitatorEntity } from '../facilitator/facilitator.entity';
import { FacilitatorKind } from '../facilitator/facilitator.types';
import { VerificationStatus } from '../provider/provider.types';
import { ShopEntity } from '../shop/shop.entity';
import type { ComuneEntity } from '../territory/comune.entity';
import { DAY_MS } from '../common/time';
import { demoId } from './demo-history';
import type { SeededRandom } from './seeded-random';

export const DEMO_FACILITATOR_EMAIL = 'facilitatore@vicini.demo';

interface DemoFacilitators {
  /** The facilitators' accounts and the shop registered on paper, for the audit trail. */
  users: UserAccountEntity[];
  paperShop: ShopEntity;
  facilitators: number;
  delegations: number;
  /** The demo facilitator's name and province, for the printed logins. */
  note: string;
  /** What the real actions would have recorded: registrations, decisions, delegations given. */
  audit: PastAuditRecord[];
}


/** The owner's address the demo's paper registration sent its claim link to. */
const PAPER_OWNER_EMAIL = 'anna.sartoria.borgo@example.it';
/**
 * Intermediaries in the demo: the verified chamber of commerce of the demo shop's province acting
 * for some of its shops (the demo shop among them, one registered on a paper consent and not yet
 * claimed), a national trade association acting for shops elsewhere, and one waiting for
 * verification. Rows written straight to the tables, as the rest of the demo.
 */
export async function seedDemoFacilitators(
  manager: EntityManager,
  data: { shops: ShopEntity[]; comuni: ComuneEntity[]; passwordHash: string },
  random: SeededRandom,
  now: Date,
): Promise<DemoFacilitators> {
  const { shops, comuni, passwordHash } = data;
  const comuneOf = new Map(comuni.map((c) => [c.code, c]));
  const home = comuneOf.get(shops[0].comuneCode);
  if (!home) throw new Error('the demo shop has no comune');
  const account = (n: number, email: string): UserAccountEntity =>
    Object.assign(new UserAccountEntity(), { id: demoId(n, 5), email, role: UserRole.FACILITATOR, passwordHash, disabledAt: null, emailVerifiedAt: now });
  const organisation = (n: number, fields: Partial<FacilitatorEntity>): FacilitatorEntity =>
    Object.assign(new FacilitatorEntity(), {
      id: demoId(n, 6),
      ownerUserId: demoId(n, 5),
      taxCode: random.partitaIva(),
      website: null,
      national: false,
      regionCodes: [],
      provinceCodes: [],
      comuneCodes: [],
      verificationReason: null,
      verifiedAt: new Date(now.getTime() - 25 * DAY_MS),
      verifiedByUserId: demoId(2),
      resubmittedAt: null,
      ...fields,
    });
  const users = [account(1, DEMO_FACILITATOR_EMAIL), account(2, 'facilitatore-02@vicini.demo'), account(3, 'facilitatore-03@vicini.demo')];
  const chamber = organisation(1, {
    name: `Camera di commercio di ${home.name} – Punto Impresa Digitale`,
    kind: FacilitatorKind.CHAMBER_OF_COMMERCE,
    contactEmail: 'pid@camera.example.it',
    provinceCodes: [home.provinceCode],
    verificationStatus: VerificationStatus.APPROVED,
  });
  const association = organisation(2, {
    name: 'Associazione Commercianti Italiani',
    kind: FacilitatorKind.TRADE_ASSOCIATION,
    contactEmail: 'digitale@associazione.example.it',
    national: true,
    verificationStatus: VerificationStatus.APPROVED,
  });
  const hub = organisation(3, {
    name: 'Polo di innovazione digitale del Centro',
    kind: FacilitatorKind.DIGITAL_INNOVATION_HUB,
    contactEmail: 'info@dih.example.it',
    regionCodes: ['09', '10', '11', '12'],
    verificationStatus: VerificationStatus.PENDING,
    verifiedAt: null,
    verifiedByUserId: null,
  });
  await manager.getRepository(UserAccountEntity).insert(users);
  await manager.getRepository(FacilitatorEntity).insert([chamber, association, hub]);

  // The chamber acts for the demo shop and other shops of its province; one more it registered on paper.
  const inProvince = shops.filter((s) => comuneOf.get(s.comuneCode)?.provinceCode === home.provinceCode).slice(0, 6);
  const elsewhere = shops.filter((s) => comuneOf.get(s.comuneCode)?.provinceCode !== home.provinceCode).slice(0, 200);
  const paperShop = Object.assign(new ShopEntity(), {
    ...shops[1],
    id: demoId(1, 7),
    ownerUserId: null,
    legalName: `Sartoria ${random.pick(['Bianchi', 'Colombo', 'Ricci', 'Marino'])} di Anna`,
    tradingName: 'Sartoria del Borgo',
    partitaIva: random.partitaIva(),
    atecoSection: 'C',
    atecoDivision: '14',
    comuneCode: home.code,
    latitude: home.latitude,
    longitude: home.longitude,
    contactEmail: 'sartoria.borgo@example.it',
  });
  await manager.getRepository(ShopEntity).insert(paperShop);
  let n = 0;
  const delegation = (facilitatorId: string, shopId: string, consent: DelegationConsent, days: number): DelegationEntity =>
    Object.assign(new DelegationEntity(), {
      id: demoId((n += 1), 8),
      facilitatorId,
      shopId,
      status: DelegationStatus.ACTIVE,
      consent,
      paperDeclaredOn: consent === DelegationConsent.PAPER ? new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10) : null,
      // A paper registration e-mails its owner a claim link (which nobody holds in the demo: "send it again" gives one).
      invitedEmail: consent === DelegationConsent.PAPER ? PAPER_OWNER_EMAIL : null,
      linkSecretHash: consent === DelegationConsent.PAPER ? newLinkSecret().hash : null,
      linkExpiresAt: consent === DelegationConsent.PAPER ? new Date(now.getTime() + (LINK_VALID_DAYS - days) * DAY_MS) : null,
      linkUsedAt: null,
      createdAt: new Date(now.getTime() - days * DAY_MS),
      activatedAt: new Date(now.getTime() - days * DAY_MS),
      endedAt: null,
      endedByUserId: null,
    });
  const delegations = [
    // All after the organisations' approval (25 days ago), as a shop can only choose an approved one.
    ...inProvince.map((shop, i) => delegation(chamber.id, shop.id, DelegationConsent.SHOP, 20 - i)),
    delegation(chamber.id, paperShop.id, DelegationConsent.PAPER, 3),
    ...Array.from({ length: 12 }, () => random.pick(elsewhere))
      .filter((shop, i, all) => all.findIndex((s) => s.id === shop.id) === i)
      .map((shop, i) => delegation(association.id, shop.id, DelegationConsent.SHOP, 22 - i)),
  ];
  await manager.getRepository(DelegationEntity).insert(delegations);
  return {
    users,
    paperShop,
    facilitators: 3,
    delegations: delegations.length,
    note: `${chamber.name} (approved), ${delegations.filter((d) => d.facilitatorId === chamber.id).length} shops`,
    audit: facilitatorAudit([chamber, association, hub], delegations, [...shops, paperShop], now),
  };
}

/** The audit events of the demo's intermediaries, as registering, deciding and delegating record theirs. */
function facilitatorAudit(organisations: readonly FacilitatorEntity[], delegations: readonly DelegationEntity[], shops: readonly ShopEntity[], now: Date): PastAuditRecord[] {
  const registeredAt = new Date(now.getTime() - 30 * DAY_MS);
  const asFacilitator = (userId: string): Actor => ({ userId, role: UserRole.FACILITATOR });
  const ownerOf = new Map(organisations.map((f) => [f.id, f.ownerUserId]));
  const shopOwner = new Map(shops.map((s) => [s.id, s.ownerUserId]));
  const events: PastAuditRecord[] = [];
  for (const f of organisations) {
    events.push({ action: 'facilitator.registered', entityType: 'facilitator', entityId: f.id, after: { name: f.name, kind: f.kind }, occurredAt: registeredAt, actor: f.ownerUserId ? asFacilitator(f.ownerUserId) : null });
    if (f.verifiedAt && f.verifiedByUserId) {
      events.push({
        action: `facilitator.${f.verificationStatus.toLowerCase()}`,
        entityType: 'facilitator',
        entityId: f.id,
        before: { verificationStatus: VerificationStatus.PENDING },
        after: { verificationStatus: f.verificationStatus },
        occurredAt: f.verifiedAt,
        actor: { userId: f.verifiedByUserId, role: UserRole.MINISTRY },
      });
    }
  }
  for (const d of delegations) {
    const facilitatorOwner = ownerOf.get(d.facilitatorId) ?? null;
    const owner = (d.shopId && shopOwner.get(d.shopId)) || null;
    events.push(
      d.consent === DelegationConsent.PAPER
        ? {
            action: 'delegation.registered_on_paper',
            entityType: 'delegation',
            entityId: d.id,
            after: { facilitatorId: d.facilitatorId, shopId: d.shopId, consent: d.consent, paperDeclaredOn: d.paperDeclaredOn, ownerEmail: d.invitedEmail },
            occurredAt: d.createdAt,
            actor: facilitatorOwner ? asFacilitator(facilitatorOwner) : null,
          }
        : { action: 'delegation.granted', entityType: 'delegation', entityId: d.id, after: { facilitatorId: d.facilitatorId, shopId: d.shopId }, occurredAt: d.createdAt, actor: owner ? { userId: owner, role: UserRole.SHOP } : null },
    );
  }
  return events;
}
