import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../components/Icon';
import { PATHS } from '../routes';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-brand-wrapper">
                <Link to={PATHS.home}>
                  <Icon name="it-pa" />
                  <div className="it-brand-text">
                    <div className="footer-brand-title">{t('common.appName')}</div>
                    <div className="footer-brand-tagline">{t('common.department')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="border-top border-white" />
          <div className="row py-4">
            <div className="col-lg-8 pb-3">
              <h2 className="footer-heading">{t('footer.aboutTitle')}</h2>
              <p className="mb-0">{t('footer.about')}</p>
            </div>
            <div className="col-lg-4">
              <h2 className="footer-heading">{t('footer.linksTitle')}</h2>
              <ul className="list-unstyled mb-0 footer-links">
                <li>
                  <Link to={PATHS.home}>{t('nav.home')}</Link>
                </li>
                <li>
                  <Link to={PATHS.privacy}>{t('nav.privacy')}</Link>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <p className="it-footer-small-prints-list mb-0 py-3 text-white">{t('footer.smallPrint')}</p>
        </div>
      </div>
    </footer>
  );
}
