import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { actingForStore, useActingFor } from '../../auth/acting-for';
import { ComuneAutocomplete, type ComuneChoice } from '../../components/ComuneAutocomplete';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, SubmitButton, TextField } from '../../components/fields';
import { PagedResults } from '../../components/PagedResults';
import { usePaging } from '../../components/Pagination';
import { PageTitle } from '../../components/PageTitle';
import { StatusNotice, useNotice } from '../../components/StatusNotice';
import { useFormErrors } from '../../errors/use-form-errors';
import {
  DelegatedShopsDocument,
  InviteShopDocument,
  MyFacilitatorDocument,
  MyInvitationsDocument,
  type DelegatedShopsQuery,
  type ServiceCategory,
} from '../../gql/generated';
import { useFormat } from '../../i18n/format';
import { useCategoryLabels } from '../../i18n/use-category-labels';
import { PATHS } from '../../routes';
import { CancelPaperRegistration } from './CancelPaperRegistration';
import { HandoverOffers } from './HandoverOffers';
import { HandOverShop } from './HandOverShop';
import { Invitations } from './Invitations';
import { ResendClaimLink } from './ResendClaimLink';
import { StopActingFor } from './StopActingFor';
import { useActFor } from './use-act-for';

const PAGE_SIZE = 20;
type Row = DelegatedShopsQuery['delegatedShops']['items'][number];

/** Where a shop stands, in a few words: what needs doing first. */
function ShopState({ row }: { row: Row }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (row.requests === 0) parts.push(t('desk.state.noRequest'));
  if (row.openRequests > 0) parts.push(t('desk.state.openRequests', { count: row.openRequests }));
  if (row.matchesToConfirm > 0) parts.push(t('desk.state.toConfirm', { count: row.matchesToConfirm }));
  if (row.surveysDue > 0) parts.push(t('desk.state.surveysDue', { count: row.surveysDue }));
  if (parts.length === 0) parts.push(t('desk.state.upToDate'));
  return (
    <ul className="list-unstyled mb-0">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  );
}

