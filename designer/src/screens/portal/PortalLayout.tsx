/**
 * The portal's frame for applicants and the public: the platform's pages (service lists, my
 * cases, consultation, FAQ handbook, progress lookup), who is signed in, language, sign-out.
 * Pages under /portal need a signed-in user and send others to the login page and back.
 */
import { Button, Layout, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { ChangePasswordButton, PasswordCare } from '../../session/PasswordChange';
import { useSession } from '../../session/session';
import { LinkButton } from './LinkButton';
import './portal.css';

const links = [
  { to: '/', key: 'navLists', isEnd: true },
  { to: '/portal/cases', key: 'navMyCases', isEnd: false },
  { to: '/portal/consultations', key: 'navConsult', isEnd: false },
  { to: '/portal/feedback', key: 'navFeedback', isEnd: false, ns: 'feedback' },
  { to: '/faq', key: 'navFaq', isEnd: false },
  { to: '/progress', key: 'navProgress', isEnd: false },
  { to: '/assessments', key: 'navAssessments', isEnd: false },
  { to: '/portal/improvements', key: 'navImprovements', isEnd: false, ns: 'feedback' },
] as const;

/** Where the login page should send the user back to. */
export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

export function PortalLayout({ isSignInRequired = false }: { isSignInRequired?: boolean }) {
  const { t } = useTranslation('portal');
  const { me, isLoading, signOut } = useSession();
  const location = useLocation();
  if (isSignInRequired && isLoading) return <Spin fullscreen />;
  if (isSignInRequired && !me) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header className="portal-chrome portal-header">
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('appName', { ns: 'common' })}
        </Typography.Text>
        <nav aria-label={t('navLabel')} className="portal-nav">
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.isEnd} className={({ isActive }) => (isActive ? 'portal-nav-link active' : 'portal-nav-link')}>
              {t(link.key, { ns: 'ns' in link ? link.ns : 'portal' })}
            </NavLink>
          ))}
        </nav>
        <Space>
          <LanguageSwitch />
          {me ? (
            <>
              <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-as">
                {me.displayName}
              </Typography.Text>
              <ChangePasswordButton />
              <Button size="small" onClick={() => void signOut()}>
                {t('signOut', { ns: 'common' })}
              </Button>
            </>
          ) : (
            <LinkButton size="small" to={loginPath(location.pathname + location.search)}>
              {t('signIn', { ns: 'common' })}
            </LinkButton>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <PasswordCare />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
