/**
 * The platforms of the scope, each with its own figures (not those below it), parents before
 * children as the server lists them, indented by depth. A platform below the scope's root is a
 * drill-down: a click, or Enter on the focused row, asks the statistics again for it.
 */
import { Card, Table, Typography } from 'antd';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDays, formatRate } from '../../../../engine/statistics/figure-format';
import type { PlatformStatistics } from '../../../../engine/statistics/statistics-response';

interface Row extends PlatformStatistics {
  depth: number;
}

/** Each platform's depth below the root, from the parent links (parents come first). */
function withDepth(platforms: PlatformStatistics[], root: string): Row[] {
  const depth = new Map<string, number>();
  return platforms.map((platform) => {
    const own = platform.id === root || platform.parent === null ? 0 : (depth.get(platform.parent) ?? 0) + 1;
    depth.set(platform.id, own);
    return { ...platform, depth: own };
  });
}

export function PlatformsTable({ platforms, root, onDrillDown }: { platforms: PlatformStatistics[]; root: string; onDrillDown: (platform: PlatformStatistics) => void }) {
  const { t } = useTranslation('dashboard');
  const isDrillable = (row: Row) => row.id !== root;
  const onKey = (event: KeyboardEvent, row: Row) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onDrillDown(row);
    }
  };
  return (
    <Card size="small" title={t('platforms')} data-testid="dashboard-platforms">
      <Typography.Paragraph type="secondary">{t('platformsHint')}</Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={withDepth(platforms, root)}
        onRow={(row) =>
          isDrillable(row)
            ? { tabIndex: 0, role: 'link', 'aria-label': t('drillDown', { title: row.title }), 'data-testid': `drill-${row.id}`, style: { cursor: 'pointer' }, onClick: () => onDrillDown(row), onKeyDown: (event) => onKey(event, row) } as HTMLAttributes<HTMLElement>
            : {}
        }
        columns={[
          { key: 'title', title: t('platform'), render: (_, row) => <span style={{ paddingLeft: row.depth * 20 }}>{isDrillable(row) ? <Typography.Link>{row.title}</Typography.Link> : <strong>{row.title}</strong>}</span> },
          { key: 'level', title: t('level'), render: (_, row) => t(`level_${row.level}`, { ns: 'network', defaultValue: row.level }) },
          { key: 'applied', title: t('kpi_applied'), align: 'right', render: (_, row) => row.figures.applied },
          { key: 'served', title: t('kpi_served'), align: 'right', render: (_, row) => row.figures.served },
          { key: 'onTime', title: t('kpi_onTimeRate'), align: 'right', render: (_, row) => formatRate(row.figures.onTimeRate) },
          { key: 'days', title: t('kpi_avgWorkingDays'), align: 'right', render: (_, row) => formatDays(row.figures.avgWorkingDays) },
          { key: 'oneVisit', title: t('kpi_oneVisitRate'), align: 'right', render: (_, row) => formatRate(row.figures.oneVisitRate) },
          { key: 'good', title: t('kpi_goodRate'), align: 'right', render: (_, row) => formatRate(row.figures.satisfaction.goodRate) },
          { key: 'overdue', title: t('kpi_overdue'), align: 'right', render: (_, row) => row.figures.overdue },
        ]}
      />
    </Card>
  );
}
