import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, mirrored in the document title; the layout focuses it after navigation. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const appName = t('common.appName');
  useEffect(() => {
    document.title = title === appName ? appName : `${title} – ${appName}`;
  }, [title, appName]);
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
