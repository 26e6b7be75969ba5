import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../features/common/Loading';
import { NotFoundPage } from '../features/common/NotFoundPage';
import { Shell } from '../features/layout/Shell';
import { createApolloClient } from './apollo';
import { useSession } from './auth';
import { I18nProvider, useI18n } from './i18n';

const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const HomePage = lazy(() => import('../pages/home/HomePage'));
const RegionPage = lazy(() => import('../pages/regions/RegionPage'));
const GroupPage = lazy(() => import('../pages/groups/GroupPage'));
const SchoolPage = lazy(() => import('../pages/schools/SchoolPage'));

/** Pages behind sign-in: without a session, go to /login and come back afterwards. */
function SignedIn({ children }: { children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Shell>{children}</Shell>;
}

function Localized() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zh} button={{ autoInsertSpace: false }} theme={{ token: { fontFamily: "'Noto Sans SC', system-ui, sans-serif" } }}>
      <AntApp>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<SignedIn><HomePage /></SignedIn>} />
            <Route path="/regions/:id" element={<SignedIn><RegionPage /></SignedIn>} />
            <Route path="/groups/:id" element={<SignedIn><GroupPage /></SignedIn>} />
            <Route path="/schools/:id" element={<SignedIn><SchoolPage /></SignedIn>} />
            <Route path="*" element={<SignedIn><NotFoundPage /></SignedIn>} />
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const client = useMemo(createApolloClient, []);
  return (
    <ApolloProvider client={client}>
      <I18nProvider>
        <BrowserRouter>
          <Localized />
        </BrowserRouter>
      </I18nProvider>
    </ApolloProvider>
  );
}