function InviteForm({ onInvited }: { onInvited: (message: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [invite, { loading }] = useMutation(InviteShopDocument, { refetchQueries: [MyInvitationsDocument] });
  const labels = { email: t('desk.invite.email') };
  const { errors, attempt, dismiss, send } = useFormErrors(labels);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const sent = await send('Delegation', async () => (await invite({ variables: { input: { email } } })).data?.inviteShop);
    if (sent) {
      setEmail('');
      onInvited(t('desk.invite.sent', { email: sent.invitedEmail ?? email }));
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="desk-invite-title" className="profile-card mb-4">
      <h2 id="desk-invite-title" className="h4">
        {t('desk.invite.title')}
      </h2>
      <p>{t('desk.invite.lead')}</p>
      <ErrorSummary errors={errors} attempt={attempt} idPrefix="desk-invite" />
      <TextField
        id="desk-invite-email"
        label={labels.email}
        type="email"
        autoComplete="off"
        required
        value={email}
        onChange={(value) => {
          setEmail(value);
          dismiss('email');
        }}
        error={errors.fields.email}
      />
      <SubmitButton busy={loading}>{t('desk.invite.submit')}</SubmitButton>
    </form>
  );
}

/** The facilitator's desk: the shops it acts for, their state, and the way to act for one. */
export function DeskPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const categories = useCategoryLabels();
  const mine = useQuery(MyFacilitatorDocument);
  const facilitator = mine.data?.myFacilitator;
  const [comune, setComune] = useState<ComuneChoice | null>(null);
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const paging = usePaging(PAGE_SIZE);
  const { notice, announce } = useNotice();
  const { start } = useActFor();
  const { data, error, loading } = useQuery(DelegatedShopsDocument, {
    variables: { filter: { comuneCode: comune?.code, category: category || undefined }, first: PAGE_SIZE, offset: paging.offset },
    fetchPolicy: 'cache-and-network',
    skip: !facilitator,
  });
  const approved = facilitator?.verificationStatus === 'APPROVED';
  // An organisation no longer approved acts for no shop: a shop it was acting for is ended on the banner too.
  const acting = useActingFor();
  useEffect(() => {
    if (facilitator && !approved && acting && !acting.ended) actingForStore.markEnded(acting.shopId);
  }, [facilitator, approved, acting]);
  // An organisation not registered yet has no desk: its registration comes first.
  if (mine.data && !facilitator) return <Navigate to={PATHS.facilitator} replace />;

  return (
    <>
      <PageTitle title={t('desk.title')}>{t('desk.title')}</PageTitle>
      <p className="lead">{t('desk.lead')}</p>
      <StatusNotice {...notice} />
      {facilitator && !approved ? (
        <p className={`alert ${facilitator.verificationStatus === 'PENDING' ? 'alert-info' : 'alert-warning'}`}>
          {t(`desk.notApproved.${facilitator.verificationStatus}`, {
            defaultValue: t('desk.notApproved.PENDING'),
            reason: facilitator.verificationReason ? t('desk.notApprovedReason', { reason: facilitator.verificationReason }) : '',
          })}{' '}
          <Link to={PATHS.facilitator}>{t('nav.facilitator')}</Link>
        </p>
      ) : null}
      {approved ? (
        <>
          <p className="d-flex flex-wrap gap-3">
            <Link className="btn btn-outline-primary" to={PATHS.facilitatorPaperShop}>
              {t('desk.paperLink')}
            </Link>
            <Link className="btn btn-outline-primary" to={PATHS.facilitatorShopImport}>
              {t('desk.importLink')}
            </Link>
          </p>
          <InviteForm onInvited={announce} />
          <Invitations onDone={announce} />
        </>
      ) : null}
      {facilitator ? <HandoverOffers onAnswered={announce} /> : null}
      <section aria-labelledby="desk-shops-title">
        <h2 id="desk-shops-title" className="h3">
          {t('desk.shopsTitle')}
        </h2>
        <div className="row">
          <div className="col-md-6">
            <ComuneAutocomplete
              id="desk-comune"
              label={t('desk.filters.comune')}
              value={comune}
              onChange={(choice) => {
                setComune(choice);
                paging.reset();
              }}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              id="desk-category"
              label={t('desk.filters.category')}
              placeholder={t('desk.filters.anyCategory')}
              options={categories.all.map((c) => ({ value: c.code, label: c.label }))}
              value={category}
              onChange={(value) => {
                setCategory((categories.all.find((c) => c.code === value)?.code ?? '') as ServiceCategory | '');
                paging.reset();
              }}
            />
          </div>
        </div>
        <PagedResults paging={paging} page={data?.delegatedShops} error={error} busy={loading} empty={comune || category ? t('desk.emptyFiltered') : approved ? t('desk.empty') : t('desk.emptyNotApproved')}>
          {(page) => (
            <>
              <p>{t('desk.count', { count: page.totalCount })}</p>
              <div className="table-responsive">
                <table className="table">
                  <caption className="visually-hidden">{t('desk.shopsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('desk.columns.shop')}</th>
                      <th scope="col">{t('desk.columns.comune')}</th>
                      <th scope="col">{t('desk.columns.consent')}</th>
                      <th scope="col">{t('desk.columns.state')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('desk.columns.action')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => (
                      <tr key={row.delegationId}>
                        <th scope="row">
                          {row.shopName}
                          {row.unclaimed ? <span className="d-block small fw-normal">{t('desk.unclaimed')}</span> : null}
                          {row.claimLinkSentTo ? <ClaimLinkState email={row.claimLinkSentTo} expiresAt={row.claimLinkExpiresAt ?? null} /> : null}
                          {row.ownerDisabled ? <span className="d-block small fw-normal" data-testid="owner-disabled">{t('desk.ownerDisabled')}</span> : null}
                        </th>
                        <td>{row.comuneName}</td>
                        <td>{row.consent === 'PAPER' && row.paperDeclaredOn ? t('desk.consent.PAPER', { date: date(row.paperDeclaredOn) }) : t('desk.consent.SHOP')}</td>
                        <td>
                          <ShopState row={row} />
                        </td>
                        <td>
                          {/* The platform refuses to act for a shop whose owner's account is disabled: no button that would only fail. */}
                          {row.ownerDisabled || !approved ? null : (
                            <button type="button" className="btn btn-sm btn-primary" onClick={() => void start({ shopId: row.shopId, shopName: row.shopName })}>
                              {t('desk.actFor')}
                              <span className="visually-hidden"> {row.shopName}</span>
                            </button>
                          )}
                          {approved && row.unclaimed && row.consent === 'PAPER' ? <ResendClaimLink delegationId={row.delegationId} shopName={row.shopName} sentTo={row.claimLinkSentTo ?? null} onSent={announce} /> : null}
                          {row.unclaimed ? <HandOverShop delegationId={row.delegationId} shopName={row.shopName} pending={row.pendingHandover ?? null} onDone={announce} /> : null}
                          <StopActingFor delegationId={row.delegationId} shopName={row.shopName} unclaimed={row.unclaimed} onDone={announce} />
                          {/* A registration made by mistake is undone, not left to someone else: the shop goes, and its Partita IVA is free again. */}
                          {approved && row.unclaimed && row.consent === 'PAPER' ? <CancelPaperRegistration delegationId={row.delegationId} shopName={row.shopName} onDone={announce} /> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </PagedResults>
      </section>
    </>
  );
}

/** Where a paper shop's claim link went, and until when it works or that it lapsed: what to check when an owner says nothing came. */
function ClaimLinkState({ email, expiresAt }: { email: string; expiresAt: string | null }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  if (!expiresAt) return <span className="d-block small fw-normal">{t('desk.claimLink.sentTo', { email })}</span>;
  const lapsed = new Date(expiresAt).getTime() <= Date.now();
  return (
    <span className="d-block small fw-normal" data-testid="claim-link">
      {lapsed ? <strong>{t('desk.claimLink.lapsed', { email, date: date(expiresAt) })}</strong> : t('desk.claimLink.validUntil', { email, date: date(expiresAt) })}
    </span>
  );
}
