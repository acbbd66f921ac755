import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/RequireRole';
import { Loading } from './components/Loading';
import type { UserRole } from './gql/generated';
import { Layout } from './layout/Layout';
import { PreferencesPage } from './pages/account/PreferencesPage';
import { UnsubscribePage } from './pages/account/UnsubscribePage';
import { CataloguePage } from './pages/catalogue/CataloguePage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { EmailLinkPage } from './pages/account/EmailLinkPage';
import { ForgotPasswordPage } from './pages/account/ForgotPasswordPage';
import { MyAccountPage } from './pages/account/MyAccountPage';
import { ResetPasswordPage } from './pages/account/ResetPasswordPage';
import { DigitalIdentityLandingPage } from './pages/digital-identity/DigitalIdentityLandingPage';
import { CallsStaffPage } from './pages/calls/CallsStaffPage';
import { CallStaffPage } from './pages/calls/CallStaffPage';
import { CallPublishersPage } from './pages/ministry/CallPublishersPage';
import { GraduatoriaPage } from './pages/calls/GraduatoriaPage';
import { PublicCallsPage } from './pages/calls/PublicCallsPage';
import { ShopCallsPage } from './pages/calls/ShopCallsPage';
import { MatchPage } from './pages/match/MatchPage';
import { AllocationRunPage } from './pages/ministry/AllocationRunPage';
import { AllocationRunsPage } from './pages/ministry/AllocationRunsPage';
import { OfferReviewPage } from './pages/ministry/OfferReviewPage';
import { OutgoingMailPage } from './pages/ministry/OutgoingMailPage';
import { ProviderVerificationPage } from './pages/ministry/verification/ProviderVerificationPage';
import { AuditPage } from './pages/ministry/audit/AuditPage';
import { EntityHistoryPage } from './pages/ministry/audit/EntityHistoryPage';
import { AccountsPage } from './pages/admin/AccountsPage';
import { FacilitatorVerificationPage } from './pages/ministry/verification/FacilitatorVerificationPage';
import { FacilitatorPage } from './pages/facilitator/FacilitatorPage';
import { DeskPage } from './pages/facilitator/DeskPage';
import { PaperShopPage } from './pages/facilitator/PaperShopPage';
import { ShopImportPage } from './pages/facilitator/ShopImportPage';
import { ShopArea } from './pages/facilitator/ShopArea';
import { DelegationLinkPage } from './pages/DelegationLinkPage';
import { ClaimShopPage } from './pages/ClaimShopPage';
import { DelegationsPage } from './pages/shop/DelegationsPage';
import { FaqPage } from './pages/info/FaqPage';
import { InfoPage } from './pages/info/InfoPage';
import { PrivacyPage } from './pages/info/PrivacyPage';
import { RetentionPage } from './pages/ministry/RetentionPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ApplicationsPage } from './pages/provider/ApplicationsPage';
import { OfferEditPage } from './pages/provider/OfferEditPage';
import { OfferImportPage } from './pages/provider/OfferImportPage';
import { OffersPage } from './pages/provider/OffersPage';
import { ProviderPage } from './pages/provider/ProviderPage';
import { RegisterPage } from './pages/RegisterPage';
import { NeedsPage } from './pages/shop/NeedsPage';
import { RequestPage } from './pages/shop/RequestPage';
import { RequestsPage } from './pages/shop/RequestsPage';
import { BundleNewPage } from './pages/shop/BundleNewPage';
import { BundlePage } from './pages/shop/BundlePage';
import { ShopMatchesPage } from './pages/shop/ShopMatchesPage';
import { ShopPage } from './pages/shop/ShopPage';
import { PATHS } from './routes';

