/**
 * 签名密钥 (province admin): each key with its status (当前/已轮换/已吊销) and fingerprint;
 * 轮换密钥 after a confirm, 吊销 with a required reason and a confirm.
 */
import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keysApi, type SigningKey, type SigningKeyStatus } from '../../api/packages';
import { formatDateTime } from '../../components/time';
import { RefusalAlert } from './RefusalAlert';
import { RevokeModal } from './RevokeModal';
import { useLoaded } from './useLoaded';

export const keyStatusColours: Record<SigningKeyStatus, string> = { active: 'green', retired: 'default', revoked: 'red' };

export function SigningKeysPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation('packages');
  const { message } = App.useApp();
  const keys = useLoaded(keysApi.list);
  const [revoking, setRevoking] = useState<string>();
  const { reload } = keys;
  useEffect(() => void reload(), [refreshKey, reload]);

  const rotate = async () => {
    const result = await keys.run(keysApi.rotate);
    if (result) message.success(t('rotated', { keyId: result.key.keyId }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="signing-keys">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('keysIntro')}</Typography.Paragraph>
      <Popconfirm title={t('rotateConfirm')} onConfirm={() => void rotate()} okButtonProps={{ 'data-testid': 'rotate-confirm' }}>
        <Button icon={<SyncOutlined />} loading={keys.isBusy} data-testid="rotate-key">
          {t('rotate')}
        </Button>
      </Popconfirm>
      <RefusalAlert error={keys.error} testId="keys-refusal" />
      <Table<SigningKey>
        rowKey="keyId"
        size="small"
        pagination={false}
        dataSource={keys.value ?? []}
        locale={{ emptyText: t('noKeys') }}
        onRow={(row) => ({ 'data-key': row.keyId, 'data-status': row.status }) as object}
        columns={[
          { title: t('keyId'), dataIndex: 'keyId', render: (keyId: string) => <Typography.Text code>{keyId}</Typography.Text> },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (status: SigningKeyStatus, row) => (
              <Space direction="vertical" size={0}>
                <Tag color={keyStatusColours[status]}>{t(`keyStatus_${status}`)}</Tag>
                {row.revokedAt && <Typography.Text type="danger">{t('revokedAt', { at: formatDateTime(row.revokedAt), reason: row.revokedReason })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('fingerprint'),
            dataIndex: 'fingerprint',
            render: (fingerprint: string) => (
              <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                {fingerprint}
              </Typography.Text>
            ),
          },
          { title: t('keyCreatedAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
          {
            title: '',
            render: (_, row) =>
              row.status !== 'revoked' && (
                <Button danger size="small" onClick={() => setRevoking(row.keyId)} data-testid={`revoke-${row.keyId}`}>
                  {t('revoke')}
                </Button>
              ),
          },
        ]}
      />
      {revoking && (
        <RevokeModal
          title={t('revokeTitle', { keyId: revoking })}
          warning={t('revokeWarning')}
          onClose={() => setRevoking(undefined)}
          onRevoke={async (reason) => {
            await keysApi.revoke(revoking, reason);
            message.success(t('revoked', { keyId: revoking }));
            await keys.reload();
          }}
        />
      )}
    </Space>
  );
}
