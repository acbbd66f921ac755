import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PagedResults } from '../../components/PagedResults';
import { TableScroll } from '../../components/TableScroll';
import { usePaging } from '../../components/Pagination';
import { PublicGraduatoriaDocument } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { ApplicationStatusBadge, ReserveReason } from './CallStatusBadge';

const PAGE_SIZE = 50;

/** The published ranking of a closed call, for anyone: position, business, comune, score, outcome. */
export function GraduatoriaPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const paging = usePaging(PAGE_SIZE);
  const { data, error } = useQuery(PublicGraduatoriaDocument, { variables: { id, first: PAGE_SIZE, offset: paging.offset } });
  if (error && !data) return <p className="text-danger">{t('calls.notFound')}</p>;
  if (!data) return <Loading />;
  const call = data.publishedSelectionCall;
  const title = t('calls.graduatoria.title', { title: call.title });
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{t('calls.graduatoria.lead', { count: call.places, date: call.closedAt ? format.dateTime(call.closedAt) : '' })}</p>
      <h2 className="h5">{t('calls.criteria')}</h2>
      <ul>
        {call.scoring.map((criterion, index) => (
          <li key={index}>{inLanguage(criterion.description, criterion.descriptionIt)}</li>
        ))}
        <li>{t('calls.tieBreakLine', { rules: [...call.tieBreak.map((rule) => t(`calls.tieBreaks.${rule}`)), t('calls.tieBreaks.DRAW')].join(', ') })}</li>
      </ul>
      <p className="small">{t('calls.graduatoria.seed', { seed: call.drawSeed ?? '' })}</p>
      <PagedResults paging={paging} page={data.callGraduatoria} error={error} empty={t('calls.graduatoria.empty')}>
        {(page) => {
          // What broke a tie, published when the call ranks by it: a reader checks the order with it.
          const byTime = page.items.some((row) => row.submittedAt);
          const byEmployees = page.items.some((row) => row.employees != null);
          return (
          <TableScroll label={t('calls.graduatoria.caption', { count: page.totalCount })}>
            <table className="table">
              <caption>{t('calls.graduatoria.caption', { count: page.totalCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calls.graduatoria.position')}</th>
                  <th scope="col">{t('calls.graduatoria.business')}</th>
                  <th scope="col">{t('calls.graduatoria.comune')}</th>
                  <th scope="col">{t('calls.graduatoria.score')}</th>
                  {byTime ? <th scope="col">{t('calls.graduatoria.submittedAt')}</th> : null}
                  {byEmployees ? <th scope="col">{t('calls.graduatoria.employees')}</th> : null}
                  <th scope="col">{t('calls.graduatoria.outcome')}</th>
                  <th scope="col">{t('calls.graduatoria.draw')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((row) => (
                  <tr key={row.position} data-testid="graduatoria-row">
                    <td>{row.position}</td>
                    <td>{row.shopName}</td>
                    <td>{`${row.comuneName} (${row.provinceSigla})`}</td>
                    <td>{format.number(row.score, 2)}</td>
                    {byTime ? <td>{row.submittedAt ? format.moment(row.submittedAt) : '—'}</td> : null}
                    {byEmployees ? <td>{row.employees != null ? format.number(row.employees) : '—'}</td> : null}
                    <td>
                      <ApplicationStatusBadge status={row.status} />
                      <ReserveReason status={row.status} reason={row.reserveReason} />
                    </td>
                    <td className="small">
                      <code>{row.applicationId}</code>
                      <br />
                      <code>{row.drawKey}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          );
        }}
      </PagedResults>
    </>
  );
}
