import { endReasonAuthor, reasonForProvider } from '../match/shop-disclosure';
import type { MatchState } from '../match/match.types';
import { AUDIT_PERSONAL_KEYS, type ExportSection } from './personal-data.registry';

/** The personal keys of audit events, as an SQL array (constants of the registry, not input). */
const PERSONAL_KEYS = `ARRAY[${AUDIT_PERSONAL_KEYS.map((key) => `'${key}'`).join(', ')}]::text[]`;

/** Audit events about the account or what is its own: its shop or organisations, their requests, offers, matches and delegations. */
const OWN_EVENT = `((e.entity_type = 'user' AND e.entity_id = {user}::text)
              OR (e.entity_type = 'shop' AND e.entity_id = {shop}::text)
              OR (e.entity_type = 'provider' AND e.entity_id = {provider}::text)
              OR (e.entity_type = 'facilitator' AND e.entity_id = {facilitator}::text)
              OR (e.entity_type = 'help_request' AND e.entity_id IN (SELECT id::text FROM help_request WHERE shop_id = {shop}))
              OR (e.entity_type = 'offer' AND e.entity_id IN (SELECT id::text FROM offer WHERE provider_id = {provider}))
              OR (e.entity_type = 'match' AND e.entity_id IN (SELECT id::text FROM match WHERE shop_id = {shop}))
              OR (e.entity_type = 'match' AND e.actor_role IS DISTINCT FROM 'SHOP' AND e.actor_role IS DISTINCT FROM 'FACILITATOR'
                  AND e.entity_id IN (SELECT id::text FROM match WHERE provider_id = {provider}))
              OR (e.entity_type = 'delegation' AND e.entity_id IN (SELECT id::text FROM delegation WHERE shop_id = {shop}))
              OR (e.entity_type = 'call_application' AND e.entity_id IN (SELECT id::text FROM call_application WHERE shop_id = {shop}))
              OR (e.entity_type = 'call_publisher' AND e.entity_id IN (SELECT id::text FROM call_publisher WHERE facilitator_id = {facilitator})))`;

/** What others did about the organisation's delegations (shops granting, revoking, claiming): listed, without the shops' personal data. */
const FACILITATOR_SIDE_EVENT = `(e.entity_type = 'delegation' AND e.entity_id IN (SELECT id::text FROM delegation WHERE facilitator_id = {facilitator}))`;

/** What the shop's side did on the organisation's matches: listed, without the shop's words (they are the shop's data). */
const SHOP_SIDE_EVENT = `(e.entity_type = 'match' AND e.entity_id IN (SELECT id::text FROM match WHERE provider_id = {provider}))`;

/** One step of a match's history, as the export lists it. */
interface ExportedStep {
  actorRole: string | null;
  reason: string | null;
}

/**
 * A match as its provider may read it: the reasons the shop's side wrote only while the provider
 * deals with the shop (shop-disclosure.ts), as in the API; a shop's own matches whole.
 */
function matchAsExported(row: Record<string, unknown>, subject: ExportSubject, now: Date): Record<string, unknown> {
  if (row.shopId === subject.shop) return row;
  const match = { state: row.state as MatchState, completedAt: (row.completedAt as Date | null) ?? null };
  return {
    ...row,
    endReason: reasonForProvider(match, now, row.endReason as string | null, endReasonAuthor(match.state)),
    history: (row.history as ExportedStep[]).map((step) => ({ ...step, reason: reasonForProvider(match, now, step.reason, step.actorRole) })),
  };
}

/**
 * The SQL of each section of the personal-data export. Parameters: {user} the account, {shop} its shop,
 * {provider} and {facilitator} its organisation; any but the account may be null. Columns are named as the API names them.
 * `single` sections are one object (or null), the others lists streamed row by row; `shape`, where
 * given, is applied to each row as it is written.
 */
