import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/RequireRole';
import { Loading } from './components/Loading';
import type { UserRole } from './gql/generated';
import { Layout } from './layout/Layout';
import { CataloguePage } from './pages/catalogue/CataloguePage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { MatchPage } from './pages/match/MatchPage';
import { AllocationRunPage } from './pages/ministry/AllocationRunPage';
import { AllocationRunsPage } from './pages/ministry/AllocationRunsPage';
import { OfferReviewPage } from './pages/ministry/OfferReviewPage';
import { VerificationPage } from './pages/ministry/VerificationPage';
import { FacilitatorVerificationPage } from './pages/ministry/FacilitatorVerificationPage';
import { FacilitatorPage } from './pages/facilitator/FacilitatorPage';
import { FaqPage } from './pages/info/FaqPage';
import { InfoPage } from './pages/info/InfoPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ApplicationsPage } from './pages/provider/ApplicationsPage';
import { OfferEditPage } from './pages/provider/OfferEditPage';
import { OffersPage } from './pages/provider/OffersPage';
import { ProviderPage } from './pages/provider/ProviderPage';
import { RegisterPage } from './pages/RegisterPage';
import { NeedsPage } from './pages/shop/NeedsPage';
import { RequestPage } from './pages/shop/RequestPage';
import { RequestsPage } from './pages/shop/RequestsPage';
import { ShopMatchesPage } from './pages/shop/ShopMatchesPage';
import { ShopPage } from './pages/shop/ShopPage';
import { PATHS } from './routes';

// The dashboard's charts and map are for staff only: a separate download, fetched when first opened.
const DashboardPage = lazy(() => import('./pages/ministry/dashboard/DashboardPage').then((module) => ({ default: module.DashboardPage })));

const STAFF: UserRole[] = ['MINISTRY', 'ADMIN'];
const EVERYONE: UserRole[] = ['SHOP', 'PROVIDER', 'FACILITATOR', 'MINISTRY', 'ADMIN'];

/** The pages reserved to some roles, each with its own path. */
const RESERVED: [string, UserRole[], ReactNode][] = [
  [PATHS.notifications, EVERYONE, <NotificationsPage />],
  [PATHS.shop, ['SHOP'], <ShopPage />],
  [PATHS.shopNeeds, ['SHOP'], <NeedsPage />],
  [PATHS.shopRequests, ['SHOP'], <RequestsPage />],
  [PATHS.shopRequest, ['SHOP'], <RequestPage />],
  [PATHS.shopMatches, ['SHOP'], <ShopMatchesPage />],
  [PATHS.shopMatch, ['SHOP'], <MatchPage side="SHOP" />],
  [PATHS.provider, ['PROVIDER'], <ProviderPage />],
  [PATHS.providerOffers, ['PROVIDER'], <OffersPage />],
  [PATHS.providerOfferNew, ['PROVIDER'], <OfferEditPage />],
  [PATHS.providerOfferEdit, ['PROVIDER'], <OfferEditPage />],
  [PATHS.providerApplications, ['PROVIDER'], <ApplicationsPage />],
  [PATHS.providerMatch, ['PROVIDER'], <MatchPage side="PROVIDER" />],
  [PATHS.facilitator, ['FACILITATOR'], <FacilitatorPage />],
  [
    PATHS.dashboard,
    STAFF,
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>,
  ],
  [PATHS.verification, STAFF, <VerificationPage />],
  [PATHS.offerReview, STAFF, <OfferReviewPage />],
  [PATHS.facilitatorVerification, STAFF, <FacilitatorVerificationPage />],
  [PATHS.allocationRuns, STAFF, <AllocationRunsPage />],
  [PATHS.allocationRun, STAFF, <AllocationRunPage />],
];

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={PATHS.register} element={<RegisterPage />} />
        <Route path={PATHS.catalogue} element={<CataloguePage />} />
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route path={PATHS.privacy} element={<InfoPage key="privacy" name="privacy" template />} />
        <Route path={PATHS.accessibility} element={<InfoPage key="accessibility" name="accessibility" template />} />
        <Route path={PATHS.legalNotes} element={<InfoPage key="legalNotes" name="legalNotes" template />} />
        <Route path={PATHS.contacts} element={<InfoPage key="contacts" name="contacts" template />} />
        <Route path={PATHS.faq} element={<FaqPage />} />
        {RESERVED.map(([path, roles, page]) => (
          <Route key={path} path={path} element={<RequireRole roles={roles}>{page}</RequireRole>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
