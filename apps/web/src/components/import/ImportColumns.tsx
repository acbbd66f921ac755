import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { fetchColumns, type ImportColumn, type ImportKind } from './csv-import';

/**
 * The file's columns as the API defines them, in the template's order: what to write in each,
 * which are required and which is the key. Folded under the template's download, so that the
 * steps stay short for those who know the file.
 */
export function ImportColumns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [columns, setColumns] = useState<ImportColumn[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    fetchColumns(kind).then(
      (listed) => current && setColumns(listed),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [kind]);

  if (failed) return null;
  return (
    <details className="mt-3">
      <summary>{t('offerImport.columns.title')}</summary>
      {columns ? (
        <div className="table-responsive mt-2">
          <table className="table table-sm">
            <caption className="visually-hidden">{t('offerImport.columns.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offerImport.columns.header')}</th>
                <th scope="col">{t('offerImport.columns.required')}</th>
                <th scope="col">{t('offerImport.columns.help')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.header}>
                  <th scope="row">
                    <code>{column.header}</code>
                  </th>
                  <td>{column.key ? t('offerImport.columns.key') : column.required ? t('offerImport.columns.yes') : t('offerImport.columns.no')}</td>
                  <td>{column.help[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-2">{t('common.loading')}</p>
      )}
    </details>
  );
}