// The dashboard's charts and map are for staff only: a separate download, fetched when first opened.
const DashboardPage = lazy(() => import('./pages/ministry/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })));

const STAFF: UserRole[] = ['MINISTRY', 'ADMIN'];
const SHOP_SIDE: UserRole[] = ['SHOP', 'FACILITATOR'];
const EVERYONE: UserRole[] = ['SHOP', 'PROVIDER', 'FACILITATOR', 'MINISTRY', 'ADMIN'];

/** The pages reserved to some roles, each with its own path. */
const RESERVED: [string, UserRole[], ReactNode][] = [
  [PATHS.notifications, EVERYONE, <NotificationsPage />],
  [PATHS.account, EVERYONE, <MyAccountPage />],
  [PATHS.preferences, EVERYONE, <PreferencesPage />],
  // The shop's own screens, also for a facilitator while it acts for a shop.
  [PATHS.shop, SHOP_SIDE, <ShopArea><ShopPage /></ShopArea>],
  [PATHS.shopNeeds, SHOP_SIDE, <ShopArea><NeedsPage /></ShopArea>],
  [PATHS.shopRequests, SHOP_SIDE, <ShopArea><RequestsPage /></ShopArea>],
  [PATHS.shopRequest, SHOP_SIDE, <ShopArea><RequestPage /></ShopArea>],
  [PATHS.shopBundleNew, SHOP_SIDE, <ShopArea><BundleNewPage /></ShopArea>],
  [PATHS.shopBundle, SHOP_SIDE, <ShopArea><BundlePage /></ShopArea>],
  [PATHS.shopMatches, SHOP_SIDE, <ShopArea><ShopMatchesPage /></ShopArea>],
  [PATHS.shopMatch, SHOP_SIDE, <ShopArea><MatchPage side="SHOP" /></ShopArea>],
  [PATHS.shopCalls, SHOP_SIDE, <ShopArea><ShopCallsPage /></ShopArea>],
  [PATHS.shopDelegations, ['SHOP'], <DelegationsPage />],
  [PATHS.provider, ['PROVIDER'], <ProviderPage />],
  [PATHS.providerOffers, ['PROVIDER'], <OffersPage />],
  [PATHS.providerOfferNew, ['PROVIDER'], <OfferEditPage />],
  [PATHS.providerOfferImport, ['PROVIDER'], <OfferImportPage />],
  [PATHS.providerOfferEdit, ['PROVIDER'], <OfferEditPage />],
  [PATHS.providerApplications, ['PROVIDER'], <ApplicationsPage />],
  [PATHS.providerMatch, ['PROVIDER'], <MatchPage side="PROVIDER" />],
  [PATHS.facilitator, ['FACILITATOR'], <FacilitatorPage />],
  [PATHS.facilitatorDesk, ['FACILITATOR'], <DeskPage />],
  [PATHS.facilitatorCalls, ['FACILITATOR'], <CallsStaffPage scope="organisation" />],
  [PATHS.facilitatorCall, ['FACILITATOR'], <CallStaffPage scope="organisation" />],
  [PATHS.facilitatorShopImport, ['FACILITATOR'], <ShopImportPage />],
  [PATHS.facilitatorPaperShop, ['FACILITATOR'], <PaperShopPage />],
  [
    PATHS.dashboard,
    STAFF,
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>,
  ],
  [PATHS.verification, STAFF, <ProviderVerificationPage />],
  [PATHS.offerReview, STAFF, <OfferReviewPage />],
  [PATHS.facilitatorVerification, STAFF, <FacilitatorVerificationPage />],
  [PATHS.allocationRuns, STAFF, <AllocationRunsPage />],
  [PATHS.retention, STAFF, <RetentionPage />],
  [PATHS.allocationRun, STAFF, <AllocationRunPage />],
  [PATHS.audit, STAFF, <AuditPage />],
  [PATHS.auditHistory, STAFF, <EntityHistoryPage />],
  [PATHS.accounts, ['ADMIN'], <AccountsPage />],
  [PATHS.outbox, STAFF, <OutgoingMailPage />],
  [PATHS.staffCalls, STAFF, <CallsStaffPage />],
  [PATHS.staffCall, STAFF, <CallStaffPage />],
  [PATHS.callPublishers, STAFF, <CallPublishersPage />],
];

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={PATHS.register} element={<RegisterPage />} />
        <Route path={PATHS.catalogue} element={<CataloguePage />} />
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route path={PATHS.forgotPassword} element={<ForgotPasswordPage />} />
        <Route path={PATHS.resetPassword} element={<ResetPasswordPage />} />
        <Route path={PATHS.verifyEmail} element={<EmailLinkPage key="verify" kind="verify" />} />
        <Route path={PATHS.confirmEmail} element={<EmailLinkPage key="change" kind="change" />} />
        <Route path={PATHS.digitalIdentity} element={<DigitalIdentityLandingPage />} />
        <Route path={PATHS.privacy} element={<PrivacyPage />} />
        <Route path={PATHS.accessibility} element={<InfoPage key="accessibility" name="accessibility" template />} />
        <Route path={PATHS.legalNotes} element={<InfoPage key="legalNotes" name="legalNotes" template />} />
        <Route path={PATHS.contacts} element={<InfoPage key="contacts" name="contacts" template />} />
        <Route path={PATHS.faq} element={<FaqPage />} />
        <Route path={PATHS.unsubscribe} element={<UnsubscribePage />} />
        <Route path={PATHS.publicCalls} element={<PublicCallsPage />} />
        <Route path={PATHS.graduatoria} element={<GraduatoriaPage />} />
        <Route path={PATHS.delegationLink} element={<DelegationLinkPage />} />
        <Route path={PATHS.delegationLinkInPath} element={<DelegationLinkPage />} />
        <Route path={PATHS.claimShop} element={<ClaimShopPage />} />
        <Route path={PATHS.claimShopInPath} element={<ClaimShopPage />} />
        {RESERVED.map(([path, roles, page]) => (
          <Route key={path} path={path} element={<RequireRole roles={roles}>{page}</RequireRole>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
