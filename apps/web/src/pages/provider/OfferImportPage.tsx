import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CsvImporter } from '../../components/import/CsvImporter';
import { PageTitle } from '../../components/PageTitle';
import { PATHS } from '../../routes';
import { RequireProvider } from './RequireProvider';

/** "Importa offerte da CSV": the template, a dry run of the chosen file with its report, then the import itself. */
export function OfferImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('offerImport.title')}>{t('offerImport.title')}</PageTitle>
      <p className="lead">{t('offerImport.lead')}</p>
      <p>
        <Link to={PATHS.providerOffers}>{t('offers.back')}</Link>
      </p>
      <RequireProvider>
        {() => <CsvImporter kind="offers" templateText={t('offerImport.templateText')} commitLabel={t('offerImport.commit')} notWritten={t('offerImport.notWritten')} />}
      </RequireProvider>
    </>
  );
}
