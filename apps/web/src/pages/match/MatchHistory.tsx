import { useTranslation } from 'react-i18next';
import type { MatchDetailFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';

/** Every step of the match, oldest first: what happened, who did it, when and why. */
export function MatchHistory({ transitions }: { transitions: MatchDetailFieldsFragment['transitions'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = ({ actorRole, actorOrganisation }: (typeof transitions)[number]): string =>
    actorOrganisation ? t('matches.facilitatorNamed', { organisation: actorOrganisation }) : t(`matches.actors.${actorRole ?? 'PLATFORM'}`, { defaultValue: actorRole ?? '' });
  return (
    <section aria-labelledby="match-history-title" className="mt-5">
      <h2 id="match-history-title" className="h3">
        {t('matches.historyTitle')}
      </h2>
      <ol className="history" data-testid="match-history">
        {transitions.map((step) => (
          <li key={`${step.occurredAt}-${step.toState}`}>
            <span className="fw-semibold">{t(`matches.steps.${step.toState}`)}</span>
            <span className="d-block small">
              <time dateTime={step.occurredAt}>{format.dateTime(step.occurredAt)}</time> · {actor(step)}
            </span>
            {step.reasonText ? <span className="d-block">{t('matches.reason', { reason: inLanguage(step.reasonText, step.reasonTextIt) })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
