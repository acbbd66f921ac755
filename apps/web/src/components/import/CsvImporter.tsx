import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../fields';
import { currentLanguage } from '../../i18n';
import { downloadTemplate, type ImportJob, type ImportKind, type ImportMode, type ImportProgress, ImportRefusedError, runImport } from './csv-import';
import { ImportColumns } from './ImportColumns';
import { ImportReport } from './ImportReport';

type Commit = Exclude<ImportMode, 'DRY_RUN'>;

/** The bar and the words of an import under way; the file's size gives the share read. */
function Progress({ progress, size }: { progress: ImportProgress; size: number }) {
  const { t } = useTranslation();
  const percent = size > 0 ? Math.min(100, Math.round((progress.bytesRead / size) * 100)) : 0;
  return (
    <div className="my-3">
      <div className="progress">
        <div className="progress-bar" role="progressbar" style={{ width: `${percent}%` }} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={t('offerImport.progressLabel')} />
      </div>
      <p role="status">{t('offerImport.progress', { rows: progress.rows, percent })}</p>
    </div>
  );
}

/** What differs between imports: the kind in the API and the words that name what is imported. */
export interface CsvImporterProps {
  kind: ImportKind;
  templateText: string;
  commitLabel: string;
  notWritten: string;
}

/**
 * A CSV import in three steps, for any import kind of the API: the template, a dry run of the
 * chosen file with its report (counts, then each problem by line, column and reason), then the
 * import itself in the chosen mode, with its progress and final report.
 */
export function CsvImporter({ kind, templateText, commitLabel, notWritten }: CsvImporterProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [refusal, setRefusal] = useState('');
  const [check, setCheck] = useState<ImportJob | null>(null);
  const [mode, setMode] = useState<Commit>('ALL_OR_NOTHING');
  const [result, setResult] = useState<ImportJob | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const run = async (chosen: ImportMode): Promise<ImportJob | null> => {
    if (!file) {
      setFileError(t('offerImport.chooseFile'));
      document.getElementById('import-file')?.focus();
      return null;
    }
    setBusy(true);
    setRefusal('');
    setProgress({ rows: 0, bytesRead: 0 });
    try {
      return await runImport(kind, file, chosen, setProgress);
    } catch (error) {
      setRefusal(error instanceof ImportRefusedError ? (error.reason(language) ?? t('offerImport.failed')) : t('offerImport.failed'));
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onCheck = async (event: FormEvent) => {
    event.preventDefault();
    setCheck(null);
    setResult(null);
    setCheck(await run('DRY_RUN'));
  };

  const onCommit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(await run(mode));
  };

  const writable = check && check.status === 'DONE' && check.created + check.updated > 0;

  return (
    <>
      <section aria-labelledby="import-template" className="mb-4">
        <h2 id="import-template" className="h4">
          {t('offerImport.templateTitle')}
        </h2>
        <p>{templateText}</p>
        <button type="button" className="btn btn-outline-primary" onClick={() => void downloadTemplate(kind).catch(() => setRefusal(t('offerImport.failed')))}>
          {t('offerImport.template')}
        </button>
        <ImportColumns kind={kind} />
      </section>

      <section aria-labelledby="import-check" className="mb-4">
        <h2 id="import-check" className="h4">
          {t('offerImport.checkTitle')}
        </h2>
        <form onSubmit={(event) => void onCheck(event)} noValidate>
          <div className="form-group">
            <label htmlFor="import-file" className="active">
              {t('offerImport.file')}
            </label>
            <input
              id="import-file"
              type="file"
              className="form-control"
              accept=".csv,text/csv"
              aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError('');
                setCheck(null);
                setResult(null);
              }}
            />
            <small id="import-file-hint" className="form-text">
              {t('offerImport.fileHint')}
            </small>
            {fileError ? (
              <div id="import-file-error" className="invalid-feedback d-block">
                {fileError}
              </div>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
            {t('offerImport.check')}
          </button>
        </form>
      </section>

      {progress ? <Progress progress={progress} size={file?.size ?? 0} /> : null}
      <div ref={refusalRef} tabIndex={-1} role="alert" className={refusal ? 'alert alert-danger' : 'visually-hidden'}>
        {refusal}
      </div>

      {check ? <ImportReport job={check} headingId="import-check-result" notWritten={notWritten} /> : null}

      {writable && !result ? (
        <section aria-labelledby="import-commit" className="mb-4">
          <h2 id="import-commit" className="h4">
            {t('offerImport.commitTitle')}
          </h2>
          <form onSubmit={(event) => void onCommit(event)}>
            <RadioGroup
              id="import-mode"
              legend={t('offerImport.mode')}
              value={mode}
              onChange={(value) => setMode(value as Commit)}
              options={[
                { value: 'ALL_OR_NOTHING', label: t('offerImport.modes.ALL_OR_NOTHING'), hint: t('offerImport.modeHints.ALL_OR_NOTHING') },
                { value: 'ROW_BY_ROW', label: t('offerImport.modes.ROW_BY_ROW'), hint: t('offerImport.modeHints.ROW_BY_ROW') },
              ]}
            />
            <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
              {commitLabel}
            </button>
          </form>
        </section>
      ) : null}

      {result ? <ImportReport job={result} headingId="import-result" notWritten={notWritten} focus /> : null}
    </>
  );
}
