import { VerificationStatus } from '../provider/provider.types';
import { checkTransition, knownToShops, offerVisibility, offerVisibleTo, OfferStatusAction, publicationBlock, shownToShops } from './offer-status';
import { OfferStatus, OfferVisibility } from './offer.types';

const NOW = new Date('2026-11-22T10:00:00Z');
const { DRAFT, PUBLISHED, PAUSED, CLOSED } = OfferStatus;

describe('checkTransition', () => {
  // Every action from every status: the whole table, so a change to it shows here.
  it.each([
    ['publish', DRAFT, PUBLISHED],
    ['publish', PUBLISHED, undefined],
    ['publish', PAUSED, undefined],
    ['publish', CLOSED, undefined],
    ['pause', DRAFT, undefined],
    ['pause', PUBLISHED, PAUSED],
    ['pause', PAUSED, undefined],
    ['pause', CLOSED, undefined],
    ['resume', DRAFT, undefined],
    ['resume', PUBLISHED, undefined],
    ['resume', PAUSED, PUBLISHED],
    ['resume', CLOSED, undefined],
    ['close', DRAFT, CLOSED],
    ['close', PUBLISHED, CLOSED],
    ['close', PAUSED, CLOSED],
    ['close', CLOSED, undefined],
  ] as [OfferStatusAction, OfferStatus, OfferStatus | undefined][])('%s from %s → %s', (action, status, to) => {
    expect(checkTransition(action, { status, validUntil: null }, NOW)).toEqual(to ? { ok: true, to } : { ok: false, reason: 'INVALID_TRANSITION' });
  });

  it('refuses to publish or resume once validUntil has passed (or is now), but lets it pause and close', () => {
    const ended = new Date(NOW.getTime());
    expect(checkTransition('publish', { status: DRAFT, validUntil: ended }, NOW)).toEqual({ ok: false, reason: 'VALIDITY_ENDED', validUntil: ended });
    expect(checkTransition('resume', { status: PAUSED, validUntil: ended }, NOW)).toMatchObject({ ok: false, reason: 'VALIDITY_ENDED' });
    expect(checkTransition('pause', { status: PUBLISHED, validUntil: ended }, NOW)).toEqual({ ok: true, to: PAUSED });
    expect(checkTransition('close', { status: PAUSED, validUntil: ended }, NOW)).toEqual({ ok: true, to: CLOSED });
    expect(checkTransition('publish', { status: DRAFT, validUntil: new Date(NOW.getTime() + 1) }, NOW)).toEqual({ ok: true, to: PUBLISHED });
  });

  it('reports an impossible transition before an ended validity', () => {
    expect(checkTransition('publish', { status: CLOSED, validUntil: new Date(0) }, NOW)).toEqual({ ok: false, reason: 'INVALID_TRANSITION' });
  });
});

describe('publicationBlock', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const facts = { providerStatus: VerificationStatus.APPROVED, unverifiedEmail: null, validUntil: null, now };

  it('lets an approved or pending organisation with a verified address publish an offer still valid', () => {
    expect(publicationBlock(facts)).toBeNull();
    expect(publicationBlock({ ...facts, providerStatus: VerificationStatus.PENDING, validUntil: new Date('2026-06-02T00:00:00Z') })).toBeNull();
  });

  it('names the first rule that stops it: the organisation, then the address, then the validity', () => {
    const ended = new Date('2026-06-01T10:00:00Z');
    expect(publicationBlock({ ...facts, providerStatus: VerificationStatus.SUSPENDED, unverifiedEmail: 'a@b.it', validUntil: ended })).toEqual({ kind: 'provider-not-approved', status: VerificationStatus.SUSPENDED });
    expect(publicationBlock({ ...facts, providerStatus: VerificationStatus.REJECTED })).toEqual({ kind: 'provider-not-approved', status: VerificationStatus.REJECTED });
    expect(publicationBlock({ ...facts, unverifiedEmail: 'a@b.it', validUntil: ended })).toEqual({ kind: 'email-not-verified', email: 'a@b.it' });
    expect(publicationBlock({ ...facts, validUntil: ended })).toEqual({ kind: 'validity-ended', validUntil: ended });
  });
});

describe('what shops see', () => {
  const { APPROVED, PENDING, REJECTED, SUSPENDED } = VerificationStatus;

  it('shows only published offers of approved providers', () => {
    for (const status of Object.values(OfferStatus)) {
      for (const provider of Object.values(VerificationStatus)) {
        expect(shownToShops(status, provider)).toBe(status === PUBLISHED && provider === APPROVED);
      }
    }
    expect(shownToShops(PUBLISHED, undefined)).toBe(false);
  });

  it('keeps an offer known once published by an approved provider, whatever its status now', () => {
    expect([PUBLISHED, PAUSED, OfferStatus.SUSPENDED, CLOSED].map((status) => knownToShops(status, APPROVED))).toEqual([true, true, true, true]);
    expect(knownToShops(DRAFT, APPROVED)).toBe(false);
    expect([PENDING, REJECTED, SUSPENDED, undefined].map((provider) => knownToShops(PUBLISHED, provider))).toEqual([false, false, false, false]);
  });

  it('lets staff and the provider see any offer a call names, anyone else only what shops see', () => {
    const provider = { ownerUserId: 'owner', verificationStatus: APPROVED };
    const staff = { userId: 'staff', staff: true };
    const owner = { userId: 'owner', staff: false };
    const shop = { userId: 'shop', staff: false };
    expect([staff, owner, shop, undefined].map((viewer) => offerVisibleTo(viewer, { status: OfferStatus.SUSPENDED }, provider))).toEqual([true, true, false, false]);
    expect([staff, owner, shop, undefined].map((viewer) => offerVisibleTo(viewer, { status: PUBLISHED }, provider))).toEqual([true, true, true, true]);
    expect(offerVisibleTo(shop, { status: PUBLISHED }, { ...provider, verificationStatus: SUSPENDED })).toBe(false);
    expect(offerVisibleTo(shop, { status: PUBLISHED }, undefined)).toBe(false);
  });
});

describe('offerVisibility', () => {
  it('says why shops do not see an offer, the end of its validity last', () => {
    expect(offerVisibility(PUBLISHED, VerificationStatus.APPROVED)).toBe(OfferVisibility.VISIBLE);
    expect(offerVisibility(PUBLISHED, VerificationStatus.APPROVED, true)).toBe(OfferVisibility.ENDED);
    expect(offerVisibility(PUBLISHED, VerificationStatus.PENDING, true)).toBe(OfferVisibility.AWAITING_VERIFICATION);
    expect(offerVisibility(PAUSED, VerificationStatus.APPROVED, true)).toBe(OfferVisibility.NOT_PUBLISHED);
    expect(offerVisibility(OfferStatus.SUSPENDED, VerificationStatus.APPROVED, true)).toBe(OfferVisibility.SUSPENDED_BY_MINISTRY);
  });
});
