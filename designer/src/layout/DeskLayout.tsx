/** The desk's frame (staff side): inbox, counter, consultations, reviews, for staff and platform admins. */
import { BarChartOutlined, BulbOutlined, CommentOutlined, InboxOutlined, MessageOutlined, ShopOutlined, StarOutlined } from '@ant-design/icons';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isDeskUser, useSession } from '../session/session';
import { StaffFrame } from './StaffFrame';

const sections = [
  { key: 'inbox', path: '/desk', icon: <InboxOutlined /> },
  { key: 'counter', path: '/desk/counter', icon: <ShopOutlined /> },
  { key: 'consultations', path: '/desk/consultations', icon: <CommentOutlined /> },
  { key: 'reviews', path: '/desk/reviews', icon: <StarOutlined /> },
  { key: 'feedback', path: '/desk/feedback', icon: <MessageOutlined />, ns: 'feedback' },
  { key: 'improvements', path: '/desk/improvements', icon: <BulbOutlined />, ns: 'feedback' },
  { key: 'statistics', path: '/desk/statistics', icon: <BarChartOutlined />, ns: 'dashboard' },
] as const;

/** The menu entry a desk path belongs to: a case page belongs to the inbox. */
function sectionOf(pathname: string): string {
  const part = pathname.split('/')[2];
  return sections.some((s) => s.key === part) ? (part as string) : 'inbox';
}

export function DeskLayout() {
  const { t } = useTranslation('desk');
  const { me, isLoading, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (isLoading) return <Spin fullscreen />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!isDeskUser(me)) return <Typography.Paragraph style={{ padding: 48 }}>{t('staffOnly')}</Typography.Paragraph>;
  return (
    <StaffFrame
      me={me}
      onSignOut={() => void signOut()}
      title={t('desk')}
      menu={sections.map((section) => ({ key: section.key, icon: section.icon, label: t(`menu_${section.key}`, { ns: 'ns' in section ? section.ns : 'desk' }) }))}
      selectedKey={sectionOf(location.pathname)}
      onSelect={(key) => navigate(sections.find((s) => s.key === key)?.path ?? '/desk')}
    />
  );
}
