import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { ActionsOnMyBehalfDocument, type ActionsOnMyBehalfQuery } from '../../gql/generated';
import { inLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';

const HISTORY_PAGE = 10;
/** A request's words are cut here in the list; the link opens the whole request. */
const EXCERPT = 80;

type Subject = NonNullable<ActionsOnMyBehalfQuery['actionsOnMyBehalf']['items'][number]['subject']>;

const excerpt = (text: string): string => {
  const chars = [...text.trim()];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT - 1).join('').trimEnd()}…` : chars.join('');
};

/** Which request, service or bundle an action concerned, linked to its page. */
function SubjectLink({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const { label } = useCategoryLabels();
  if (subject.matchId && subject.offerTitle) {
    const request = subject.requestCategory ? t('delegations.subject.forRequest', { category: label(subject.requestCategory) }) : '';
    return (
      <Link to={pathTo(PATHS.shopMatch, subject.matchId)}>
        {t('delegations.subject.service', { offer: subject.offerTitle, provider: subject.providerName ?? '' })}
        {request}
      </Link>
    );
  }
  if (subject.helpRequestId && subject.requestCategory) {
    return (
      <Link to={pathTo(PATHS.shopRequest, subject.helpRequestId)}>
        {t('delegations.subject.request', { category: label(subject.requestCategory), description: excerpt(subject.requestDescription ?? '') })}
      </Link>
    );
  }
  if (subject.bundleId && subject.bundleCategories) {
    return (
      <Link to={pathTo(PATHS.shopBundle, subject.bundleId)}>
        {t('delegations.subject.bundle', { categories: subject.bundleCategories.map(label).join(', ') })}
      </Link>
    );
  }
  return null;
}

/** What facilitators did in the shop's name, newest first: who, what, and on which request or service. */
export function OnBehalfHistory() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const paging = usePaging(HISTORY_PAGE);
  const { data, error } = useQuery(ActionsOnMyBehalfDocument, { variables: { first: HISTORY_PAGE, offset: paging.offset }, fetchPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="on-behalf-title" className="mt-5">
      <h2 id="on-behalf-title" className="h4">
        {t('delegations.historyTitle')}
      </h2>
      <PagedResults paging={paging} page={data?.actionsOnMyBehalf} error={error} empty={t('delegations.historyEmpty')}>
        {(page) => (
          <ul>
            {page.items.map((item) => (
              <li key={item.id}>
                {dateTime(item.occurredAt)} · {item.facilitatorName} {inLanguage(item.description, item.descriptionIt)}
                {item.subject ? (
                  <>
                    {': '}
                    <SubjectLink subject={item.subject} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </section>
  );
}
