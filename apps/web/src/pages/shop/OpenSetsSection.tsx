import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmBox, useConfirmation } from '../../components/ConfirmBox';
import { BundleRecommendationsDocument, MyHelpRequestsDocument, WithdrawMatchSetDocument, type BundleRecommendationsQuery } from '../../gql/generated';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS, pathTo } from '../../routes';
import { MatchStateBadge } from '../match/MatchStateBadge';

type OpenSet = BundleRecommendationsQuery['helpRequestBundle']['openSets'][number];

interface Props {
  sets: OpenSet[];
  onWithdrawn: (message: string) => void;
}

/** The bundle's sets still waiting or in progress: what each part is doing, and giving the whole set up in one step. */
export function OpenSetsSection({ sets, onWithdrawn }: Props) {
  const { t } = useTranslation();
  if (sets.length === 0) return null;
  return (
    <section aria-labelledby="bundle-open-sets-title" className="mt-4">
      <h2 className="h3" id="bundle-open-sets-title">
        {t('bundle.openSetsTitle')}
      </h2>
      <ul className="list-unstyled">
        {sets.map((set, index) => (
          <OpenSetCard key={set.setId} set={set} index={index + 1} onWithdrawn={onWithdrawn} />
        ))}
      </ul>
    </section>
  );
}

function OpenSetCard({ set, index, onWithdrawn }: { set: OpenSet; index: number; onWithdrawn: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { label } = useCategoryLabels();
  const [withdraw, withdrawing] = useMutation(WithdrawMatchSetDocument, { refetchQueries: [BundleRecommendationsDocument, MyHelpRequestsDocument] });
  const [message, setMessage] = useState<string | null>(null);
  const confirmation = useConfirmation();
  const id = `open-set-${index}`;
  const send = async (): Promise<void> => {
    setMessage(null);
    try {
      const result = (await withdraw({ variables: { input: { setId: set.setId } } })).data?.withdrawMatchSet;
      confirmation.close();
      if (result?.__typename === 'MatchSet') onWithdrawn(t('bundle.setWithdrawn', { count: result.matches.length }));
      else if (result) setMessage(i18n.language === 'en' ? result.message : result.messageIt);
    } catch {
      setMessage(t('errors.network'));
    }
  };
  return (
    <li className="queue-card" data-testid="open-set">
      <article aria-labelledby={`${id}-title`}>
        <h3 className="h4 mb-1" id={`${id}-title`}>
          {t('bundle.openSetTitle', { index })}
        </h3>
        <p>{set.waitlisted ? t('bundle.openSetWaiting') : t('bundle.openSetInProgress')}</p>
        <table className="table table-sm">
          <caption className="visually-hidden">{t('bundle.openSetCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bundle.service')}</th>
              <th scope="col">{t('bundle.offer')}</th>
              <th scope="col">{t('bundle.state')}</th>
            </tr>
          </thead>
          <tbody>
            {set.matches.map((match) => (
              <tr key={match.id}>
                <th scope="row">{label(match.category)}</th>
                <td>
                  <Link to={pathTo(PATHS.shopMatch, match.id)}>{t('bundle.partOffer', { title: match.offer.title, provider: match.offer.provider.name })}</Link>
                </td>
                <td>
                  <MatchStateBadge state={match.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {confirmation.asking ? (
          <ConfirmBox
            id={`${id}-withdraw`}
            question={t('bundle.withdrawSetQuestion', { count: set.matches.length })}
            confirmLabel={t('bundle.confirmWithdrawSet')}
            cancelLabel={t('bundle.keepSet')}
            busy={withdrawing.loading}
            onConfirm={() => void send()}
            onCancel={confirmation.cancel}
          />
        ) : (
          <button ref={confirmation.trigger} type="button" className="btn btn-outline-danger" aria-describedby={`${id}-title`} onClick={confirmation.ask}>
            {t('bundle.withdrawSet')}
          </button>
        )}
        <div role="status" className={message ? 'alert alert-danger mt-3' : undefined}>
          {message}
        </div>
      </article>
    </li>
  );
}
