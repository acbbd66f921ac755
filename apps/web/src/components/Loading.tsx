import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex align-items-center gap-3 py-4" role="status">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** What a section shows when its data could not be loaded. */
export function LoadFailed({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return <p className={`alert alert-danger ${className}`.trim()}>{t('errors.loadFailed')}</p>;
}
