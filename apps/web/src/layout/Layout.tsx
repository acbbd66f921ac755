import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { ActingBanner } from '../pages/facilitator/ActingBanner';
import { Footer } from './Footer';
import { Header } from './Header';
import { VerifyEmailBanner } from './VerifyEmailBanner';

/** Skip link, header, the page, footer; after each navigation the new page's h1 takes the focus, or the news it opens with. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The news of what the reader just did, when the page opens with it ("offer saved"); else the page's title.
    const news = document.querySelector<HTMLElement>('#main [data-arrived]');
    const heading = document.querySelector<HTMLElement>('#main h1');
    (news ?? heading ?? document.getElementById('main'))?.focus();
  }, [pathname]);

  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main">
          {t('common.skipToContent')}
        </a>
        <a className="visually-hidden-focusable" href="#footer">
          {t('common.skipToFooter')}
        </a>
      </div>
      <Header />
      <ActingBanner />
      <main id="main" tabIndex={-1} className="container my-5">
        <VerifyEmailBanner />
        <Outlet />
      </main>
      <Footer />
    </>
  );
}
