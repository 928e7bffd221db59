/** The studio's frame: the menu of definition kinds, the platform and user, language, sign-out. */
import {
  ApartmentOutlined,
  AppstoreOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  ImportOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, useSession } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';

const sections = [
  { key: 'lists', ns: 'lists', icon: <UnorderedListOutlined /> },
  { key: 'items', ns: 'items', icon: <AppstoreOutlined /> },
  { key: 'forms', ns: 'forms', icon: <FormOutlined /> },
  { key: 'checklists', ns: 'checklists', icon: <FileDoneOutlined /> },
  { key: 'flows', ns: 'flows', icon: <ApartmentOutlined /> },
  { key: 'templates', ns: 'templates', icon: <FileTextOutlined /> },
  { key: 'transfer', ns: 'transfer', icon: <ImportOutlined /> },
] as const;

export function StudioLayout() {
  const { t } = useTranslation();
  const { me, isLoading, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (isLoading) return <Spin fullscreen />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!isAdmin(me)) return <Typography.Paragraph style={{ padding: 48 }}>{t('adminsOnly')}</Typography.Paragraph>;
  const selected = location.pathname.split('/')[2] ?? 'lists';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>{t('studio')}</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={sections.map((section) => ({ key: section.key, icon: section.icon, label: t('title', { ns: section.ns }) }))}
          onClick={({ key }) => navigate(`/studio/${key}`)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'space-between', alignItems: 'center', paddingInline: 24 }}>
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space>
            <Typography.Text type="secondary" data-testid="signed-in-as">
              {me.displayName} · {me.platformId}
            </Typography.Text>
            <LanguageSwitch />
            <Button size="small" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
