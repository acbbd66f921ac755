import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { CsvImporter } from '../../components/import/CsvImporter';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { MyFacilitatorDocument } from '../../gql/generated';
import { PATHS } from '../../routes';

/**
 * "Importa negozi da CSV" on the facilitator's desk: shops registered on the paper consent their
 * owners signed, many at once (the template, a dry run with its report, then the import).
 */
export function ShopImportPage() {
  const { t } = useTranslation();
  const mine = useQuery(MyFacilitatorDocument);
  const facilitator = mine.data?.myFacilitator;
  if (mine.data && !facilitator) return <Navigate to={PATHS.facilitator} replace />;
  return (
    <>
      <PageTitle title={t('shopImport.title')}>{t('shopImport.title')}</PageTitle>
      <p className="lead">{t('shopImport.lead')}</p>
      <p>
        <Link to={PATHS.facilitatorDesk}>{t('shopImport.back')}</Link>
      </p>
      {!facilitator ? (
        <Loading />
      ) : facilitator.verificationStatus === 'APPROVED' ? (
        <CsvImporter kind="shops" templateText={t('shopImport.templateText')} commitLabel={t('shopImport.commit')} notWritten={t('shopImport.notWritten')} />
      ) : (
        <p className="alert alert-info">
          {t('shopImport.notApproved')} <Link to={PATHS.facilitator}>{t('nav.facilitator')}</Link>
        </p>
      )}
    </>
  );
}
