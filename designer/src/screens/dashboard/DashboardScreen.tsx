/**
 * 统计分析 (/studio/dashboard for admins, /desk/statistics for staff): the period's figures of
 * the viewer's platform rolled up over those below it (docs/statistics.md) as cards and charts,
 * the platforms with their own figures (a click drills down, a breadcrumb climbs back), the
 * items flagged for review, and the reports of the same period.
 */
import { Alert, Empty, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '../../../../engine/kinds/common';
import type { StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import { textOf } from '../../../../engine/text';
import { formatDateTime } from '../../components/time';
import { isAdmin, useSession } from '../../session/session';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFilters } from './DashboardFilters';
import { ItemReviewList } from './ItemReviewList';
import { KpiCards } from './KpiCards';
import { PlatformsTable } from './PlatformsTable';
import { ReportLinks } from './ReportLinks';
import { ScopeBreadcrumb } from './ScopeBreadcrumb';
import { useDashboardQuery } from './useDashboardQuery';
import { useDrillTrail } from './useDrillTrail';
import { useStatistics } from './useStatistics';

/** Nothing happened in the period: no application, nothing served, no evaluation, no task. */
function isEmpty(statistics: StatisticsResponse): boolean {
  const { total } = statistics;
  return total.applied === 0 && total.served === 0 && total.satisfaction.total === 0 && total.rectification.opened === 0;
}

export function DashboardScreen() {
  const { t, i18n } = useTranslation('dashboard');
  const { me } = useSession();
  const query = useDashboardQuery();
  const { statistics, error, isLoading } = useStatistics(query.filter);
  const drill = useDrillTrail({ platformId: query.filter.platformId, statistics, isLoading, ownPlatformId: me?.platformId ?? '', setPlatform: query.setPlatform });
  const [items, setItems] = useState<Array<{ value: string; label: string }>>([]);
  // The item filter offers the items of an answer not filtered by item (the class still applies).
  useEffect(() => {
    if (statistics && statistics.filters.itemId === null) setItems(optionsOf(statistics, i18n.language));
  }, [statistics, i18n.language]);

  return (
    <div data-testid="dashboard" aria-busy={isLoading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3}>{t('title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        </div>
        <ScopeBreadcrumb crumbs={drill.crumbs} onClimb={drill.up} />
        <DashboardFilters
          period={query.filter}
          onPeriod={query.setPeriod}
          serviceClass={query.filter.class}
          onServiceClass={query.setServiceClass}
          itemId={query.filter.itemId}
          onItem={query.setItem}
          items={items}
        />
        <ReportLinks filter={query.filter} />
        {error ? <Alert type="error" showIcon title={t('loadFailed', { detail: error })} data-testid="dashboard-error" /> : null}
        <Spin spinning={isLoading} description={t('loading', { ns: 'common' })}>
          {statistics ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text type="secondary" data-testid="dashboard-as-of">
                {t('asOf', { at: formatDateTime(statistics.asOf) })}
              </Typography.Text>
              <KpiCards figures={statistics.total} />
              {isEmpty(statistics) ? <Empty description={t('empty')} data-testid="dashboard-empty" /> : <DashboardCharts statistics={statistics} />}
              <PlatformsTable platforms={statistics.platforms} root={statistics.root} onDrillDown={drill.down} />
            </Space>
          ) : (
            <div style={{ minHeight: 200 }} />
          )}
        </Spin>
        {isAdmin(me) ? <ItemReviewList /> : null}
      </Space>
    </div>
  );
}

function optionsOf(statistics: StatisticsResponse, language: string): Array<{ value: string; label: string }> {
  return statistics.byItem
    .filter((item): item is typeof item & { itemId: string } => item.itemId !== null)
    .map((item) => ({ value: item.itemId, label: textOf(item.title as Text, language === 'en' ? 'en' : 'zh-CN') || item.itemId }));
}
