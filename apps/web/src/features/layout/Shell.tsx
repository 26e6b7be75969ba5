import { useApolloClient } from '@apollo/client/react';
import { Button, Layout, Menu, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { auth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { homePath, useMe, type Grant } from '../../app/me';
import { workRights } from '../../app/scope';
import { Loading } from '../common/Loading';
import { ProblemResult } from '../common/ProblemResult';
import { canImport } from '../../pages/imports/kinds';
import { NotificationBell } from '../notifications/NotificationBell';
import { ScopeName } from './ScopeName';

const NAV_KEY: Record<string, 'nav.region' | 'nav.group' | 'nav.school'> = { REGION_ADMIN: 'nav.region', GROUP_MANAGER: 'nav.group', SCHOOL_ADMIN: 'nav.school', TEACHER: 'nav.school' };

function RoleOption({ grant }: { grant: Grant }) {
  const { t } = useI18n();
  return (
    <span>
      {t(`role.${grant.role}` as 'role.TEACHER')} <ScopeName role={grant.role} scopeId={grant.scopeId} />
    </span>
  );
}

/** The frame of every signed-in page: the app name, navigation for the active role, role switch, language, sign-out. */
export default function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { me, grants, active, loading, error, refetch } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useApolloClient();
  if (loading && !me) return <Loading />;
  if (error || !me) return <ProblemResult error={error} onRetry={() => void refetch()} />;
  const home = homePath(active, me);
  const rights = workRights(active, !!me.teacher);
  const items = [
    { key: '/', label: <Link to="/">{t('nav.home')}</Link> },
    ...(home && active && NAV_KEY[active.role] ? [{ key: home, label: <Link to={home}>{t(NAV_KEY[active.role])}</Link> }] : []),
    { key: '/sessions', label: <Link to="/sessions">{t('nav.sessions')}</Link> },
    { key: '/plans', label: <Link to="/plans">{t('nav.plans')}</Link> },
    ...(rights.mentoring ? [{ key: '/mentoring', label: <Link to="/mentoring">{t('nav.mentoring')}</Link> }] : []),
    ...(rights.groupWork
      ? [
          { key: '/exchanges', label: <Link to="/exchanges">{t('nav.exchanges')}</Link> },
          { key: '/activities', label: <Link to="/activities">{t('nav.activities')}</Link> },
        ]
      : []),
    ...(canImport(active?.role) ? [{ key: '/import', label: <Link to="/import">{t('nav.imports')}</Link> }] : []),
  ];
  const selected = items.filter((i) => i.key !== '/' && location.pathname.startsWith(i.key)).map((i) => i.key);
  const signOut = async () => {
    auth.signOut();
    await client.clearStore();
    navigate('/login', { replace: true });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#fff', borderBottom: '1px solid #eee', padding: '0 24px' }}>
        <Link to="/" style={{ fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <Menu mode="horizontal" selectedKeys={selected.length ? selected : location.pathname === '/' ? ['/'] : []} items={items} style={{ flex: 1, minWidth: 0, borderBottom: 'none' }} aria-label="navigation" />
        <Space size="middle">
          <NotificationBell />
          {grants.length > 1 && active ? (
            <Select
              aria-label={t('nav.role')}
              value={active.id}
              style={{ minWidth: 220 }}
              onChange={(id) => {
                auth.chooseGrant(id);
                const g = grants.find((x) => x.id === id) ?? null;
                navigate(homePath(g, me) ?? '/');
              }}
              options={grants.map((g) => ({ value: g.id, label: <RoleOption grant={g} /> }))}
            />
          ) : active ? (
            <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 160, display: 'block', lineHeight: 1.5 }}>
              <RoleOption grant={active} />
            </Typography.Text>
          ) : null}
          {/* long scope and account names give way to the navigation and the bell (in full on hover) */}
          <Typography.Text ellipsis={{ tooltip: me.displayName }} style={{ maxWidth: 120, display: 'block', lineHeight: 1.5 }}>
            {me.displayName}
          </Typography.Text>
          <Button size="small" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('nav.language')}
          </Button>
          <Button size="small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content>
        <div className="page">{children}</div>
      </Layout.Content>
    </Layout>
  );
}
