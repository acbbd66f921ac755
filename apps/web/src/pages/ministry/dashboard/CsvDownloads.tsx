import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusNotice } from '../../../components/StatusNotice';
import type { MonitoringFilterInput } from '../../../gql/generated';
import { currentLanguage } from '../../../i18n';
import { downloadExport, ExportFailedError, EXPORTS, type ExportName } from './csv-download';

/** Every export with the dashboard's filter, fetched with the session's token and saved as a file. */
export function CsvDownloads({ filter }: { filter: MonitoringFilterInput }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportName | null>(null);
  const [failure, setFailure] = useState('');
  const [notice, setNotice] = useState('');

  const download = async (name: ExportName): Promise<void> => {
    setBusy(name);
    setFailure('');
    setNotice('');
    try {
      await downloadExport(name, filter, currentLanguage());
      setNotice(t('dashboard.exports.done', { name: t(`dashboard.exports.names.${name}`) }));
    } catch (error) {
      if (error instanceof ExportFailedError) setFailure(error.reason(currentLanguage()) ?? t('errors.loadFailed'));
      else setFailure(t('errors.network'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="exports-title" className="mt-5">
      <h2 id="exports-title" className="h3">
        {t('dashboard.exports.title')}
      </h2>
      <p>{t('dashboard.exports.lead')}</p>
      <StatusNotice message={notice} />
      {failure ? (
        <p className="alert alert-danger" role="alert">
          {failure}
        </p>
      ) : null}
      <ul className="export-list list-unstyled">
        {EXPORTS.map((name) => (
          <li key={name}>
            {/* aria-disabled, not disabled: the button keeps the focus while its file downloads. */}
            <button type="button" className="btn btn-outline-primary btn-sm" aria-disabled={busy !== null} aria-busy={busy === name} onClick={() => busy === null && void download(name)}>
              {t(`dashboard.exports.names.${name}`)}
              <span className="visually-hidden"> {t('dashboard.exports.format')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
