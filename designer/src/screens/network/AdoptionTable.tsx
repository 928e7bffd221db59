/** Template adoption: one row per province item, one column per platform below it (version adopted, 最新/待升级). */
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { textOf } from '../../api/definitions.js';
import type { NetworkOverview, NetworkTemplate, TemplateAdopter } from '../../api/network.js';

function AdoptionCell({ adopter }: { adopter: TemplateAdopter | undefined }) {
  const { t } = useTranslation('network');
  if (!adopter) return <Typography.Text type="secondary">{t('notLocalized')}</Typography.Text>;
  const base = adopter.extends ? t('adoptedAt', { version: adopter.extends.version }) : t('notRecorded');
  return (
    <Space size={4} wrap>
      <Tooltip title={t('version', { version: adopter.version })}>
        <span>{base}</span>
      </Tooltip>
      {adopter.isOutdated === true && <Tag color="orange">{t('outdated')}</Tag>}
      {adopter.isOutdated === false && <Tag color="green">{t('upToDate')}</Tag>}
    </Space>
  );
}

export function AdoptionTable({ overview }: { overview: NetworkOverview }) {
  const { t, i18n } = useTranslation('network');
  const owner = overview.templates[0]?.platform;
  const platforms = overview.platforms.filter((p) => p.id !== owner);
  // Localized templates first: they are what the table is read for.
  const rows = [...overview.templates].sort((a, b) => Number(b.adopters.length > 0) - Number(a.adopters.length > 0));
  return (
    <Table<NetworkTemplate>
      data-testid="network-adoption"
      rowKey="id"
      size="small"
      scroll={{ x: true }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={rows}
      columns={[
        { title: t('template'), fixed: 'left', render: (_, item) => textOf(item.title as never, i18n.language) || item.id },
        { title: t('latest'), render: (_, item) => t('version', { version: item.latestVersion }) },
        ...platforms.map((platform) => ({
          title: platform.title,
          key: platform.id,
          render: (_: unknown, item: NetworkTemplate) => (
            <div data-testid={`adoption-${item.id}-${platform.id}`}>
              <AdoptionCell adopter={item.adopters.find((a) => a.platform === platform.id)} />
            </div>
          ),
        })),
      ]}
    />
  );
}
