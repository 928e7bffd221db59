/**
 * The frame of the staff-side areas (studio, desk): a side menu under the area's name, and a
 * header with the product, who is signed in, the language switch and sign-out; the page below.
 */
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { ChangePasswordButton, PasswordCare } from '../session/PasswordChange';
import type { Me } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';

export interface StaffFrameProps {
  me: Me;
  onSignOut: () => void;
  /** The area's name above the menu. */
  title: string;
  menu: Array<{ key: string; icon: ReactNode; label: string }>;
  selectedKey: string;
  onSelect: (key: string) => void;
}

export function StaffFrame({ me, onSignOut, title, menu, selectedKey, onSelect }: StaffFrameProps) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600 }}>{title}</div>
        <Menu mode="inline" selectedKeys={[selectedKey]} items={menu} onClick={({ key }) => onSelect(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'space-between', alignItems: 'center', paddingInline: 24 }}>
          <Typography.Text strong>{t('appName')}</Typography.Text>
          <Space>
            <Typography.Text type="secondary" data-testid="signed-in-as">
              {me.displayName} · {me.platformId}
            </Typography.Text>
            <LanguageSwitch />
            <ChangePasswordButton />
            <Button size="small" onClick={onSignOut}>
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <PasswordCare />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
