import { RequireAuth } from 'react-cognito-sso';
import { Route, Routes } from 'react-router';
import { ADMIN_GROUP } from '../shared/adminGroup.js';
import { ProtectedLayout } from './components/ProtectedLayout.js';
import { CallbackPage } from './pages/CallbackPage.js';
import { ExplorePage } from './pages/ExplorePage.js';
import { LogoutPage } from './pages/LogoutPage.js';
import { MyDataPage } from './pages/MyDataPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { TableDetailsPage } from './pages/TableDetailsPage.js';
import { UnauthorisedPage } from './pages/UnauthorisedPage.js';

/** OpenMetadata's routes: sign-in, callback and logout are public; the rest needs a session. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/callback" element={<CallbackPage />} />
      <Route path="/logout" element={<LogoutPage />} />
      <Route element={<ProtectedLayout />}>
        <Route index element={<MyDataPage />} />
        <Route path="explore" element={<ExplorePage />} />
        <Route path="table/:fqn" element={<TableDetailsPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route
          path="settings"
          element={
            <RequireAuth groups={[ADMIN_GROUP]} fallback={<UnauthorisedPage />}>
              <SettingsPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
