import { INELIGIBILITY_REASONS, NEED_CODES, ServiceCategory } from '@vec/matching';
import { AllocationRunStatus, RunFailure } from '../allocation/allocation.types';
import { HelpRequestStatus } from '../help-request/help-request.types';
import { ImportRowOutcome } from '../import/import.types';
import { SYSTEM_REASON } from '../match/match-reasons';
import { MatchState, OutcomeCheckpoint } from '../match/match.types';
import { OfferStatus } from '../offer/offer.types';
import { VerificationStatus } from '../provider/provider.types';
import { CallApplicationStatus, ScoringKind, SelectionCallStatus, TieBreakRule } from '../selection-call/selection-call.types';
import { MESSAGES, type Words } from '.';

/** For every entry of the catalogue, the arguments to try it with: the compiler asks for each one. */
type Samples<C> = { [A in keyof C]: { [E in keyof C[A]]: C[A][E] extends (...args: infer P) => Words ? readonly Readonly<P>[] : never } };

const NONE: readonly [][] = [[]];
const each = <T>(values: readonly T[]): [T][] => values.map((value) => [value]);
const FIELD = 'input.campo';
const ON_FIELD: readonly [string][] = [[FIELD]];
const DATE = new Date('2026-03-10T10:00:00Z');
const PARTIES = { offer: 'Vetrina online', shop: 'Forno Rossi', provider: 'Digitale Srl' };
const WHY: readonly (Words | null)[] = [null, { en: 'siamo al completo', it: 'siamo al completo' }, MESSAGES.reason.system('NO_ANSWER')];
const withWhy = (prefix: readonly unknown[] = []) => WHY.map((why) => [...prefix, why]);
const APPLICATION_MAILS = [
  [{ shop: 'Forno Rossi', offer: 'Vetrina online', respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/organizzazione/candidature/1' }],
  [{ shop: 'Bar <Centrale> & Co', offer: 'Sito', respondBy: null, link: 'https://vicini.example/organizzazione/candidature/2' }],
] as const;
const FOOTER = { privacyUrl: 'https://vicini.example/privacy', preferencesUrl: 'https://vicini.example/preferenze' };
const MAIL_FRAMES = [
  [{ ...FOOTER, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[0][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[0][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[0][0]), action: { label: MESSAGES.mail.matchAppliedAction(), url: 'https://vicini.example/x' }, unsubscribeUrl: 'https://vicini.example/u' }],
  [{ ...FOOTER, subject: MESSAGES.mail.matchAppliedSubject(APPLICATION_MAILS[1][0]), text: MESSAGES.mail.matchAppliedText(APPLICATION_MAILS[1][0]), html: MESSAGES.mail.matchAppliedHtml(APPLICATION_MAILS[1][0]), action: null, unsubscribeUrl: null }],
] as const;
const SHOP_MATCH = { provider: 'Digitale Srl', offer: 'Vetrina <online>', link: 'https://vicini.example/la-mia-attivita/servizi/1' };
const SHOP_MATCHES = [[SHOP_MATCH]] as const;
const DECLINED_MAILS = [[{ ...SHOP_MATCH, reason: null }], [{ ...SHOP_MATCH, reason: { en: 'we are full', it: 'siamo al completo' } }], [{ ...SHOP_MATCH, reason: MESSAGES.reason.system('NO_ANSWER') }]] as const;
const PROMOTED_MAILS = [[{ ...SHOP_MATCH, respondBy: null }], [{ ...SHOP_MATCH, respondBy: { en: '15 March 2026', it: '15 marzo 2026' } }]] as const;
const REMINDER_MAILS = [[{ shop: 'Forno Rossi', offer: 'Sito', respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/organizzazione/candidature/1' }]] as const;
const DECISION_MAILS = [[{ provider: 'Digitale Srl', reason: null, link: 'https://vicini.example/organizzazione' }], [{ provider: 'Digitale Srl', reason: 'Partita IVA cessata', link: 'https://vicini.example/organizzazione' }]] as const;
const SURVEY_MAILS = [[{ provider: 'Digitale Srl', offer: 'Sito', days: 30, link: 'https://vicini.example/la-mia-attivita/servizi/1' }]] as const;
const ALLOCATION_MAILS = [
  [{ count: 1, items: [{ offer: 'Sito', other: 'Digitale Srl' }], respondBy: { en: '15 March 2026', it: '15 marzo 2026' }, link: 'https://vicini.example/x' }],
  [{ count: 2, items: [{ offer: 'Sito', other: 'Digitale Srl' }, { offer: 'Consegne', other: 'Bar <Centrale>' }], respondBy: null, link: 'https://vicini.example/x' }],
] as const;
const DIGEST_MAILS = [
  [{ count: 1, items: [{ subject: 'Digitale Srl ha accettato', link: 'https://vicini.example/a' }], link: 'https://vicini.example/notifiche' }],
  [{ count: 2, items: [{ subject: 'Digitale Srl ha accettato', link: 'https://vicini.example/a' }, { subject: 'Promemoria <importante>', link: null }], link: 'https://vicini.example/notifiche' }],
] as const;
const INVITATION_MAILS = [[{ facilitator: 'Ascom <Torino>', link: 'https://vicini.example/delega/1', validUntil: '4 gennaio 2027' }]] as const;
const CLAIM_MAILS = [[{ facilitator: 'Ascom Torino', shop: 'Forno & Figli', declaredOn: '1 dicembre 2026', link: 'https://vicini.example/rivendica/1', validUntil: '4 gennaio 2027' }]] as const;
const STATES = Object.values(MatchState);
const STEPS = ['accept', 'decline', 'activate', 'complete', 'withdraw'] as const;
const CHANGES = ['publish', 'pause', 'resume', 'close', 'suspend', 'reinstate'] as const;

const LINK_MAILS = [[{ email: 'negozio@example.it', link: 'https://vicini.example/verifica-email#1.abc', hours: 48 }], [{ email: '<b>x</b>@example.it', link: 'https://vicini.example/conferma-email#2.def', hours: 1 }]] as const;

const KINDS = Object.values(ScoringKind);
const SAMPLES: Samples<typeof MESSAGES> = {
  accountMail: {
    emailVerificationSubject: LINK_MAILS,
    emailVerificationText: LINK_MAILS,
    emailVerificationHtml: LINK_MAILS,
    passwordResetSubject: [[{ link: 'https://vicini.example/reimposta-password#1.abc', minutes: 30 }]],
    passwordResetText: [[{ link: 'https://vicini.example/reimposta-password#1.abc', minutes: 30 }]],
    passwordResetHtml: [[{ link: 'https://vicini.example/reimposta-password#1.abc', minutes: 30 }]],
    emailChangeSubject: LINK_MAILS,
    emailChangeText: LINK_MAILS,
    emailChangeHtml: LINK_MAILS,
    emailChangedSubject: [[{ oldEmail: 'vecchio@example.it', newEmail: 'nuovo@example.it' }]],
    emailChangedText: [[{ oldEmail: 'vecchio@example.it', newEmail: 'nuovo@example.it' }]],
    emailChangedHtml: [[{ oldEmail: 'vecchio@example.it', newEmail: 'nuovo@example.it' }]],
  },
  account: {
    notFound: NONE,
    ownAccount: NONE,
    lastAdmin: NONE,
    notStaff: NONE,
    erased: NONE,
    reasonRequired: ON_FIELD,
    reasonTooShort: [[FIELD, 5]],
  },
  needs: {
    question: NONE,
    questionHint: NONE,
    need: each(NEED_CODES),
    needHint: each(NEED_CODES),
    suggestion: each(Object.values(ServiceCategory)),
    notProposed: ON_FIELD,
  },
  selectionCall: {
    callNotFound: NONE,
    applicationNotFound: NONE,
    excludedOnErasure: NONE,
    offerNotFound: ON_FIELD,
    duplicateCode: ON_FIELD,
    unknownQuestion: ON_FIELD,
    unknownDeclaration: ON_FIELD,
    criterionIncomplete: ON_FIELD,
    unknownTerritory: ON_FIELD,
    employeeBounds: ON_FIELD,
    windowOrder: ON_FIELD,
    invalidState: each(Object.values(SelectionCallStatus)),
    windowOver: [[DATE]],
    windowOpen: [[DATE]],
    alreadyApplied: NONE,
    notEligible: NONE,
    ineligible: [
      [{ code: 'NOT_OPEN_YET', opensAt: DATE.getTime() }, null],
      [{ code: 'WINDOW_CLOSED', closesAt: DATE.getTime() }, null],
      [{ code: 'SECTOR' }, null],
      [{ code: 'TOO_FEW_EMPLOYEES', min: 2 }, null],
      [{ code: 'TOO_MANY_EMPLOYEES', max: 9 }, null],
      [{ code: 'OUTSIDE_TERRITORY' }, null],
      [{ code: 'DECLARATION_NOT_CONFIRMED', declarationCode: 'sede' }, 'Sede legale in Italia'],
      [{ code: 'QUESTION_NOT_ANSWERED', questionCode: 'prima' }, null],
    ],
    criterion: KINDS.map((kind) => [kind, 30, 'Prima volta online?'] as const),
    scorePart: KINDS.flatMap((kind) => [[kind, 1550, 30, 1] as const, [kind, 0, 30, 0] as const]),
    separatedBy: each(['SCORE', 'DRAW', ...Object.values(TieBreakRule)] as const),
    tieBreak: each(['DRAW', ...Object.values(TieBreakRule)] as const),
    applicationStatus: each(Object.values(CallApplicationStatus)),
  },
  allocation: {
    runNotFound: NONE,
    runAtInPast: ON_FIELD,
    runAtTooFar: ON_FIELD,
    notCancellable: each(Object.values(AllocationRunStatus)),
    runFailed: each(Object.values(RunFailure)),
  },
  callPublisher: {
    notAuthorised: NONE,
    organisationNotApproved: NONE,
    notRunner: NONE,
    needsApproval: NONE,
    alreadyAuthorised: NONE,
    notAuthorisedToRevoke: NONE,
  },
  auth: {
    invalidCredentials: NONE,
    sessionExpired: NONE,
    refreshTokenReused: NONE,
    accountDisabled: NONE,
    sessionEnded: NONE,
    notAuthenticated: NONE,
    forbiddenRole: NONE,
    emailTaken: NONE,
    emailNotVerified: [['negozio@example.it']],
    emailAlreadyVerified: NONE,
    accountLink: each(['INVALID', 'EXPIRED', 'USED'] as const),
    wrongCurrentPassword: NONE,
    sameEmail: NONE,
  },
  config: {
    databaseUrl: NONE,
    jwtSecretTooShort: [[32]],
    metricsTokenTooShort: [[16]],
    workerPollSeconds: NONE,
    trustProxy: NONE,
    allocationSchedule: NONE,
    cronExpression: [['ALLOCATION_SCHEDULE', '99 > 59']],
    mailFrom: NONE,
    smtpUrl: NONE,
    appUrl: NONE,
    smtpRequired: NONE,
    mailFromRequired: NONE,
    appUrlRequired: NONE,
    databaseRequired: NONE,
    jwtSecretRequired: NONE,
    jwtSecretPublished: NONE,
    jwtSecretGuessable: [[12, 128]],
    demoInProduction: NONE,
    insecureCookieInProduction: NONE,
  },
  delegation: {
    notFound: NONE,
    linkInvalid: ON_FIELD,
    declaredInFuture: ON_FIELD,
    alreadyDelegated: NONE,
    facilitatorNotApproved: NONE,
    invalidTransition: [['ACTIVE'], ['REVOKED'], ['INVITED'], ['DECLINED'], ['WITHDRAWN']],
    accountHasShop: NONE,
    signInFirst: NONE,
    passwordNeeded: ON_FIELD,
    actedOnBehalf: [['Ascom Torino', 'match.applied'], ['Ascom Torino', 'shop.updated'], ['Ascom Torino', 'something.else']],
    changed: [['Forno Rossi', 'ACTIVE'], ['Forno Rossi', 'DECLINED'], ['Forno Rossi', 'REVOKED'], ['Forno Rossi', 'CLAIMED'], ['Forno Rossi', 'OTHER']],
    withdrawn: [['Ascom Torino']],
  },
  delegationMail: {
    invitationSubject: INVITATION_MAILS,
    invitationText: INVITATION_MAILS,
    invitationHtml: INVITATION_MAILS,
    claimSubject: CLAIM_MAILS,
    claimText: CLAIM_MAILS,
    claimHtml: CLAIM_MAILS,
  },
  facilitator: {
    notRegistered: NONE,
    notFound: NONE,
    alreadyRegistered: NONE,
    taxCodeTaken: NONE,
    territoryEmpty: ON_FIELD,
    taxCode: [[FIELD, 'FORMAT'], [FIELD, 'CHECK_DIGIT'], [FIELD, 'OFFICE_CODE']],
  },
  bundle: {
    why: each(['SINGLE_OFFER', 'SINGLE_PROVIDER', 'ALL_INTEGRATED', 'PARTLY_INTEGRATED', 'BEST_SCORES'] as const),
    missing: [...INELIGIBILITY_REASONS, 'NO_CANDIDATE' as const].flatMap((reason) => [[reason, true] as const, [reason, false] as const]),
    tooSmall: ON_FIELD,
    notFound: NONE,
    partFull: each(Object.values(ServiceCategory)),
    partNotEligible: each(Object.values(ServiceCategory)),
    partNotOpen: each(Object.values(ServiceCategory)),
    partUnknown: ON_FIELD,
    setNotFound: ON_FIELD,
    setNotOpen: NONE,
    partTwice: ON_FIELD,
  },
  helpRequest: {
    notFound: NONE,
    askedTwice: each(Object.values(ServiceCategory)),
    alreadyOpen: Object.values(ServiceCategory).map((category) => [category, DATE]),
    alreadyMatched: Object.values(ServiceCategory).map((category) => [category, DATE]),
    onWaitlist: NONE,
    notOpen: each(Object.values(HelpRequestStatus)),
    notWithdrawable: each(Object.values(HelpRequestStatus)),
  },
  input: { nulCharacter: ON_FIELD, malformedText: ON_FIELD, dateOutOfRange: ON_FIELD },
  mail: {
    matchAppliedSubject: APPLICATION_MAILS,
    matchAppliedText: APPLICATION_MAILS,
    matchAppliedHtml: APPLICATION_MAILS,
    matchAppliedAction: NONE,
    notAdjustable: NONE,
    invalidUnsubscribeLink: NONE,
    notResendable: [['SENT'], ['QUEUED'], ['DIGESTED']],
    alreadyResent: NONE,
    notFound: NONE,
    attemptUnfinished: [[10]],
    outcomeUnknown: [['ETIMEDOUT']],
  },
  mailNotice: {
    matchAcceptedSubject: SHOP_MATCHES,
    matchAcceptedText: SHOP_MATCHES,
    matchAcceptedHtml: SHOP_MATCHES,
    matchDeclinedSubject: DECLINED_MAILS,
    matchDeclinedText: DECLINED_MAILS,
    matchDeclinedHtml: DECLINED_MAILS,
    matchExpiredSubject: SHOP_MATCHES,
    matchExpiredText: SHOP_MATCHES,
    matchExpiredHtml: SHOP_MATCHES,
    matchPromotedSubject: PROMOTED_MAILS,
    matchPromotedText: PROMOTED_MAILS,
    matchPromotedHtml: PROMOTED_MAILS,
    seeMatch: NONE,
    reminderSubject: REMINDER_MAILS,
    reminderText: REMINDER_MAILS,
    reminderHtml: REMINDER_MAILS,
    answerApplication: NONE,
    providerApprovedSubject: DECISION_MAILS,
    providerApprovedText: DECISION_MAILS,
    providerApprovedHtml: DECISION_MAILS,
    providerRejectedSubject: DECISION_MAILS,
    providerRejectedText: DECISION_MAILS,
    providerRejectedHtml: DECISION_MAILS,
    providerSuspendedSubject: DECISION_MAILS,
    providerSuspendedText: DECISION_MAILS,
    providerSuspendedHtml: DECISION_MAILS,
    seeOrganisation: NONE,
    surveySubject: SURVEY_MAILS,
    surveyText: SURVEY_MAILS,
    surveyHtml: SURVEY_MAILS,
    answerSurvey: NONE,
    allocationShopSubject: ALLOCATION_MAILS,
    allocationShopText: ALLOCATION_MAILS,
    allocationShopHtml: ALLOCATION_MAILS,
    seeServices: NONE,
    allocationProviderSubject: ALLOCATION_MAILS,
    allocationProviderText: ALLOCATION_MAILS,
    allocationProviderHtml: ALLOCATION_MAILS,
    seeApplications: NONE,
    digestSubject: DIGEST_MAILS,
    digestText: DIGEST_MAILS,
    digestHtml: DIGEST_MAILS,
    seeNotifications: NONE,
  },
  mailLayout: {
    text: MAIL_FRAMES,
    html: MAIL_FRAMES,
  },
  match: {
    notFound: NONE,
    notEligible: [[[MESSAGES.reason.ineligible('OUTSIDE_COVERAGE', false)]], [INELIGIBILITY_REASONS.map((reason) => MESSAGES.reason.ineligible(reason, false))]],
    offerFull: NONE,
    alreadyApplied: each(STATES),
    previouslyDeclined: [[DATE]],
    previouslyWithdrawn: [[DATE]],
    requestNotOpen: each(Object.values(HelpRequestStatus)),
    invalidTransition: STATES.flatMap((state) => STEPS.map((step) => [state, step] as const)),
    deadlinePassed: [[DATE]],
    surveyNotDue: each(['NOT_COMPLETED', 'NOT_ACTIVATED', 'WITHDRAWN', 'TOO_EARLY', 'ALREADY_ANSWERED'] as const),
  },
  monitoring: { provinceOutsideRegion: ON_FIELD, tooManyBuckets: ON_FIELD, unknownExport: ON_FIELD },
  notification: {
    matchApplied: [[PARTIES, DATE], [PARTIES, null]],
    matchWaitlisted: [[PARTIES]],
    allocatedToShop: [[PARTIES, DATE]],
    allocatedToProvider: [[PARTIES, DATE]],
    promotedToShop: [[PARTIES, DATE]],
    promotedToProvider: [[PARTIES, DATE]],
    matchAccepted: [[PARTIES]],
    matchDeclined: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    matchActive: [[PARTIES]],
    completedToShop: [[PARTIES]],
    completedToProvider: [[PARTIES]],
    allocatedElsewhereToShop: [[PARTIES]],
    allocatedElsewhereToProvider: [[PARTIES]],
    matchWithdrawn: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    holdReleasedToShop: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    holdReleasedToProvider: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    waitlistClosedToShop: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    waitlistClosedToProvider: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    noAnswerToShop: [[PARTIES]],
    noAnswerToProvider: [[PARTIES]],
    suspendedWhileWaiting: [[PARTIES, 'OFFER'], [PARTIES, 'PROVIDER']],
    suspendedWhileServed: [[PARTIES, 'OFFER'], [PARTIES, 'PROVIDER']],
    providerRejectedWhileServed: [[PARTIES]],
    organisationApproved: NONE,
    organisationRejected: withWhy() as [Words | null][],
    organisationSuspended: withWhy() as [Words | null][],
    offerReinstated: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    offerSuspended: withWhy([PARTIES]) as [typeof PARTIES, Words | null][],
    surveyDue: Object.values(OutcomeCheckpoint).map((checkpoint) => [PARTIES, checkpoint]),
  },
  oidc: {
    notJson: NONE,
    tooMany: [[20]],
    badId: NONE,
    duplicateId: NONE,
    badKind: NONE,
    badUrl: NONE,
    oneCredential: NONE,
    badKey: NONE,
    italianProfileNeedsKey: NONE,
    requestObjectNeedsKey: NONE,
    badScope: NONE,
    badObject: NONE,
    badText: [[80]],
    badBoolean: NONE,
    unknownField: NONE,
    plainHttpInProduction: [['spid-example']],
  },
  privacy: {
    erasureRefused: NONE,
    erasureBlocker: (['STAFF_ACCOUNT', 'LIVE_MATCHES', 'WAITLIST_ENTRIES', 'OPEN_REQUESTS', 'OPEN_OFFERS', 'ALREADY_ERASED'] as const).map((kind) => [kind, 2] as const),
    wrongPassword: NONE,
    accountNotFound: NONE,
    exportReasonRequired: NONE,
    exportSummary: [[{ account: 1, helpRequests: 3, unknownSection: 0 }, DATE]],
  },
  privacyNotice: {
    controller: NONE,
    purposeMatching: NONE,
    purposeAccount: NONE,
    purposeMessages: NONE,
    purposeStatistics: NONE,
    purposeAudit: NONE,
    basisPublicTask: NONE,
    basisLegalObligation: NONE,
  },
  offer: {
    notFound: NONE,
    coverageEmpty: ON_FIELD,
    radiusNoCentre: ON_FIELD,
    radiusTwoCentres: ON_FIELD,
    radiusPointIncomplete: ON_FIELD,
    sectorsConflict: ON_FIELD,
    sectorsEmpty: ON_FIELD,
    validityOrder: ON_FIELD,
    statusFilterStaffOnly: ON_FIELD,
    integrationsTooMany: [['input.partnerOfferIds', '10']],
    integrationSelf: ON_FIELD,
    integrationDuplicate: ON_FIELD,
    integrationPartnerNotFound: ON_FIELD,
    integrationSameProvider: ON_FIELD,
    capacityBelowUsed: [[1], [12]],
    closed: NONE,
    invalidTransition: Object.values(OfferStatus).flatMap((status) => CHANGES.map((change) => [status, change] as const)),
    validityEnded: [[DATE]],
  },
  import: {
    unknownKind: [['negozi']],
    noFile: NONE,
    spreadsheet: NONE,
    binary: NONE,
    notUtf8: [[2]],
    empty: NONE,
    noSeparator: NONE,
    headerMissing: [[['titolo']], [['titolo', 'capacita']]],
    headerUnknown: [[['prezzo'], ['titolo', 'capacita']]],
    headerRepeated: [['titolo']],
    tooLarge: [[30]],
    tooManyRows: [[50000]],
    syntax: [[12]],
    uploadCut: NONE,
    fieldCount: [[3, 14]],
    required: [['titolo']],
    tooLong: [['codice_esterno', 100]],
    keyRepeated: [['codice_esterno', 4]],
    notDate: [['valida_dal']],
    notYesNo: [['pubblica']],
    comuneUnknown: [['comuni', 'Milano (RM)']],
    provinceUnknown: [['province', 'XX']],
    regionUnknown: [['regioni', 'Padania']],
    cancelled: NONE,
    unchanged: NONE,
    interrupted: NONE,
    jobNotFound: NONE,
    outcome: each(Object.values(ImportRowOutcome)),
    offerColumnHelp: each(['key', 'title', 'description', 'categories', 'national', 'regions', 'provinces', 'comuni', 'sectors', 'capacity', 'freeMonths', 'conditions', 'validFrom', 'validUntil', 'publish']),
    reportHeader: [[0], [1], [2], [3], [4], [5]],
    shopColumnHelp: each(['key', 'legalName', 'tradingName', 'partitaIva', 'ateco', 'comune', 'province', 'address', 'employees', 'ownerEmail', 'contactEmail', 'contactPhone', 'declaredOn']),
    comuneNameUnknown: [['comune', 'Atlantide']],
    comuneAmbiguous: [['comune', 'Castro', ['BG', 'LE']]],
    partitaIvaTaken: [['partita_iva', '12345670017']],
    partitaIvaRepeated: [['partita_iva', 3]],
    shopPartitaIvaFixed: [['partita_iva']],
    shopConsentFixed: NONE,
    shopClaimed: NONE,
    shopDelegationEnded: NONE,
  },
  provider: {
    notRegistered: NONE,
    notFound: NONE,
    alreadyRegistered: NONE,
    partitaIvaTaken: NONE,
    notApproved: each([VerificationStatus.SUSPENDED, VerificationStatus.REJECTED]),
    invalidDecision: Object.values(VerificationStatus).flatMap((current) => Object.values(VerificationStatus).map((wanted) => [current, wanted] as const)),
  },
  reason: {
    system: each(Object.values(SYSTEM_REASON)),
    ineligible: INELIGIBILITY_REASONS.flatMap((reason) => [[reason, true] as const, [reason, false] as const]),
  },
  request: {
    tooComplex: each(['depth', 'aliases', 'directives', 'tokens', 'cost'] as const).map(([limit]) => [limit, 10, 32] as const),
    tooManyRequests: [[1], [59], [60], [61], [900]],
    emailLimit: [[30], [3600]],
    accountLocked: [[1], [60], [900]],
    bodyNotJson: NONE,
    bodyTooLarge: [[100]],
    bodyNotUtf8Json: NONE,
    bodyUnreadable: NONE,
    internalError: [[], ['richiesta-0001']],
    stopping: NONE,
  },
  sector: {
    unknownSection: [[FIELD, 'Z']],
    unknownDivision: [[FIELD, '99']],
    divisionNotInSection: [[FIELD, { division: '10', divisionSection: 'C', section: 'G' }]],
  },
  shop: {
    notRegistered: NONE,
    notFound: NONE,
    noShopNamed: NONE,
    alreadyRegistered: NONE,
    partitaIvaTaken: NONE,
    coordinatesIncomplete: ON_FIELD,
    coordinatesFarFromComune: [[FIELD, { km: '612.4', maxKm: '40', comune: 'Agliè' }]],
  },
  status: {
    verification: each(Object.values(VerificationStatus)),
    offer: each(Object.values(OfferStatus)),
    request: each(Object.values(HelpRequestStatus)),
    match: each(STATES),
    allocationRun: each(Object.values(AllocationRunStatus)),
  },
  territory: { regionNotFound: [['21']], provinceNotFound: [['999']], comuneNotFound: [['999999']], emptySearch: NONE },
  validation: {
    notEmpty: ON_FIELD,
    required: ON_FIELD,
    text: ON_FIELD,
    wholeNumber: ON_FIELD,
    number: ON_FIELD,
    positive: ON_FIELD,
    boolean: ON_FIELD,
    email: ON_FIELD,
    oneOf: [[FIELD, ['PENDING', 'APPROVED']]],
    either: [[FIELD, ['it', 'en']], [FIELD, ['APPROVED', 'REJECTED', 'SUSPENDED']]],
    pattern: ON_FIELD,
    date: ON_FIELD,
    atLeast: [[FIELD, 1]],
    atMost: [[FIELD, 500]],
    minLength: [[FIELD, 2]],
    maxLength: [[FIELD, 200]],
    minItems: [[FIELD, 1]],
    maxItems: [[FIELD, 100]],
    someItem: ON_FIELD,
    uniqueItems: ON_FIELD,
    unknownField: ON_FIELD,
    url: ON_FIELD,
    identifier: [[FIELD], ...each(['any', 'offer', 'helpRequest', 'match', 'provider', 'allocationRun', 'account', 'notification'] as const).map(([of]) => [FIELD, of] as const)],
    latitude: ON_FIELD,
    longitude: ON_FIELD,
    list: ON_FIELD,
    object: ON_FIELD,
    after: [[FIELD, 'validFrom']],
    partitaIva: each(['FORMAT', 'CHECK_DIGIT', 'OFFICE_CODE'] as const).map(([failure]) => [FIELD, failure] as const),
    invalid: ON_FIELD,
    notNull: ON_FIELD,
    regionCode: ON_FIELD,
    provinceCode: ON_FIELD,
    comuneCode: ON_FIELD,
    atecoSection: ON_FIELD,
    atecoDivision: ON_FIELD,
    phoneNumber: ON_FIELD,
    serviceCategory: ON_FIELD,
    auditEntityType: ON_FIELD,
    auditAction: ON_FIELD,
    privacyNoticeVersion: ON_FIELD,
    auditCursor: ON_FIELD,
    decisionReasonRequired: ON_FIELD,
    decisionReasonTooShort: [[FIELD, 5]],
    suspensionReasonTooShort: [[FIELD, 10]],
    zeroWithoutOrders: ON_FIELD,
  },
};

/** English words that give away untranslated text in an Italian message. */
const ENGLISH = /\b(the|and|or|is|are|must|should|not|cannot|with|from|your|please|only|already|this|that|have|has|will|can|of|to|for|by|on|at|be|been|was|were)\b/i;
/** What an unfilled or badly filled placeholder leaves behind (a blank line between paragraphs is fine, two are not). */
const UNFILLED = /\bundefined\b|\bnull\b(?!:)|\bNaN\b|\[object|\$\{|\$property|\$constraint|\{\{|[^\S\n]{2}|\n{3}|[^\S\n]\n|\n[^\S\n]/;

const cases = Object.entries(SAMPLES).flatMap(([area, entries]) =>
  Object.entries(entries as unknown as Record<string, readonly unknown[][]>).flatMap(([entry, samples]) =>
    samples.map((args) => {
      const write = (MESSAGES as unknown as Record<string, Record<string, (...args: unknown[]) => Words>>)[area][entry];
      return { name: `${area}.${entry}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`, words: write(...args) };
    }),
  ),
);

describe('the message catalogue', () => {
  it('is tried with arguments for every entry (the compiler asks for them, this checks none is empty)', () => {
    for (const [area, entries] of Object.entries(MESSAGES)) {
      for (const entry of Object.keys(entries)) expect([area, entry, (SAMPLES as unknown as Record<string, Record<string, unknown[]>>)[area][entry].length]).toEqual([area, entry, expect.any(Number)]);
    }
    expect(cases.length).toBeGreaterThan(400);
  });

  it.each(cases)('$name: English and Italian, both written, not the same', ({ words }) => {
    expect(words.en).toMatch(/\S/);
    expect(words.it).toMatch(/\S/);
    expect(words.it).not.toBe(words.en);
  });

  it.each(cases)('$name: every placeholder filled', ({ words }) => {
    expect(words.en).not.toMatch(UNFILLED);
    expect(words.it).not.toMatch(UNFILLED);
  });

  it.each(cases)('$name: Italian without English words', ({ words }) => {
    expect(words.it).not.toMatch(ENGLISH);
  });

  it('escapes the values in the HTML part of an e-mail, and only there', () => {
    const values = { shop: 'Bar <Centrale> & Co', offer: 'Sito', respondBy: null, link: 'https://vicini.example/x?a=1&b=2' };
    expect(MESSAGES.mail.matchAppliedHtml(values).it).toContain('<strong>Bar &lt;Centrale&gt; &amp; Co</strong>');
    expect(MESSAGES.mail.matchAppliedText(values).it).toContain('Bar <Centrale> & Co si è candidata');
    expect(MESSAGES.mail.matchAppliedText(values).it).not.toContain('entro il');
  });

  it('writes lists as lines in text and as a list in HTML, and one or many in words', () => {
    const [[two]] = [ALLOCATION_MAILS[1]];
    expect(MESSAGES.mailNotice.allocationShopText(two).it).toBe(
      ['Buongiorno,', '', 'L’ultima assegnazione ti ha dato un posto in 2 offerte:', '', '- «Sito» di Digitale Srl', '- «Consegne» di Bar <Centrale>'].join('\n'),
    );
    expect(MESSAGES.mailNotice.allocationShopHtml(two).it).toContain('<ul>\n<li>«Sito» di Digitale Srl</li>\n<li>«Consegne» di Bar &lt;Centrale&gt;</li>\n</ul>');
    expect(MESSAGES.mailNotice.allocationShopSubject(two).en).toBe('The allocation gave you 2 services');
    expect(MESSAGES.mailNotice.allocationShopSubject(ALLOCATION_MAILS[0][0]).it).toBe('L’assegnazione ti ha dato un servizio');
    expect(MESSAGES.mailNotice.matchDeclinedText(DECLINED_MAILS[1][0]).it).toContain('Il motivo indicato: «siamo al completo».');
    expect(MESSAGES.mailNotice.matchDeclinedText(DECLINED_MAILS[1][0]).en).toContain('Their reason: «we are full».');
    expect(MESSAGES.mailNotice.matchDeclinedHtml(DECLINED_MAILS[0][0]).it).not.toContain('<p></p>');
    expect(MESSAGES.mailNotice.matchDeclinedHtml(DECLINED_MAILS[0][0]).it).toContain('<p><strong>Digitale Srl</strong> non può offrirti «Vetrina &lt;online&gt;».</p>');
  });

  it('writes the values it is given into both languages', () => {
    expect(MESSAGES.offer.capacityBelowUsed(12)).toEqual({
      en: '12 places are already taken: the capacity can be 12 or more',
      it: '12 posti sono già occupati: la capacità può essere 12 o più',
    });
    expect(MESSAGES.validation.maxLength('input.title', 200)).toEqual({ en: 'input.title can have at most 200 characters', it: 'input.title può avere al massimo 200 caratteri' });
    expect(MESSAGES.request.tooManyRequests(61)).toEqual({ en: 'Too many requests from your connection. Try again in 2 minutes', it: 'Troppe richieste dalla tua connessione. Riprova tra 2 minuti' });
    expect(MESSAGES.request.accountLocked(60).it).toMatch(/Riprova tra 1 minuto$/);
    expect(MESSAGES.match.previouslyWithdrawn(DATE)).toEqual({
      en: 'You gave this offer up on 10 March 2026: confirm that you are asking for it again',
      it: 'Hai rinunciato a questa offerta il 10 marzo 2026: conferma che la chiedi di nuovo',
    });
    expect(MESSAGES.validation.either('lang', ['it', 'en'])).toEqual({ en: 'lang must be it or en', it: 'lang deve essere it oppure en' });
  });

  it('names statuses in words, never as codes', () => {
    expect(MESSAGES.allocation.notCancellable(AllocationRunStatus.RUNNING)).toEqual({
      en: 'The run is running: only a scheduled or queued run can be cancelled',
      it: 'L’esecuzione è in corso: si può annullare solo un’esecuzione programmata o in coda',
    });
    for (const { name, words } of cases.filter((c) => /^(status|match|offer|helpRequest|provider|allocation|notification|reason)\./.test(c.name))) {
      expect([name, words.en, words.it]).toEqual([name, expect.not.stringMatching(/[A-Z_]{6,}/), expect.not.stringMatching(/[A-Z_]{6,}/)]);
    }
  });
});
