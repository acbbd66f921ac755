import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, NavLink, useLocation, useNavigate } from 'react-router-dom';
import { useActingFor } from '../auth/acting-for';
import { useSession } from '../auth/session-context';
import type { SessionUser } from '../auth/session-store';
import { Icon } from '../components/Icon';
import { PATHS } from '../routes';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsLink } from './NotificationsLink';
import { useAccountName } from './use-account-name';

function AccountZone() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  if (!user) {
    return (
      <Link className="btn btn-primary btn-icon btn-full" to={PATHS.login}>
        <span className="rounded-icon">
          <Icon name="it-user" className="icon-primary" />
        </span>
        <span className="d-none d-lg-block">{t('common.login')}</span>
        <span className="visually-hidden d-lg-none">{t('common.login')}</span>
      </Link>
    );
  }
  return (
    <div className="d-flex align-items-center gap-2">
      {user.passwordChangeRequired ? null : <NotificationsLink />}
      <AccountMenu user={user} />
      <button
        type="button"
        className="btn btn-primary btn-icon btn-full"
        onClick={() => void signOut().then(() => navigate(PATHS.home))}
      >
        <span className="rounded-icon">
          <Icon name="it-logout" className="icon-primary" />
        </span>
        <span>{t('common.logout')}</span>
      </button>
    </div>
  );
}

function AccountName({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const name = useAccountName(user);
  return (
    <span className="d-none d-xl-inline-block" data-testid="account-name">
      {t('common.signedInAs', { name })}
    </span>
  );
}

/**
 * The person's own pages (account, preferences, privacy) in the slim header, apart from the role's
 * sections, as Bootstrap Italia sites do: the main menu then keeps room for the work itself.
 */
function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const links: NavigationLink[] = [
    { to: PATHS.account, label: t('account.link') },
    { to: PATHS.preferences, label: t('nav.preferences') },
    { to: PATHS.privacy, label: t('nav.privacy'), end: true },
  ];
  const disclosure = useDisclosure();
  return (
    <div className="account-menu" ref={disclosure.wrapper} onKeyDown={disclosure.onKeyDown} onBlur={disclosure.onBlur}>
      <button
        ref={disclosure.button}
        type="button"
        className={`btn btn-primary btn-icon btn-full account-menu-toggle${disclosure.active(links) ? ' active' : ''}`}
        aria-expanded={disclosure.open}
        aria-controls="account-menu"
        onClick={disclosure.toggle}
      >
        <span className="rounded-icon">
          <Icon name="it-user" className="icon-primary" />
        </span>
        <span className="visually-hidden d-xl-none">{t('nav.accountMenu')}</span>
        <AccountName user={user} />
        <Icon name="it-expand" className="icon-white icon-sm account-menu-caret" />
      </button>
      <div id="account-menu" className="account-menu-panel" hidden={!disclosure.open}>
        <PanelLinks links={links} />
      </div>
    </div>
  );
}

/**
 * A button that shows and hides a list of links (the disclosure pattern, not an ARIA menu: the
 * links stay links, Tab goes through them). Escape closes it and gives the focus back to the
 * button; so do a click or the focus going elsewhere, and moving to another page.
 */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const wrapper = useRef<HTMLDivElement & HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  return {
    open,
    wrapper,
    button,
    toggle: (): void => setOpen((value) => !value),
    /** Whether the page shown is one of these links: the button is then marked as holding it. */
    active: (links: NavigationLink[]): boolean => links.some((link) => matchPath({ path: link.to, end: link.end ?? false }, location.pathname) !== null),
    onKeyDown: (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !open) return;
      // Only this list closes, not the mobile menu around it.
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    },
    onBlur: (event: FocusEvent): void => {
      // relatedTarget is null on a click in the panel's padding: the pointer handler decides then.
      const next = event.relatedTarget as Node | null;
      if (open && next && !wrapper.current?.contains(next)) setOpen(false);
    },
  };
}

