/**
 * The public home page: a platform's published service lists (公共服务事项清单, 增值服务清单 …),
 * each item linking to its service guide. `?platform=<id>` shows another platform.
 */
import { Alert, Button, Card, Layout, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { catalogApi, type PlatformCatalog } from '../../api/catalog';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { PortalLinks } from '../portal/PortalLinks';

export const DEFAULT_PLATFORM = 'mianyang';

export function HomePage() {
  const { t } = useTranslation('home');
  const [params] = useSearchParams();
  const platformId = params.get('platform') ?? DEFAULT_PLATFORM;
  const [catalog, setCatalog] = useState<PlatformCatalog | undefined>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.platform(platformId).then(setCatalog, (failure: Error) => setError(failure.message));
  }, [platformId]);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header style={{ background: '#1f5fbf', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }} data-testid="platform-title">
          {catalog?.title ?? t('title')}
        </Typography.Title>
        <Space>
          <PortalLinks />
          <LanguageSwitch />
          <Link to="/studio">
            <Button>{t('toStudio')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        {error && <Alert type="error" showIcon title={t('loadFailed', { platformId, error })} />}
        {catalog?.lists.map((list) => (
          <Card key={list.id} title={list.title} style={{ marginBottom: 24 }} data-testid={`list-${list.id}`} data-list-type={list.listType}>
            <Table
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={list.rows}
              columns={[
                { title: t('seq'), dataIndex: 'seq', width: 64 },
                { title: t('category'), dataIndex: 'category' },
                { title: t('item'), render: (_, row) => <Link to={`/guide/${platformId}/${row.itemId}`}>{row.title}</Link> },
                { title: t('targets'), render: (_, row) => row.targets.join('、') },
                { title: t('channel'), dataIndex: 'channelLabel' },
                { title: t('timeLimit'), dataIndex: 'timeLimit' },
                { title: t('department'), dataIndex: 'department' },
              ]}
            />
          </Card>
        ))}
      </Layout.Content>
    </Layout>
  );
}
