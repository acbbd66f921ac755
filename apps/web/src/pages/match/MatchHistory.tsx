import { useTranslation } from 'react-i18next';
import type { MatchDetailFieldsFragment } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';

/** Every step of the match, oldest first: what happened, who did it, when and why. */
export function MatchHistory({ transitions }: { transitions: MatchDetailFieldsFragment['transitions'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = (role: string | null): string => t(`matches.actors.${role ?? 'PLATFORM'}`, { defaultValue: role ?? '' });
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
              <time dateTime={step.occurredAt}>{format.dateTime(step.occurredAt)}</time> · {actor(step.actorRole)}
            </span>
            {step.reasonText ? <span className="d-block">{t('matches.reason', { reason: inLanguage(step.reasonText, step.reasonTextIt) })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
