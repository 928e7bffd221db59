/**
 * 平台网络: the platform hierarchy as a tree (level, status, awards) beside each platform's
 * service figures, and below it which version of each province template every platform adopted.
 * Everything comes from GET /api/network/overview: counts only, never a case. The province admin
 * selects a platform in the tree to open its registry detail in a drawer (history, status change, awards).
 */
import { Alert, Card, Col, Drawer, Row, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/time';
import { networkApi, type NetworkOverview, type NetworkPlatform } from '../../api/network.js';
import { useSession } from '../../session/session';
import { AdoptionTable } from './AdoptionTable.js';
import { PlatformDetail } from './PlatformDetail.js';
import { STATUS_COLORS } from './status-colors.js';

function treeOf(platforms: NetworkPlatform[], label: (p: NetworkPlatform) => React.ReactNode): DataNode[] {
  const ids = new Set(platforms.map((p) => p.id));
  const node = (p: NetworkPlatform): DataNode => ({
    key: p.id,
    title: label(p),
    children: platforms.filter((c) => c.parent === p.id).map(node),
  });
  return platforms.filter((p) => p.parent === null || !ids.has(p.parent)).map(node);
}

export function NetworkScreen() {
  const { t } = useTranslation('network');
  const [overview, setOverview] = useState<NetworkOverview>();
  const [awards, setAwards] = useState<Map<string, string[]>>(new Map());
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const isProvince = useSession().me?.roles.includes('province-admin') ?? false;

  const load = useCallback(() => {
    networkApi.overview().then(setOverview, (e: Error) => setError(e.message));
    void networkApi.awards().then(setAwards);
  }, []);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon title={t('loadFailed', { detail: error })} />;
  if (!overview) return <Spin />;
  const percent = (rate: number | null) => (rate === null ? t('noRate') : `${(rate * 100).toFixed(1)}%`);
  const label = (p: NetworkPlatform) => (
    <Space size={4} wrap data-testid={`network-node-${p.id}`}>
      <span>{p.title}</span>
      <Tag>{t(`level_${p.level}`, { defaultValue: p.level })}</Tag>
      <Tag color={STATUS_COLORS[p.status]}>{t(`status_${p.status}`, { defaultValue: p.status })}</Tag>
      {(awards.get(p.id) ?? []).map((award) => (
        <Tag key={award} color="purple">
          {award}
        </Tag>
      ))}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3}>{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('intro')} {t('asOf', { at: formatDateTime(overview.asOf) })}
        </Typography.Paragraph>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('hierarchy')} size="small">
            {isProvince && <Typography.Paragraph type="secondary">{t('selectHint')}</Typography.Paragraph>}
            <Tree
              data-testid="network-tree"
              treeData={treeOf(overview.platforms, label)}
              defaultExpandAll
              selectable={isProvince}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
              blockNode
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('figures')} size="small">
            <Table<NetworkPlatform>
              data-testid="network-figures"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={overview.platforms}
              columns={[
                { title: t('platform'), dataIndex: 'title' },
                { title: t('level'), render: (_, p) => t(`level_${p.level}`, { defaultValue: p.level }) },
                { title: t('total'), align: 'right', render: (_, p) => p.cases.total },
                { title: t('thisYear', { year: overview.year }), align: 'right', render: (_, p) => p.cases.thisYear },
                { title: t('completed'), align: 'right', render: (_, p) => p.cases.completed },
                { title: t('onTimeRate'), align: 'right', render: (_, p) => percent(p.cases.onTimeRate) },
                {
                  title: t('overdueOpen'),
                  align: 'right',
                  render: (_, p) => <Typography.Text type={p.cases.overdueOpen > 0 ? 'danger' : undefined}>{p.cases.overdueOpen}</Typography.Text>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Drawer open={isProvince && selected !== undefined} onClose={() => setSelected(undefined)} title={t('detailTitle')} size={760} mask={false} destroyOnHidden>
        {selected && <PlatformDetail key={selected} id={selected} onChanged={load} />}
      </Drawer>
      <Card title={t('adoption')} size="small">
        <Typography.Paragraph type="secondary">{t('adoptionIntro')}</Typography.Paragraph>
        <AdoptionTable overview={overview} />
      </Card>
    </Space>
  );
}
