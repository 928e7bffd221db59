/** Sign-in page: username and password, Enter submits, the error says what went wrong. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { homeOf, useSession } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useSession();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get('next');
  if (me) return <Navigate to={next?.startsWith('/') ? next : homeOf(me)} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t('signInFailed') : String((failure as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}>
      <Card style={{ width: 380 }} title={<Typography.Title level={4} style={{ margin: 0 }}>{t('appName')}</Typography.Title>} extra={<LanguageSwitch />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('username')} name="username" rules={[{ required: true, message: t('required', { field: t('username') }) }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('required', { field: t('password') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={isBusy}>
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
