import { MESSAGES, type Words } from '../messages';
import { RetentionCutoff } from './retention-policy';

/**
 * The privacy notice's one source: its version, the controller, the purposes with their legal
 * bases; the retention periods are added from the configuration when it is served. A change of
 * wording that changes what people accept gets a new version: sign-up records the version
 * accepted, and refuses an older one.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-07';

export interface PrivacyNoticePurpose {
  purpose: Words;
  legalBasis: Words;
}

export interface PrivacyNotice {
  version: string;
  controller: Words;
  /** Where the data protection officer is reached; a placeholder until the administration sets it (as the contacts page). */
  dpoEmail: string;
  purposes: PrivacyNoticePurpose[];
  retention: Omit<RetentionCutoff, 'cutoff'>[];
}

export const DPO_EMAIL = 'protezionedati@vicini-e-connessi.example';

export function privacyNotice(retention: readonly RetentionCutoff[]): PrivacyNotice {
  const notice = MESSAGES.privacyNotice;
  const publicTask = notice.basisPublicTask();
  return {
    version: PRIVACY_NOTICE_VERSION,
    controller: notice.controller(),
    dpoEmail: DPO_EMAIL,
    purposes: [
      { purpose: notice.purposeMatching(), legalBasis: publicTask },
      { purpose: notice.purposeAccount(), legalBasis: publicTask },
      { purpose: notice.purposeMessages(), legalBasis: publicTask },
      { purpose: notice.purposeStatistics(), legalBasis: publicTask },
      { purpose: notice.purposeAudit(), legalBasis: notice.basisLegalObligation() },
    ],
    retention: retention.map(({ kind, days, action }) => ({ kind, days, action })),
  };
}
