import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { downloadReport, fetchProblems, type ImportJob, type ImportProblem } from './csv-import';

const PAGE = 50;

/** What a dry run or an import found: the counts, then the rows with a problem by line, column and reason. */
export function ImportReport({ job, headingId, notWritten, focus = false }: { job: ImportJob; headingId: string; notWritten: string; focus?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [total, setTotal] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dryRun = job.mode === 'DRY_RUN';

  useEffect(() => {
    setProblems([]);
    void fetchProblems(job.id, PAGE, 0).then((page) => {
      setProblems(page.items);
      setTotal(page.totalCount);
    });
    headingRef.current?.focus();
  }, [job.id]);

  const more = async () => setProblems([...problems, ...(await fetchProblems(job.id, PAGE, problems.length)).items]);
  type CountKey = 'toCreate' | 'toUpdate' | 'created' | 'updated' | 'notWritten' | 'unchanged' | 'skipped' | 'invalid';
  // An import that wrote nothing (all or nothing, with a row refused) created and updated nothing: the rows it would have are "not written".
  const unwritten = !dryRun && job.status === 'DONE' && !job.written;
  const counts: [CountKey, number][] = [
    [dryRun ? 'toCreate' : 'created', unwritten ? 0 : job.created],
    [dryRun ? 'toUpdate' : 'updated', unwritten ? 0 : job.updated],
    ...(unwritten ? [['notWritten', job.created + job.updated] as [CountKey, number]] : []),
    ['unchanged', job.unchanged],
    ['skipped', job.skipped],
    ['invalid', job.invalid],
  ];

  return (
    <section aria-labelledby={headingId} className="mb-4">
      <h2 id={headingId} className="h4" tabIndex={-1} ref={focus || dryRun ? headingRef : undefined}>
        {t(dryRun ? 'offerImport.checkResult' : 'offerImport.result', { file: job.fileName })}
      </h2>
      {job.failure ? <p className="alert alert-danger">{job.failure[language]}</p> : null}
      {!dryRun && job.status === 'DONE' ? (
        <p className={job.written ? 'alert alert-success' : 'alert alert-warning'}>{job.written ? t('offerImport.written') : notWritten}</p>
      ) : null}
      <p>{t('offerImport.summary', { rows: job.rows, separator: job.separator })}</p>
      <dl className="row">
        {counts.map(([key, value]) => (
          <div key={key} className="col-6 col-md-2">
            <dt>{t(`offerImport.counts.${key}`)}</dt>
            <dd data-testid={`count-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {total > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('offerImport.problems', { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offerImport.line')}</th>
                <th scope="col">{t('offerImport.key')}</th>
                <th scope="col">{t('offerImport.column')}</th>
                <th scope="col">{t('offerImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, i) => (
                <tr key={`${problem.line}-${i}`}>
                  <td>{problem.line}</td>
                  <td>{problem.externalKey ?? ''}</td>
                  <td>{problem.column ?? t('offerImport.wholeRow')}</td>
                  <td>{problem.reason?.[language] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="d-flex flex-wrap gap-3">
        {problems.length < total ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => void more()}>
            {t('offerImport.more')}
          </button>
        ) : null}
        <button type="button" className="btn btn-outline-primary" onClick={() => void downloadReport(job.id, language)}>
          {t('offerImport.report')}
        </button>
      </div>
    </section>
  );
}
