import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { AGID_DIGITAL_OMBUDSMAN, SITE_CONTACTS } from '../../site';

export interface InfoLink {
  label: string;
  /** A page of the site… */
  to?: string;
  /** …or an address elsewhere (an e-mail, another administration). */
  href?: string;
}

export interface InfoSection {
  title: string;
  paragraphs: string[];
  links?: InfoLink[];
}

/** The pages every public service links from its footer, written in it.json / en.json. */
export type InfoPageName = 'privacy' | 'accessibility' | 'legalNotes' | 'contacts';

/** Filled into the texts: {{supportEmail}}, {{agid}}… */
const VALUES = { ...SITE_CONTACTS, agid: AGID_DIGITAL_OMBUDSMAN };

function InfoLinks({ links }: { links: InfoLink[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link.label}>{link.to ? <Link to={link.to}>{link.label}</Link> : <a href={link.href}>{link.label}</a>}</li>
      ))}
    </ul>
  );
}

/**
 * A page of sections of plain text, with their links. `template`: the administration still has to
 * fill in its own data (dates, addresses), shown between square brackets; the page says so.
 */
export function InfoPage({ name, template = false }: { name: InfoPageName; template?: boolean }) {
  const { t } = useTranslation();
  const sections = t(`${name}.sections`, { returnObjects: true, ...VALUES }) as InfoSection[];
  return (
    <div className="row justify-content-center">
      <article className="col-lg-8">
        <PageTitle title={t(`${name}.title`)}>{t(`${name}.title`)}</PageTitle>
        <p className="lead">{t(`${name}.lead`)}</p>
        {template ? (
          <p className="callout-note" data-testid="template-notice">
            {t('info.templateNotice')}
          </p>
        ) : null}
        {sections.map((section) => (
          <section key={section.title} className="mt-4">
            <h2 className="h4">{section.title}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section.links?.length ? <InfoLinks links={section.links} /> : null}
          </section>
        ))}
      </article>
    </div>
  );
}
