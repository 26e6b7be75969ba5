import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../features/common/Loading';
import { createApolloClient } from './apollo';
import { auth, useSession } from './auth';
import { homePath, ME } from './me';
import { I18nProvider, useI18n } from './i18n';

// The sign-in page loads alone; the signed-in frame and each page come with their own chunks.
const pages = {
  shell: () => import('../features/layout/Shell'),
  home: () => import('../pages/home/HomePage'),
  region: () => import('../pages/regions/RegionPage'),
  balance: () => import('../pages/balance/BalancePage'),
  group: () => import('../pages/groups/GroupPage'),
  school: () => import('../pages/schools/SchoolPage'),
  sessions: () => import('../pages/sessions/SessionsPage'),
  session: () => import('../pages/sessions/SessionPage'),
  plans: () => import('../pages/plans/PlansPage'),
  plan: () => import('../pages/plans/PlanPage'),
  mentoring: () => import('../pages/mentoring/MentoringPage'),
  exchanges: () => import('../pages/exchanges/ExchangesPage'),
  activities: () => import('../pages/activities/ActivitiesPage'),
  imports: () => import('../pages/imports/ImportsPage'),
};
const Shell = lazy(pages.shell);
const NotFoundPage = lazy(() => import('../features/common/NotFoundPage'));
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const HomePage = lazy(pages.home);
const RegionPage = lazy(pages.region);
const BalancePage = lazy(pages.balance);
const GroupPage = lazy(pages.group);
const SchoolPage = lazy(pages.school);
const SessionsPage = lazy(pages.sessions);
const SessionPage = lazy(pages.session);
const PlansPage = lazy(pages.plans);
const PlanPage = lazy(pages.plan);
const MentoringPage = lazy(pages.mentoring);
const ExchangesPage = lazy(pages.exchanges);
const ActivitiesPage = lazy(pages.activities);
const ImportsPage = lazy(pages.imports);

/**
 * With a session, fetch the frame, the signed-in user and the page the address (or the role's home) needs at
 * once, in parallel, instead of one after the other as each lazy component mounts.
 */
function prefetch(client: ReturnType<typeof createApolloClient>) {
  if (!auth.token()) return;
  void pages.shell();
  // the first part of the path, and whether an id follows it (/sessions is the list, /sessions/:id one session)
  const chunkOf = (path: string) => {
    const [, first, id, sub] = path.split('/');
    if (first === 'regions' && sub === 'balance') return pages.balance;
    const list: Record<string, () => Promise<unknown>> = { sessions: pages.sessions, plans: pages.plans, mentoring: pages.mentoring, exchanges: pages.exchanges, activities: pages.activities, import: pages.imports };
    const detail: Record<string, () => Promise<unknown>> = { regions: pages.region, groups: pages.group, schools: pages.school, sessions: pages.session, plans: pages.plan };
    return id ? detail[first] : list[first];
  };
  void (chunkOf(location.pathname) ?? pages.home)();
  void client.query({ query: ME }).then(({ data }) => {
    const home = data ? homePath(data.me.roles[0] ?? null, data.me) : null;
    if (home) void chunkOf(home)?.();
  }, () => undefined);
}

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
            <Route path="/regions/:id/balance" element={<SignedIn><BalancePage /></SignedIn>} />
            <Route path="/groups/:id" element={<SignedIn><GroupPage /></SignedIn>} />
            <Route path="/schools/:id" element={<SignedIn><SchoolPage /></SignedIn>} />
            <Route path="/sessions" element={<SignedIn><SessionsPage /></SignedIn>} />
            <Route path="/sessions/:id" element={<SignedIn><SessionPage /></SignedIn>} />
            <Route path="/plans" element={<SignedIn><PlansPage /></SignedIn>} />
            <Route path="/plans/:id" element={<SignedIn><PlanPage /></SignedIn>} />
            <Route path="/mentoring" element={<SignedIn><MentoringPage /></SignedIn>} />
            <Route path="/exchanges" element={<SignedIn><ExchangesPage /></SignedIn>} />
            <Route path="/activities" element={<SignedIn><ActivitiesPage /></SignedIn>} />
            <Route path="/import" element={<SignedIn><ImportsPage /></SignedIn>} />
            <Route path="*" element={<SignedIn><NotFoundPage /></SignedIn>} />
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const client = useMemo(() => {
    const c = createApolloClient();
    prefetch(c);
    return c;
  }, []);
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
