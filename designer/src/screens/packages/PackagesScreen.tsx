/**
 * /studio/packages 分发与同步: the province admin publishes signed packages and manages its
 * signing keys; platform admins (and the province) trust publishers' keys, import a package file
 * or pull from the upstream deployment. Each part in its own tab, reachable by keyboard.
 */
import { Card, Col, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { FederationPanel } from './FederationPanel';
import { PublishPanel } from './PublishPanel';
import { SigningKeysPanel } from './SigningKeysPanel';
import { TrustedKeysPanel } from './TrustedKeysPanel';
import { UploadPanel } from './UploadPanel';

function PublishTab() {
  const { t } = useTranslation('packages');
  // Publishing the first package makes the first key: the key list reloads after each one.
  const [published, setPublished] = useState(0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={13}>
        <Card size="small" title={t('publishTitle')}>
          <PublishPanel onPublished={() => setPublished((n) => n + 1)} />
        </Card>
      </Col>
      <Col xs={24} xxl={11}>
        <Card size="small" title={t('keysTitle')}>
          <SigningKeysPanel refreshKey={published} />
        </Card>
      </Col>
    </Row>
  );
}

export function PackagesScreen() {
  const { t } = useTranslation('packages');
  const { me } = useSession();
  const isPublisher = !!me?.roles.includes('province-admin');
  const tabs = [
    ...(isPublisher ? [{ key: 'publish', label: t('tab_publish'), children: <PublishTab /> }] : []),
    { key: 'import', label: t('tab_import'), children: <UploadPanel /> },
    { key: 'federation', label: t('tab_federation'), children: <FederationPanel /> },
    { key: 'trusted', label: t('tab_trusted'), children: <TrustedKeysPanel /> },
  ];
  return (
    <div data-testid="packages-screen">
      <Typography.Title level={4}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Tabs items={tabs} defaultActiveKey={tabs[0]?.key} data-testid="packages-tabs" />
    </div>
  );
}
