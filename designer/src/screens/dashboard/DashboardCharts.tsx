/**
 * The dashboard's charts, each in a card: the same option builders the printed reports use
 * (engine/statistics/chart-options), so screen and paper agree. The labels follow the language.
 */
import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_LABELS, type ChartLabels } from '../../../../engine/statistics/chart-labels';
import {
  TOP_ITEMS,
  ratesOption,
  satisfactionOption,
  volumeByChannelOption,
  volumeByItemOption,
  volumeByMonthOption,
  workingDaysByPlatformOption,
  type ChartOption,
} from '../../../../engine/statistics/chart-options';
import type { StatisticsResponse } from '../../../../engine/statistics/statistics-response';
import { EChart } from './EChart';

type ChartKey = keyof ChartLabels['titles'];

/** The item chart grows with its bars (up to ten), so two items do not stretch across a tall box. */
function heightOf(key: ChartKey, statistics: StatisticsResponse): number {
  if (key !== 'volumeByItem') return 280;
  const bars = Math.min(TOP_ITEMS, statistics.byItem.filter((item) => item.applied > 0).length);
  return Math.max(160, 70 + bars * 34);
}

function chartsOf(statistics: StatisticsResponse, labels: ChartLabels): Array<{ key: ChartKey; option: ChartOption; isWide?: boolean }> {
  const charts: Array<{ key: ChartKey; option: ChartOption; isWide?: boolean }> = [
    { key: 'volumeByMonth', option: volumeByMonthOption(statistics.byMonth, labels) },
    { key: 'volumeByChannel', option: volumeByChannelOption(statistics.total, labels) },
    { key: 'satisfaction', option: satisfactionOption(statistics.total.satisfaction, labels) },
    { key: 'rates', option: ratesOption(statistics.total, labels) },
    { key: 'volumeByItem', option: volumeByItemOption(statistics.byItem, labels), isWide: true },
  ];
  // One platform has nothing to compare: its working days are already a card.
  if (statistics.platforms.length > 1) charts.push({ key: 'workingDaysByPlatform', option: workingDaysByPlatformOption(statistics.platforms, labels), isWide: true });
  return charts;
}

export function DashboardCharts({ statistics }: { statistics: StatisticsResponse }) {
  const { i18n } = useTranslation();
  const labels = CHART_LABELS[i18n.language === 'en' ? 'en' : 'zh-CN'];
  const charts = useMemo(() => chartsOf(statistics, labels), [statistics, labels]);
  return (
    <div data-testid="dashboard-charts" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 12 }}>
      {charts.map(({ key, option, isWide }) => (
        <Card key={key} size="small" title={labels.titles[key]} style={isWide ? { gridColumn: '1 / -1' } : undefined}>
          <EChart option={option} label={labels.titles[key]} testId={`chart-${key}`} height={heightOf(key, statistics)} />
        </Card>
      ))}
    </div>
  );
}
