/** The studio's frame: the menu of definition kinds, the platform and user, language, sign-out. */
import {
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  ClusterOutlined,
  CloudSyncOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  ImportOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, useSession } from '../session/session';
import { StaffFrame } from './StaffFrame';

const sections = [
  { key: 'lists', ns: 'lists', icon: <UnorderedListOutlined /> },
  { key: 'items', ns: 'items', icon: <AppstoreOutlined /> },
  { key: 'forms', ns: 'forms', icon: <FormOutlined /> },
  { key: 'checklists', ns: 'checklists', icon: <FileDoneOutlined /> },
  { key: 'flows', ns: 'flows', icon: <ApartmentOutlined /> },
  { key: 'templates', ns: 'templates', icon: <FileTextOutlined /> },
  { key: 'transfer', ns: 'transfer', icon: <ImportOutlined /> },
  { key: 'network', ns: 'network', icon: <ClusterOutlined /> },
  { key: 'dashboard', ns: 'dashboard', icon: <BarChartOutlined /> },
  { key: 'assessments', ns: 'assessments', icon: <TrophyOutlined /> },
  { key: 'packages', ns: 'packages', icon: <CloudSyncOutlined /> },
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
    <StaffFrame
      me={me}
      onSignOut={() => void signOut()}
      title={t('studio')}
      menu={sections.map((section) => ({ key: section.key, icon: section.icon, label: t('title', { ns: section.ns }) }))}
      selectedKey={selected}
      onSelect={(key) => navigate(`/studio/${key}`)}
    />
  );
}
