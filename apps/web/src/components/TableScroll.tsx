import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table that scrolls sideways on a phone: the scrolling box is focusable and named, so
 * keyboard users can scroll it too (WCAG 2.1.1). Its name says it is the table of `label`, so that
 * it differs from the section of the same title around it (each landmark has a name of its own).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={t('common.tableOf', { title: label })}>
      {children}
    </div>
  );
}
