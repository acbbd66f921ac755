import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { StatusNotice, useArrivedNotice, useNotice } from '../components/StatusNotice';
import { HomeFiguresDocument } from '../gql/generated';
import { useFormat } from '../i18n/format';
import { homePathFor, PATHS } from '../routes';
import { LiveFigures } from './LiveFigures';

function Figures() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data, loading, error } = useQuery(HomeFiguresDocument);
  if (loading) return <Loading />;
  if (error || !data) return <p className="alert alert-warning">{t('home.figuresUnavailable')}</p>;
  const figures = [
    { value: data.territorySummary.regions, label: t('home.figures.regions') },
    { value: data.territorySummary.provinces, label: t('home.figures.provinces') },
    { value: data.territorySummary.comuni, label: t('home.figures.comuni') },
    { value: data.serviceCategories.length, label: t('home.figures.categories') },
  ];
  return (
    <>
      <ul className="row list-unstyled figures">
        {figures.map((figure) => (
          <li key={figure.label} className="col-6 col-lg-3 mb-3">
            <div className="figure-card">
              <span className="figure-value">{format.number(figure.value)}</span>
              <span className="figure-label">{figure.label}</span>
            </div>
          </li>
        ))}
      </ul>
      <h3 className="h4 mt-4">{t('home.categoriesTitle')}</h3>
      <ul className="category-list">
        {data.serviceCategories.map((category) => (
          <li key={category.code}>{i18n.language === 'en' ? category.labelEn : category.labelIt}</li>
        ))}
      </ul>
    </>
  );
}

function Steps({ items }: { items: string[] }) {
  return (
    <ol className="steps">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ol>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const shopSteps = t('home.shops.steps', { returnObjects: true }) as string[];
  const providerSteps = t('home.providers.steps', { returnObjects: true }) as string[];
  // After an account is deleted, the confirmation arrives here.
  const arrived = useArrivedNotice();
  const { notice } = useNotice(arrived);
  return (
    <>
      <StatusNotice {...notice} />
      <section className="hero mb-5" aria-labelledby="hero-title">
        <div className="hero-text">
          <PageTitle title={t('common.appName')}>
            <span id="hero-title">{t('home.title')}</span>
          </PageTitle>
          <p className="lead">{t('home.lead')}</p>
          <div className="d-flex flex-wrap gap-3 mt-4">
            {user ? (
              <Link className="btn btn-primary btn-lg" to={homePathFor(user.role)}>
                {t('home.ctaArea')}
              </Link>
            ) : (
              <>
                <Link className="btn btn-primary btn-lg" to={`${PATHS.register}?ruolo=SHOP`}>
                  {t('home.ctaShop')}
                </Link>
                <Link className="btn btn-outline-primary btn-lg" to={`${PATHS.register}?ruolo=PROVIDER`}>
                  {t('home.ctaProvider')}
                </Link>
              </>
            )}
          </div>
          <p className="mt-3 mb-0">
            <Link to={PATHS.catalogue}>{t('home.ctaCatalogue')}</Link>
          </p>
        </div>
      </section>

      <section className="mb-5" aria-labelledby="what-title">
        <h2 id="what-title">{t('home.whatTitle')}</h2>
        <p>{t('home.whatText')}</p>
        <p>{t('home.whatBetter')}</p>
      </section>

      <section className="mb-5" aria-labelledby="how-title">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <div className="row">
          <div className="col-md-6 mb-4">
            <div className="how-card h-100">
              <h3 className="h4">
                <Icon name="it-cart" className="icon-primary me-2" />
                {t('home.shops.title')}
              </h3>
              <Steps items={shopSteps} />
            </div>
          </div>
          <div className="col-md-6 mb-4">
            <div className="how-card h-100">
              <h3 className="h4">
                <Icon name="it-software" className="icon-primary me-2" />
                {t('home.providers.title')}
              </h3>
              <Steps items={providerSteps} />
            </div>
          </div>
        </div>
      </section>

      <section className="mb-5" aria-labelledby="live-title">
        <h2 id="live-title">{t('home.liveTitle')}</h2>
        <LiveFigures />
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('home.territoryTitle')}</h2>
        <Figures />
      </section>
    </>
  );
}
