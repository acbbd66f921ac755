import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEventFieldsFragment } from '../../../gql/generated';
import { inLanguage } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { historyPath } from '../../../routes';

/** A type's name for people, or the type itself for kinds the interface does not name yet. */
export function useEntityTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => t(`audit.types.${type}`, { defaultValue: type });
}

function Values({ label, values }: { label: string; values: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{label}</dt>
      <dd>{values ? <pre className="audit-json mb-0">{JSON.stringify(values, null, 2)}</pre> : t('audit.none')}</dd>
    </>
  );
}

/** Events newest first: when, what, on which object (a link to its history), who, and the values it changed. */
export function AuditEventsTable({ events, withEntity = true }: { events: AuditEventFieldsFragment[]; withEntity?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useEntityTypeLabel();
  return (
    <div className="table-responsive">
      <table className="table audit-table">
        <caption className="visually-hidden">{t('audit.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.table.when')}</th>
            <th scope="col">{t('audit.table.action')}</th>
            {withEntity ? <th scope="col">{t('audit.table.entity')}</th> : null}
            <th scope="col">{t('audit.table.actor')}</th>
            <th scope="col">{t('audit.table.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-event">
              <td>{format.dateTime(event.occurredAt)}</td>
              <td>
                {inLanguage(event.description, event.descriptionIt)}
                <br />
                <code className="small">{event.action}</code>
              </td>
              {withEntity ? (
                <td>
                  <Link to={historyPath(event.entityType, event.entityId)}>
                    {typeLabel(event.entityType)} <span className="audit-id">{event.entityId}</span>
                  </Link>
                </td>
              ) : null}
              <td>
                {event.actorEmail ?? (event.actorUserId ? event.actorUserId : t('audit.system'))}
                {event.onBehalfOfShopId ? (
                  <>
                    <br />
                    <span className="small">
                      {t('audit.onBehalfOf')}{' '}
                      <Link to={historyPath('shop', event.onBehalfOfShopId)}>{event.onBehalfOfShopName ?? event.onBehalfOfShopId}</Link>
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {event.before || event.after ? (
                  <details>
                    <summary>{t('audit.showChanges')}</summary>
                    <dl className="mb-0">
                      <Values label={t('audit.before')} values={event.before} />
                      <Values label={t('audit.after')} values={event.after} />
                    </dl>
                  </details>
                ) : (
                  t('audit.none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
