import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { PATHS } from '../../routes';

interface Question {
  question: string;
  answer: string[];
}

interface Group {
  title: string;
  questions: Question[];
}

/** Questions people ask, by who asks them; each answer opens under its question (native details, no script). */
export function FaqPage() {
  const { t } = useTranslation();
  const groups = t('faq.groups', { returnObjects: true }) as Group[];
  return (
    <div className="row justify-content-center">
      <article className="col-lg-8">
        <PageTitle title={t('faq.title')}>{t('faq.title')}</PageTitle>
        <p className="lead">{t('faq.lead')}</p>
        {groups.map((group) => (
          <section key={group.title} className="mt-4">
            <h2 className="h4">{group.title}</h2>
            {group.questions.map((item) => (
              <details key={item.question} className="faq-item">
                <summary>{item.question}</summary>
                {item.answer.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </details>
            ))}
          </section>
        ))}
        <p className="mt-5">
          {t('faq.more')} <Link to={PATHS.contacts}>{t('faq.contactsLink')}</Link>
        </p>
      </article>
    </div>
  );
}
