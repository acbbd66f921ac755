import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RetentionReportDocument } from '../../gql/generated';
import { useFormat } from '../../i18n/format';

/** Staff see the retention periods configured and what the nightly job would purge now: a dry run, nothing changes. */
export function RetentionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error } = useQuery(RetentionReportDocument, { fetchPolicy: 'network-only' });
  const report = data?.retentionReport;
  return (
    <>
      <PageTitle title={t('retention.title')}>{t('retention.title')}</PageTitle>
      <p className="lead">{t('retention.lead')}</p>
      {!report ? (
        error ? (
          <LoadFailed />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <p>{t('retention.at', { time: format.dateTime(report.at) })}</p>
          <div className="table-responsive">
            <table className="table" data-testid="retention-report">
              <thead>
                <tr>
                  <th scope="col">{t('privacy.retentionKind')}</th>
                  <th scope="col">{t('privacy.retentionPeriod')}</th>
                  <th scope="col">{t('privacy.retentionAfter')}</th>
                  <th scope="col">{t('retention.cutoff')}</th>
                  <th scope="col">{t('retention.expired')}</th>
                  <th scope="col">{t('retention.variable')}</th>
                </tr>
              </thead>
              <tbody>
                {report.lines.map((line) => (
                  <tr key={line.kind}>
                    <td>{t(`retention.kinds.${line.kind}`)}</td>
                    <td>{t('retention.days', { count: line.days })}</td>
                    <td>{t(`retention.actions.${line.action}`)}</td>
                    <td>{format.dateTime(line.cutoff)}</td>
                    <td className="text-end">{format.number(line.rows)}</td>
                    <td>
                      <code>{line.variable}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