/** The links of an opened menu (the account's, or a group of the navigation). */
function PanelLinks({ links }: { links: NavigationLink[] }) {
  return (
    <ul className="link-list">
      {links.map((link) => (
        <li key={link.to}>
          <NavLink className="list-item" to={link.to} end={link.end ?? false}>
            <span>{link.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

interface NavigationLink {
  to: string;
  label: string;
  /** Active only on this very path, not on the pages below it. */
  end?: boolean;
}

/** Related sections under one button, so that a role with many still fits one line on a desktop. */
interface NavigationGroup {
  id: string;
  label: string;
  links: NavigationLink[];
}

type NavigationEntry = NavigationLink | NavigationGroup;

/** Each role's own pages. */
function useNavigationLinks(): NavigationEntry[] {
  const { t } = useTranslation();
  const { user } = useSession();
  const acting = useActingFor();
  const links: NavigationEntry[] = [
    { to: PATHS.home, label: t('nav.home'), end: true },
    { to: PATHS.catalogue, label: t('nav.catalogue') },
  ];
  switch (user?.role) {
    case undefined:
      // Signed in, privacy is in the account menu with the person's other pages.
      links.push({ to: PATHS.publicCalls, label: t('nav.publicCalls') }, { to: PATHS.register, label: t('nav.register') }, { to: PATHS.privacy, label: t('nav.privacy'), end: true });
      break;
    case 'SHOP':
      links.push(
        { to: PATHS.shop, label: t('nav.shop'), end: true },
        { to: PATHS.shopNeeds, label: t('nav.shopNeeds') },
        { to: PATHS.shopRequests, label: t('nav.shopRequests') },
        { to: PATHS.shopMatches, label: t('nav.shopMatches') },
        { to: PATHS.shopCalls, label: t('nav.shopCalls') },
        { to: PATHS.shopDelegations, label: t('nav.shopDelegations') },
      );
      break;
    case 'PROVIDER':
      links.push(
        { to: PATHS.provider, label: t('nav.provider'), end: true },
        { to: PATHS.providerOffers, label: t('nav.providerOffers') },
        { to: PATHS.providerApplications, label: t('nav.providerApplications') },
      );
      break;
    case 'FACILITATOR':
      links.push({ to: PATHS.facilitatorDesk, label: t('nav.facilitatorDesk'), end: true });
      // While acting for a shop, its screens; the banner names it and leads back to the desk.
      if (acting)
        links.push(
          { to: PATHS.shop, label: t('nav.shop', { context: 'acting' }), end: true },
          { to: PATHS.shopNeeds, label: t('nav.shopNeeds', { context: 'acting' }) },
          { to: PATHS.shopRequests, label: t('nav.shopRequests', { context: 'acting' }) },
          { to: PATHS.shopMatches, label: t('nav.shopMatches', { context: 'acting' }) },
          { to: PATHS.shopCalls, label: t('nav.shopCalls') },
        );
      else links.push({ to: PATHS.facilitatorCalls, label: t('nav.facilitatorCalls') }, { to: PATHS.facilitator, label: t('nav.facilitator'), end: true });
      break;
    case 'MINISTRY':
    case 'ADMIN': {
      // The daily work on top; the three verification queues together; the platform's upkeep together.
      const administration: NavigationLink[] = [
        { to: PATHS.retention, label: t('nav.retention') },
        { to: PATHS.audit, label: t('nav.audit') },
        { to: PATHS.outbox, label: t('nav.outbox') },
      ];
      if (user.role === 'ADMIN') administration.push({ to: PATHS.accounts, label: t('nav.accounts') });
      links.push(
        { to: PATHS.dashboard, label: t('nav.dashboard') },
        {
          id: 'menu-verifications',
          label: t('nav.verifications'),
          links: [
            { to: PATHS.verification, label: t('nav.verification') },
            { to: PATHS.facilitatorVerification, label: t('nav.facilitatorVerification') },
            { to: PATHS.offerReview, label: t('nav.offerReview') },
          ],
        },
        { to: PATHS.allocationRuns, label: t('nav.allocationRuns') },
        { to: PATHS.staffCalls, label: t('nav.staffCalls') },
        { id: 'menu-administration', label: t('nav.administration'), links: administration },
      );
      break;
    }
  }
  return links;
}

function NavGroup({ group }: { group: NavigationGroup }) {
  const disclosure = useDisclosure();
  return (
    <li className="nav-item dropdown nav-group" ref={disclosure.wrapper} onKeyDown={disclosure.onKeyDown} onBlur={disclosure.onBlur}>
      <button
        ref={disclosure.button}
        type="button"
        className={`nav-link dropdown-toggle${disclosure.active(group.links) ? ' active' : ''}`}
        aria-expanded={disclosure.open}
        aria-controls={group.id}
        onClick={disclosure.toggle}
      >
        <span>{group.label}</span>
        <Icon name="it-expand" className="icon-xs" />
      </button>
      <div id={group.id} className="nav-group-panel" hidden={!disclosure.open}>
        <PanelLinks links={group.links} />
      </div>
    </li>
  );
}

export function Header() {
  const { t } = useTranslation();
  const links = useNavigationLinks();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const firstLink = useRef<HTMLAnchorElement>(null);

  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (menuOpen) firstLink.current?.focus();
  }, [menuOpen]);

  const closeMenu = (): void => {
    setMenuOpen(false);
    toggler.current?.focus();
  };

  // The open menu covers the page (a dialog in all but name): Escape closes it wherever focus is,
  // and Tab goes round its own controls instead of reaching the links hidden behind the overlay.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setMenuOpen(false);
        toggler.current?.focus();
        return;
      }
      if (event.key !== 'Tab' || !menu.current) return;
      const focusable = [...menu.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')].filter((element) => element.offsetParent !== null);
      const [first, last] = [focusable[0], focusable[focusable.length - 1]];
      if (!first || !last) return;
      const active = document.activeElement;
      const outside = !(active instanceof Node) || !menu.current.contains(active);
      if (event.shiftKey && (active === first || outside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || outside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <a className="navbar-brand" href="https://innovazione.gov.it/" lang="it">
                  {t('common.department')}
                </a>
                <div className="it-header-slim-right-zone">
                  <LanguageSwitch />
                  <AccountZone />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to={PATHS.home}>
                      <Icon name="it-pa" />
                      <div className="it-brand-text">
                        <div className="it-brand-title">{t('common.appName')}</div>
                        <div className="it-brand-tagline d-none d-md-block">{t('common.tagline')}</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-navbar-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <nav className="navbar navbar-expand-lg" aria-label={t('nav.label')}>
                  <button
                    ref={toggler}
                    className="custom-navbar-toggler"
                    type="button"
                    aria-controls="main-menu"
                    aria-expanded={menuOpen}
                    aria-label={t('nav.open')}
                    onClick={() => setMenuOpen(true)}
                  >
                    <Icon name="it-burger" />
                  </button>
                  <div id="main-menu" ref={menu} className={`navbar-collapsable${menuOpen ? ' expanded' : ''}`} style={menuOpen ? { display: 'block' } : undefined}>
                    <div className="overlay" style={menuOpen ? { display: 'block' } : undefined} onClick={closeMenu} aria-hidden="true" />
                    <div className="close-div">
                      <button className="btn close-menu" type="button" onClick={closeMenu}>
                        <span className="visually-hidden">{t('nav.close')}</span>
                        <Icon name="it-close-big" />
                      </button>
                    </div>
                    <div className="menu-wrapper">
                      <ul className="navbar-nav">
                        {links.map((entry, index) =>
                          'links' in entry ? (
                            <NavGroup key={entry.id} group={entry} />
                          ) : (
                            <li className="nav-item" key={entry.to}>
                              <NavLink ref={index === 0 ? firstLink : undefined} className="nav-link" to={entry.to} end={entry.end ?? false}>
                                <span>{entry.label}</span>
                              </NavLink>
                            </li>
                          ),
                        )}
                      </ul>
                    </div>
                  </div>
                </nav>
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
