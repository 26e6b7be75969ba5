import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { auth, useSession } from '../../app/auth';
import { messageKeyOf, problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { graphql } from '../../gql';

const LOGIN = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt mustChangePassword user { id displayName } }
  }
`);

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [ended] = useState(() => auth.takeEndedReason());
  const [login, { loading }] = useMutation(LOGIN);
  const [failure, setFailure] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;

  const submit = async (values: { email: string; password: string }) => {
    setFailure(null);
    try {
      const { data } = await login({ variables: { email: values.email.trim(), password: values.password } });
      if (!data) return;
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
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
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
