import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { historyPath } from '../../../routes';

/** "History" of one object on a staff screen, named by the object's heading for screen readers. */
export function HistoryLink({ entityType, entityId, describedBy }: { entityType: string; entityId: string; describedBy: string }) {
  const { t } = useTranslation();
  return (
    <p className="mt-2 mb-0">
      <Link to={historyPath(entityType, entityId)} aria-describedby={describedBy}>
        {t('audit.history')}
      </Link>
    </p>
  );
}
