import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { PrivacyNoticeDocument } from '../../gql/generated';
import { currentLanguage } from '../../i18n';
import type { InfoSection } from './InfoPage';

/**
 * The privacy notice (informativa): the controller, the purposes with their legal bases and the
 * retention periods come from the API (one source, with the periods actually configured); the
 * rest of the text is the web app's. The version shown is the one sign-up records.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(PrivacyNoticeDocument);
  const italian = currentLanguage() === 'it';
  const notice = data?.privacyNotice;
  const sections = t('privacy.sections', { returnObjects: true, privacyEmail: notice?.dpoEmail ?? '' }) as InfoSection[];
  return (
    <div className="row justify-content-center">
      <article className="col-lg-8">
        <PageTitle title={t('privacy.title')}>{t('privacy.title')}</PageTitle>
        <p className="lead">{t('privacy.lead')}</p>
        <p className="callout-note" data-testid="template-notice">
          {t('info.templateNotice')}
        </p>
        {!notice ? (
          error ? (
            <LoadFailed />
          ) : (
            <Loading />
          )
        ) : (
          <>
            <p data-testid="privacy-version">{t('privacy.version', { version: notice.version })}</p>
            <section className="mt-4">
              <h2 className="h4">{t('privacy.controllerTitle')}</h2>
              <p>{t('privacy.controller', { controller: italian ? notice.controllerIt : notice.controller, privacyEmail: notice.dpoEmail })}</p>
              <ul>
                <li>
                  <a href={`mailto:${notice.dpoEmail}`}>{t('privacy.writeTo', { privacyEmail: notice.dpoEmail })}</a>
                </li>
              </ul>
            </section>
            <section className="mt-4">
              <h2 className="h4">{t('privacy.purposesTitle')}</h2>
              <div className="table-responsive">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('privacy.purpose')}</th>
                      <th scope="col">{t('privacy.legalBasis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {notice.purposes.map((purpose) => (
                      <tr key={purpose.purpose}>
                        <td>{italian ? purpose.purposeIt : purpose.purpose}</td>
                        <td>{italian ? purpose.legalBasisIt : purpose.legalBasis}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            {sections.map((section) => (
              <section key={section.title} className="mt-4">
                <h2 className="h4">{section.title}</h2>
                {section.paragraphs.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </section>
            ))}
            <section className="mt-4">
              <h2 className="h4">{t('privacy.retentionTitle')}</h2>
              <p>{t('privacy.retentionLead')}</p>
              <div className="table-responsive">
                <table className="table" data-testid="privacy-retention">
                  <thead>
                    <tr>
                      <th scope="col">{t('privacy.retentionKind')}</th>
                      <th scope="col">{t('privacy.retentionPeriod')}</th>
                      <th scope="col">{t('privacy.retentionAfter')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {notice.retention.map((line) => (
                      <tr key={line.kind}>
                        <td>{t(`retention.kinds.${line.kind}`)}</td>
                        <td>{t('retention.days', { count: line.days })}</td>
                        <td>{t(`retention.actions.${line.action}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>{t('privacy.rights')}</p>
            </section>
          </>
        )}
      </article>
    </div>
  );
}
