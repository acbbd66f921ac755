import { Route, Routes } from 'react-router-dom';
import { RequireRole } from './auth/RequireRole';
import { Layout } from './layout/Layout';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { VerificationPage } from './pages/ministry/VerificationPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { ProviderPage } from './pages/provider/ProviderPage';
import { RegisterPage } from './pages/RegisterPage';
import { ShopPage } from './pages/shop/ShopPage';
import { PATHS } from './routes';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path={PATHS.register} element={<RegisterPage />} />
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route path={PATHS.privacy} element={<PrivacyPage />} />
        <Route
          path={PATHS.shop}
          element={
            <RequireRole roles={['SHOP']}>
              <ShopPage />
            </RequireRole>
          }
        />
        <Route
          path={PATHS.provider}
          element={
            <RequireRole roles={['PROVIDER']}>
              <ProviderPage />
            </RequireRole>
          }
        />
        <Route
          path={PATHS.verification}
          element={
            <RequireRole roles={['MINISTRY', 'ADMIN']}>
              <VerificationPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
