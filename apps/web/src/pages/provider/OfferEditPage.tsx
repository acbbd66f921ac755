import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { OfferDocument } from '../../gql/generated';
import { PATHS } from '../../routes';
import { OfferForm } from './OfferForm';
import { OfferIntegrations } from './OfferIntegrations';

/** A new offer (no id) or the edit of one; both return to the list with a message. */
export function OfferEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data, loading, error } = useQuery(OfferDocument, { variables: { id: id ?? '' }, skip: !id });
  const title = id ? t('offerForm.editTitle') : t('offerForm.newTitle');
  const done = (notice: string): void => {
    void navigate(PATHS.providerOffers, { state: { notice } });
  };
  const cancel = (): void => {
    void navigate(PATHS.providerOffers);
  };

  let body;
  if (!id) body = <OfferForm offer={null} onDone={done} onCancel={cancel} />;
  else if (loading && !data) body = <Loading />;
  else if (error || !data) body = <p className="alert alert-danger">{t('offers.notFound')}</p>;
  else if (data.offer.status === 'CLOSED') body = <p className="alert alert-warning">{t('offerForm.closed')}</p>;
  else
    body = (
      <>
        <OfferForm offer={data.offer} onDone={done} onCancel={cancel} />
        <OfferIntegrations offerId={data.offer.id} />
      </>
    );

  return (
    <>
      <p className="mb-2">
        <Link to={PATHS.providerOffers}>{t('offers.back')}</Link>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="lead">{id ? t('offerForm.editLead') : t('offerForm.newLead')}</p>
      {body}
    </>
  );
}
