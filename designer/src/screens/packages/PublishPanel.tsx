/**
 * 发布定义包 (province admin): sign and publish a package of the platform's latest published
 * definitions, see what was signed (sequence, entries, key, hash, time), and download any
 * package's exact bytes.
 */
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { packageDownloadUrl, packagesApi, type PackageSummary } from '../../api/packages';
import { formatDateTime } from '../../components/time';
import { shortHex } from './format';
import { RefusalAlert } from './RefusalAlert';
import { useLoaded } from './useLoaded';

export function PublishPanel({ onPublished }: { onPublished(): void }) {
  const { t } = useTranslation('packages');
  const { message } = App.useApp();
  const list = useLoaded(packagesApi.list);
  const latest = list.value?.[0];

  const publish = async () => {
    const summary = await list.run(packagesApi.publish);
    if (!summary) return;
    message.success(t('published', { sequence: summary.sequence, count: summary.entryCount }));
    onPublished();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="publish-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('publishIntro')}</Typography.Paragraph>
      <Popconfirm title={t('publishConfirm')} onConfirm={() => void publish()} okButtonProps={{ 'data-testid': 'publish-confirm' }}>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={list.isBusy} data-testid="publish-package">
          {t('publishButton')}
        </Button>
      </Popconfirm>
      <RefusalAlert error={list.error} testId="publish-refusal" />
      {latest && (
        <Alert
          type="success"
          showIcon
          data-testid="latest-package"
          title={t('published', { sequence: latest.sequence, count: latest.entryCount })}
          description={
            <Typography.Text>
              {t('keyId')}: <Typography.Text code>{latest.keyId}</Typography.Text> · {t('hash')}: <Typography.Text code copyable={{ text: latest.hash }}>{shortHex(latest.hash)}</Typography.Text> ·{' '}
              {formatDateTime(latest.createdAt)}
            </Typography.Text>
          }
        />
      )}
      <Table<PackageSummary>
        data-testid="package-list"
        rowKey="id"
        size="small"
        loading={list.value === undefined && !list.error}
        dataSource={list.value ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('noPackages') }}
        onRow={(row) => ({ 'data-sequence': row.sequence }) as object}
        columns={[
          { title: t('sequence'), dataIndex: 'sequence', width: 70 },
          { title: t('entries'), dataIndex: 'entryCount', width: 80, align: 'right' },
          { title: t('keyId'), dataIndex: 'keyId', render: (keyId: string) => <Typography.Text code>{keyId}</Typography.Text> },
          { title: t('hash'), dataIndex: 'hash', render: (hash: string) => <Typography.Text code copyable={{ text: hash }} title={hash}>{shortHex(hash)}</Typography.Text> },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
          {
            title: t('download'),
            render: (_, row) => (
              <a href={packageDownloadUrl(row.id)} download data-testid={`download-${row.sequence}`}>
                <DownloadOutlined /> {t('download')}
              </a>
            ),
          },
        ]}
      />
    </Space>
  );
}
