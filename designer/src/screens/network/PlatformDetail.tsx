/**
 * One platform of the registry, for the province admin: its status with the history (who, when,
 * why, the construction case's number), the legal next statuses (StatusChange) and its module
 * awards (AwardPanel). Opened by selecting the platform in the 平台网络 tree.
 */
import { Alert, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi, type PlatformEvent, type RegistryPlatform } from '../../api/registry';
import { AwardPanel } from './AwardPanel';
import { formatDateTime } from '../../components/time';
import { StatusChange } from './StatusChange';
import { STATUS_COLORS } from './status-colors';

/** Case numbers of the history's construction cases; an unreadable case keeps its id. */
async function caseNumbersOf(history: PlatformEvent[]): Promise<Map<string, string>> {
  const ids = [...new Set(history.map((event) => event.caseId).filter((id): id is string => id !== null))];
  const numbers = await Promise.all(ids.map((id) => registryApi.caseNumber(id).catch(() => id)));
  return new Map(ids.map((id, i) => [id, numbers[i] ?? id]));
}

export function PlatformDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation('network');
  const [platform, setPlatform] = useState<RegistryPlatform>();
  const [numbers, setNumbers] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();

  const show = useCallback(async (next: RegistryPlatform) => {
    setPlatform(next);
    setNumbers(await caseNumbersOf(next.history));
  }, []);
  const load = useCallback(() => {
    setError(undefined);
    registryApi.platform(id).then(show, (e: Error) => setError(e.message));
  }, [id, show]);
  useEffect(load, [load]);

  if (error) return <Alert type="error" showIcon role="alert" title={t('detailFailed', { detail: error })} />;
  if (!platform || platform.id !== id) return <Spin />;
  const status = (s: string | null) => (s ? t(`status_${s}`, { defaultValue: s }) : '—');
  return (
    <Card title={platform.title} size="small" variant="borderless" data-testid="platform-detail">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('level')}>{t(`level_${platform.level}`, { defaultValue: platform.level })}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <Tag color={STATUS_COLORS[platform.status]} data-testid="platform-status">
            {status(platform.status)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('region')}>{platform.region ? `${platform.region.name}（${platform.region.code}）` : '—'}</Descriptions.Item>
      </Descriptions>
      <StatusChange
        platform={platform}
        onChanged={(next) => {
          void show(next);
          onChanged();
        }}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('history')}
      </Typography.Title>
      <Table<PlatformEvent>
        data-testid="platform-history"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...platform.history].reverse()}
        locale={{ emptyText: t('noHistory') }}
        columns={[
          { title: t('at'), render: (_, e) => formatDateTime(e.at) },
          { title: t('change'), render: (_, e) => `${status(e.from)} → ${status(e.to)}` },
          { title: t('by'), dataIndex: 'by' },
          { title: t('reason'), render: (_, e) => e.reason ?? '—' },
          { title: t('case'), render: (_, e) => (e.caseId ? <Typography.Text copyable>{numbers.get(e.caseId) ?? e.caseId}</Typography.Text> : '—') },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('awards')}
      </Typography.Title>
      <AwardPanel
        platform={platform}
        onAwarded={() => {
          load();
          onChanged();
        }}
      />
    </Card>
  );
}
