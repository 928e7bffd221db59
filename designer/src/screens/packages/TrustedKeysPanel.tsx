/** 受信任的密钥 (platform and province admins): the keys this platform trusts, trusting one, revoking trust. */
import { App, Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keysApi, type TrustedKey } from '../../api/packages';
import { formatDateTime } from '../../components/time';
import { RefusalAlert } from './RefusalAlert';
import { RevokeModal } from './RevokeModal';
import { TrustForm } from './TrustForm';
import { useLoaded } from './useLoaded';

export function TrustedKeysPanel() {
  const { t } = useTranslation('packages');
  const { message } = App.useApp();
  const keys = useLoaded(keysApi.trusted);
  const [revoking, setRevoking] = useState<string>();

  return (
    <Row gutter={[16, 16]} data-testid="trusted-keys">
      <Col xs={24} xl={14}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('trustedIntro')}</Typography.Paragraph>
          <RefusalAlert error={keys.error} testId="trusted-refusal" />
          <Table<TrustedKey>
            rowKey="keyId"
            size="small"
            pagination={false}
            dataSource={keys.value ?? []}
            locale={{ emptyText: t('noTrusted') }}
            onRow={(row) => ({ 'data-key': row.keyId, 'data-status': row.status }) as object}
            columns={[
              { title: t('publisher'), dataIndex: 'publisherId' },
              { title: t('keyId'), dataIndex: 'keyId', render: (keyId: string) => <Typography.Text code>{keyId}</Typography.Text> },
              {
                title: t('status'),
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={row.status === 'trusted' ? 'green' : 'red'}>{t(`trustedStatus_${row.status}`)}</Tag>
                    {row.revokedAt && <Typography.Text type="danger">{t('revokedAt', { at: formatDateTime(row.revokedAt), reason: row.revokedReason })}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('fingerprint'), dataIndex: 'fingerprint', render: (fp: string) => <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>{fp}</Typography.Text> },
              { title: t('trustedAt'), dataIndex: 'trustedAt', render: (at: string) => formatDateTime(at) },
              {
                title: '',
                render: (_, row) =>
                  row.status === 'trusted' && (
                    <Button danger size="small" onClick={() => setRevoking(row.keyId)} data-testid={`revoke-trust-${row.keyId}`}>
                      {t('revokeTrust')}
                    </Button>
                  ),
              },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('trustTitle')}>
          <TrustForm onTrusted={keys.reload} />
        </Card>
      </Col>
      {revoking && (
        <RevokeModal
          title={t('revokeTrustTitle', { keyId: revoking })}
          warning={t('revokeTrustWarning')}
          onClose={() => setRevoking(undefined)}
          onRevoke={async (reason) => {
            await keysApi.revokeTrust(revoking, reason);
            message.success(t('revoked', { keyId: revoking }));
            await keys.reload();
          }}
        />
      )}
    </Row>
  );
}
