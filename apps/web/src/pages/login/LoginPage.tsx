import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { auth, useSession } from '../../app/auth';
import { messageKeyOf, problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { graphql } from '../../gql';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }
  }
`);

const CHANGE = graphql(`
  mutation ChoosePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) { token expiresAt }
  }
`);

/** After signing in with a one-time code (an invitation or a reset): the person chooses their password. */
function ChoosePassword({ code, token, onDone }: { code: string; token: string; onDone(token: string, expiresAt: string): void }) {
  const { t } = useI18n();
  const [change, { loading }] = useMutation(CHANGE, { context: { headers: { authorization: `Bearer ${token}` } } });
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={async (v: { next: string }) => {
        setFailure(null);
        try {
          const { data } = await change({ variables: { current: code, next: v.next } });
          if (data) onDone(data.changePassword.token, data.changePassword.expiresAt);
        } catch (err) {
          setFailure(t(messageKeyOf(problemOf(err)), { seconds: problemOf(err).retryAfterSeconds ?? 1 }));
        }
      }}
    >
      <Alert type="info" showIcon title={t('login.choose')} style={{ marginBottom: 16 }} />
      {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form.Item label={t('login.newPassword')} name="next" extra={t('login.passwordRule')} rules={[{ required: true, min: 8, max: 128, message: t('login.passwordRule') }]}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('login.repeatPassword')}
        name="repeat"
        dependencies={['next']}
        rules={[{ required: true, message: t('login.repeatRequired') }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('login.repeatDiffers')))) })]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={loading}>
        {t('login.setPassword')}
      </Button>
    </Form>
  );
}

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [ended] = useState(() => auth.takeEndedReason());
  const [login, { loading }] = useMutation(LOGIN);
  const [failure, setFailure] = useState<string | null>(null);
  // an invitation link: /login?account=…&code=…
  const [params] = useSearchParams();
  const [pending, setPending] = useState<{ code: string; token: string } | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;

  const submit = async (values: { email: string; password: string }) => {
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: values.email.trim(), password: values.password } });
      if (!data) return;
      if (data.login.mustChangePassword) return setPending({ code: values.password, token: data.login.token });
      auth.signIn(data.login.token, data.login.expiresAt);
      navigate(from, { replace: true });
    } catch (err) {
      const p = problemOf(err);
      setFailure(p.code === 'UNAUTHENTICATED' ? t('error.loginFailed') : t(messageKeyOf(p), { seconds: p.retryAfterSeconds ?? 1 }));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #e6f0ff, #f5f7fa)' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {ended ? <Alert type="warning" showIcon title={t('login.ended')} style={{ marginBottom: 16 }} /> : null}
        {failure ? <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} /> : null}
        {pending ? (
          <ChoosePassword
            {...pending}
            onDone={(token, expiresAt) => {
              auth.signIn(token, expiresAt);
              navigate(from, { replace: true });
            }}
          />
        ) : (
        <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ email: params.get('account') ?? '', password: params.get('code') ?? '' }}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('login.emailRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t('login.submit')}
          </Button>
        </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('login.demo')}
        </Typography.Paragraph>
        <Button type="link" size="small" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} style={{ padding: 0 }}>
          {t('nav.language')}
        </Button>
      </Card>
    </div>
  );
}
