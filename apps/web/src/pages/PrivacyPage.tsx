import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

interface PrivacySection {
  title: string;
  paragraphs: string[];
}

export function PrivacyPage() {
  const { t } = useTranslation();
  const sections = t('privacy.sections', { returnObjects: true }) as PrivacySection[];
  return (
    <div className="row justify-content-center">
      <article className="col-lg-8">
        <PageTitle title={t('privacy.title')}>{t('privacy.title')}</PageTitle>
        <p className="lead">{t('privacy.lead')}</p>
        {sections.map((section) => (
          <section key={section.title} className="mt-4">
            <h2 className="h4">{section.title}</h2>
            {section.paragraphs.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </section>
        ))}
      </article>
    </div>
  );
}