export const EXPORT_QUERIES: Record<ExportSection, { single: boolean; sql: string; shape?: (row: Record<string, unknown>, subject: ExportSubject, now: Date) => Record<string, unknown> }> = {
  account: {
    single: true,
    sql: `SELECT id, email, role, created_at AS "createdAt", disabled_at AS "disabledAt" FROM user_account WHERE id = {user}`,
  },
  privacyNoticeAcceptances: {
    single: false,
    sql: `SELECT notice_version AS "noticeVersion", accepted_at AS "acceptedAt" FROM privacy_notice_acceptance WHERE user_id = {user} ORDER BY accepted_at, id`,
  },
  sessions: {
    single: false,
    // One entry per sign-in, with how often it was renewed (each renewal is a token of its own).
    sql: `SELECT family_id AS "sessionId", min(created_at) AS "startedAt", (count(*) - 1)::int AS "renewals", max(created_at) AS "lastRenewedAt",
                 max(expires_at) AS "expiresAt", max(revoked_at) AS "endedAt"
            FROM refresh_token WHERE user_id = {user} GROUP BY family_id ORDER BY min(created_at), family_id`,
  },
  identityLinks: {
    single: false,
    sql: `SELECT provider_id AS "providerId", subject, fiscal_code AS "fiscalCode", created_at AS "linkedAt", last_sign_in_at AS "lastSignInAt"
            FROM identity_link WHERE user_id = {user} ORDER BY created_at, id`,
  },
  shop: {
    single: true,
    sql: `SELECT s.id, s.legal_name AS "legalName", s.trading_name AS "tradingName", s.partita_iva AS "partitaIva",
                 s.ateco_section AS "atecoSection", s.ateco_division AS "atecoDivision", s.comune_code AS "comuneCode", c.name AS "comune",
                 s.address, s.latitude, s.longitude, s.coordinates_from_comune AS "coordinatesFromComune", s.employees,
                 s.contact_email AS "contactEmail", s.contact_phone AS "contactPhone", s.created_at AS "createdAt", s.updated_at AS "updatedAt"
            FROM shop s JOIN comune c ON c.code = s.comune_code WHERE s.id = {shop}`,
  },
  provider: {
    single: true,
    sql: `SELECT id, name, partita_iva AS "partitaIva", kind, website, description, verification_status AS "verificationStatus",
                 verification_reason AS "verificationReason", verified_at AS "verifiedAt", resubmitted_at AS "resubmittedAt",
                 created_at AS "createdAt", updated_at AS "updatedAt"
            FROM provider WHERE id = {provider}`,
  },
  facilitator: {
    single: true,
    sql: `SELECT id, name, kind, tax_code AS "taxCode", contact_email AS "contactEmail", website, national, region_codes AS "regionCodes",
                 province_codes AS "provinceCodes", comune_codes AS "comuneCodes", verification_status AS "verificationStatus",
                 verification_reason AS "verificationReason", verified_at AS "verifiedAt", resubmitted_at AS "resubmittedAt",
                 created_at AS "createdAt", updated_at AS "updatedAt"
            FROM facilitator WHERE id = {facilitator}`,
  },
  offers: {
    single: false,
    sql: `SELECT o.id, o.title, o.description, o.categories, o.coverage_national AS "coverageNational",
                 (SELECT coalesce(json_agg(json_build_object('kind', k.kind, 'regionCode', k.region_code, 'provinceCode', k.province_code,
                         'comuneCode', k.comune_code, 'centerLatitude', k.center_latitude, 'centerLongitude', k.center_longitude, 'radiusKm', k.radius_km)
                         ORDER BY k.id), '[]') FROM offer_coverage k WHERE k.offer_id = o.id) AS coverage,
                 o.all_sectors AS "allSectors", o.eligible_sections AS "eligibleSections", o.eligible_divisions AS "eligibleDivisions",
                 o.capacity, o.used, o.free_period_months AS "freePeriodMonths", o.conditions, o.valid_from AS "validFrom", o.valid_until AS "validUntil",
                 o.status, o.published_at AS "publishedAt", o.moderation_reason AS "moderationReason", o.moderated_at AS "moderatedAt",
                 o.created_at AS "createdAt", o.updated_at AS "updatedAt"
            FROM offer o WHERE o.provider_id = {provider} ORDER BY o.created_at, o.id`,
  },
  helpRequests: {
    single: false,
    sql: `SELECT id, category, description, status, bundle_id AS "bundleId", created_at AS "createdAt", updated_at AS "updatedAt", cancelled_at AS "cancelledAt"
            FROM help_request WHERE shop_id = {shop} ORDER BY created_at, id`,
  },
  matches: {
    single: false,
    sql: `SELECT m.id, m.help_request_id AS "helpRequestId", m.offer_id AS "offerId", o.title AS "offerTitle", m.shop_id AS "shopId",
                 m.provider_id AS "providerId", m.category, m.state, m.origin, m.coverage_level AS "coverageLevel", m.distance_km AS "distanceKm",
                 m.respond_by AS "respondBy", m.waitlisted_at AS "waitlistedAt", m.accepted_at AS "acceptedAt", m.activated_at AS "activatedAt",
                 m.free_until AS "freeUntil", m.completed_at AS "completedAt", m.ended_at AS "endedAt", m.end_reason AS "endReason", m.created_at AS "createdAt",
                 (SELECT coalesce(json_agg(json_build_object('fromState', t.from_state, 'toState', t.to_state, 'occurredAt', t.occurred_at,
                         'actorRole', t.actor_role, 'byYou', t.actor_user_id IS NOT DISTINCT FROM {user}::uuid, 'reason', t.reason) ORDER BY t.id), '[]')
                    FROM match_transition t WHERE t.match_id = m.id) AS history
            FROM match m JOIN offer o ON o.id = m.offer_id
           WHERE m.shop_id = {shop} OR m.provider_id = {provider} ORDER BY m.created_at, m.id`,
    shape: matchAsExported,
  },
  outcomeSurveys: {
    single: false,
    sql: `SELECT s.id, s.match_id AS "matchId", s.checkpoint, s.got_online_orders AS "gotOnlineOrders", s.approximate_orders AS "approximateOrders",
                 s.answered_at AS "answeredAt"
            FROM outcome_survey s JOIN match m ON m.id = s.match_id
           WHERE m.shop_id = {shop} OR m.provider_id = {provider} OR s.answered_by_user_id = {user} ORDER BY s.answered_at, s.id`,
  },
  notifications: {
    single: false,
    sql: `SELECT id, kind, match_id AS "matchId", params, created_at AS "createdAt", read_at AS "readAt"
            FROM notification WHERE user_id = {user} ORDER BY created_at, id`,
  },
  callApplications: {
    single: false,
    sql: `SELECT a.id, a.call_id AS "callId", c.title AS "call", a.status, a.submitted_at AS "submittedAt", a.declarations, a.answers,
                 a.score, a.score_parts AS "scoreParts", a.position, a.admitted_at AS "admittedAt", a.exclusion_reason AS "exclusionReason"
            FROM call_application a JOIN selection_call c ON c.id = a.call_id WHERE a.shop_id = {shop} ORDER BY a.submitted_at, a.id`,
  },
  delegations: {
    single: false,
    // The shop's: who may act for it. The organisation's: the shops it acts for, by id (the owner's address is another person's).
    sql: `SELECT d.id, f.name AS facilitator, d.shop_id AS "shopId", d.status, d.consent, d.paper_declared_on AS "paperDeclaredOn",
                 CASE WHEN d.shop_id = {shop} THEN d.invited_email END AS "invitedEmail",
                 d.created_at AS "createdAt", d.activated_at AS "activatedAt", d.ended_at AS "endedAt"
            FROM delegation d JOIN facilitator f ON f.id = d.facilitator_id WHERE d.shop_id = {shop} OR d.facilitator_id = {facilitator} ORDER BY d.created_at, d.id`,
  },
  mailMessages: {
    single: false,
    sql: `SELECT id, recipient, kind, language, subject, text, status, created_at AS "createdAt", sent_at AS "sentAt"
            FROM mail_message
           WHERE user_id = {user}
              -- Sent before the account existed (an invitation, a claim link): to its address, or its shop's delegations' (as erasure finds them).
              OR (user_id IS NULL AND lower(recipient) IN (SELECT email FROM user_account WHERE id = {user}
                                                           UNION SELECT lower(invited_email) FROM delegation
                                                            WHERE invited_email IS NOT NULL AND (shop_id = {shop} OR lower(invited_email) = (SELECT email FROM user_account WHERE id = {user}))))
           ORDER BY created_at, id`,
  },
  auditEvents: {
    single: false,
    // About the account or what is its own, whole; by the person about someone else's (a facilitator acting for a shop), without that one's personal data.
    sql: `SELECT e.id, e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId",
                 e.actor_role AS "actorRole", e.actor_user_id IS NOT DISTINCT FROM {user}::uuid AS "byYou",
                 CASE WHEN e.own THEN e.before ELSE e.before - ${PERSONAL_KEYS} END AS before,
                 CASE WHEN e.own THEN e.after ELSE e.after - ${PERSONAL_KEYS} END AS after
            FROM (SELECT e.*, ${OWN_EVENT} AS own FROM audit_event e WHERE e.actor_user_id = {user} OR ${OWN_EVENT} OR ${SHOP_SIDE_EVENT} OR ${FACILITATOR_SIDE_EVENT}) e
           ORDER BY e.id`,
  },
};

export interface ExportSubject {
  user: string;
  shop: string | null;
  provider: string | null;
  facilitator: string | null;
}

/** The statement with its placeholders numbered in order of first use (each a uuid), and their values. */
export function bindSubject(sql: string, subject: ExportSubject): { text: string; values: (string | null)[] } {
  const names: (keyof ExportSubject)[] = [];
  const text = sql.replace(/\{(user|shop|provider|facilitator)\}/g, (_, name: keyof ExportSubject) => {
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}::uuid`;
  });
  return { text, values: names.map((name) => subject[name]) };
}
