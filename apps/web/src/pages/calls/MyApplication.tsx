import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyCallApplicationFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PATHS, pathTo } from '../../routes';
import { ApplicationStatusBadge, ReserveReason } from './CallStatusBadge';

/** The shop's own application: its outcome, score, rank, and what each criterion gave and why. */
export function MyApplication({ application }: { application: MyCallApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const separation = application.separation && application.separationIt ? inLanguage(application.separation, application.separationIt) : null;
  return (
    <div className="mt-2" data-testid="my-application">
      <p className="mb-1">
        {t('calls.mine.status')} <ApplicationStatusBadge status={application.status} />
        <ReserveReason status={application.status} reason={application.reserveReason} />
      </p>
      <p className="mb-1 small">
        {t('calls.mine.submitted', { date: format.dateTime(application.submittedAt) })}
        {application.submittedByFacilitatorName ? ` · ${t('calls.submittedBy', { organisation: application.submittedByFacilitatorName })}` : ''}
      </p>
      {/* A place won: where it stands now (held for the provider's answer, running, given up…); the next step is on the service's page. */}
      {application.status === 'ADMITTED' && application.matchId ? (
        <p className="mb-1" data-testid="place-now">
          {t(`calls.mine.placeNow.${application.matchState && application.matchState !== 'WAITLISTED' ? application.matchState : 'PENDING'}`)}{' '}
          <Link to={pathTo(PATHS.shopMatch, application.matchId)}>{t('calls.mine.seeService')}</Link>
        </p>
      ) : null}
      {application.exclusionReason ? <p>{t('calls.exclusion', { reason: application.exclusionReason })}</p> : null}
      {application.score !== null && application.score !== undefined ? (
        <>
          <p className="mb-1" data-testid="my-score">
            {t('calls.mine.score', { score: format.number(application.score, 2), position: application.position ?? '—' })}
          </p>
          <ul>
            {(application.scoreParts ?? []).map((part) => (
              <li key={part.criterion}>{inLanguage(part.explanation, part.explanationIt)}</li>
            ))}
          </ul>
          {application.tiedWith ? <p className="small mb-1">{t('calls.mine.tied', { count: application.tiedWith })}</p> : null}
          {separation ? <p className="small">{separation}</p> : null}
        </>
      ) : (
        <p className="small">{t('calls.mine.waiting')}</p>
      )}
    </div>
  );
}
