import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Icon } from '../components/Icon';
import { PATHS } from '../routes';

/**
 * The footer of a public service (Designers Italia): who runs it, help (questions and contacts),
 * and in the small prints what AgID requires on every page — legal notes, privacy and the
 * accessibility statement with its feedback mechanism.
 */
export function Footer() {
  const { t } = useTranslation();
  const help = [
    { to: PATHS.faq, label: t('nav.faq') },
    { to: PATHS.contacts, label: t('nav.contacts') },
  ];
  const legal = [
    { to: PATHS.legalNotes, label: t('nav.legalNotes') },
    { to: PATHS.privacy, label: t('nav.privacy') },
    { to: PATHS.accessibility, label: t('nav.accessibility') },
  ];
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
              <h2 className="footer-heading">{t('footer.helpTitle')}</h2>
              <ul className="list-unstyled mb-0 footer-links">
                {help.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to}>{link.label}</Link>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <nav aria-label={t('footer.legalTitle')}>
            <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row footer-small-links">
              {legal.map((link) => (
                <li key={link.to} className="list-inline-item">
                  <Link to={link.to}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <p className="mb-0 pb-3 text-white small">{t('footer.smallPrint')}</p>
        </div>
      </div>
    </footer>
  );
}
