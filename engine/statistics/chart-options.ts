/**
 * The statistics charts as ECharts option objects: plain data built from the figures of
 * `GET /api/statistics` and a labels object, nothing else (no ECharts, no DOM, no React). The
 * studio's dashboard draws them in the browser; the reports draw the same objects to SVG on the
 * server (decision 0037), so a chart looks the same on screen and on paper.
 */
import type { Text } from '../kinds/common.js';
import { textOf } from '../text.js';
import type { ChartLabels } from './chart-labels.js';
import { daysOf, NO_VALUE, percentOf } from './figure-format.js';
import type { ItemStatistics, MonthStatistics, PlatformStatistics, StatisticsFigures } from './statistics-response.js';

/** An ECharts option: plain JSON-like data, handed to `setOption` as it is. */
export type ChartOption = Record<string, unknown>;

/** The channel colors, online first: one blue pair on every chart. */
export const CHANNEL_COLORS = ['#1f5fbf', '#69b1ff'] as const;

/** Satisfaction levels 5 … 1 from green to red (非常满意 … 非常不满意). */
export const SATISFACTION_COLORS: Record<1 | 2 | 3 | 4 | 5, string> = { 5: '#389e0d', 4: '#7cb305', 3: '#d4b106', 2: '#fa8c16', 1: '#cf1322' };

/** How many items the item chart shows. */
export const TOP_ITEMS = 10;

// No animation: the server renders one frame, and a screenshot or print must show final bars.
const base = { animation: false, textStyle: { fontFamily: 'sans-serif' } };
const grid = { left: 12, right: 24, top: 36, bottom: 12, containLabel: true };

/** A bar whose figure has no value: drawn empty, labelled "—" rather than as a zero. */
function valueBar(value: number | null, unit: string): Record<string, unknown> {
  if (value === null) return { value: 0, label: { show: true, position: 'right', formatter: NO_VALUE } };
  return { value, label: { show: true, position: 'right', formatter: `{c}${unit}` } };
}

/**
 * Applications by month, online and at the counter stacked.
 *
 * @example chart.setOption(volumeByMonthOption(statistics.byMonth, CHART_LABELS['zh-CN']))
 */
export function volumeByMonthOption(byMonth: MonthStatistics[], labels: ChartLabels): ChartOption {
  const series = (name: string, pick: (m: MonthStatistics) => number) => ({ name, type: 'bar', stack: 'applied', barMaxWidth: 40, data: byMonth.map(pick) });
  return {
    ...base,
    color: [...CHANNEL_COLORS],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.online, labels.counter] },
    grid,
    xAxis: { type: 'category', data: byMonth.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1, name: labels.applied },
    series: [series(labels.online, (m) => m.online), series(labels.counter, (m) => m.counter)],
  };
}

/** Applications by channel (网上申请 / 窗口受理) as a ring. */
export function volumeByChannelOption(figures: Pick<StatisticsFigures, 'online' | 'counter'>, labels: ChartLabels): ChartOption {
  return {
    ...base,
    color: [...CHANNEL_COLORS],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { top: 0, data: [labels.online, labels.counter] },
    series: [
      {
        name: labels.applied,
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '56%'],
        label: { formatter: '{b}\n{c} ({d}%)' },
        data: [
          { name: labels.online, value: figures.online },
          { name: labels.counter, value: figures.counter },
        ],
      },
    ],
  };
}

/** The item's name in the labels' locale; the items of platforms below under their shared name. */
function itemName(item: ItemStatistics, labels: ChartLabels): string {
  if (item.itemId === null) return labels.otherItems;
  const title = item.title;
  const isText = typeof title === 'string' || (typeof title === 'object' && title !== null && typeof (title as Record<string, unknown>)['zh-CN'] === 'string');
  return (isText ? textOf(title as Text, labels.locale) : '') || item.itemId;
}

/** The ten items most applied for, largest on top, online and counter stacked. */
export function volumeByItemOption(byItem: ItemStatistics[], labels: ChartLabels): ChartOption {
  // Largest first, ties by name so the order never depends on the server's; then reversed,
  // since a category axis draws its first entry at the bottom.
  const top = byItem
    .filter((item) => item.applied > 0)
    .map((item) => ({ item, name: itemName(item, labels) }))
    .sort((a, b) => b.item.applied - a.item.applied || a.name.localeCompare(b.name))
    .slice(0, TOP_ITEMS)
    .reverse();
  const series = (name: string, pick: (i: ItemStatistics) => number) => ({ name, type: 'bar', stack: 'applied', barMaxWidth: 24, data: top.map(({ item }) => pick(item)) });
  return {
    ...base,
    color: [...CHANNEL_COLORS],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.online, labels.counter] },
    grid: { ...grid, right: 32 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map(({ name }) => name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [series(labels.online, (i) => i.online), series(labels.counter, (i) => i.counter)],
  };
}

/** The evaluations at each of the five levels, best first, green to red (好差评分布). */
export function satisfactionOption(satisfaction: StatisticsFigures['satisfaction'], labels: ChartLabels): ChartOption {
  const levels = [5, 4, 3, 2, 1] as const;
  const countOf = (level: number) => satisfaction.levels.find((l) => l.level === level)?.count ?? 0;
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    grid,
    xAxis: { type: 'category', data: levels.map((level) => labels.satisfactionLevels[level]) },
    yAxis: { type: 'value', minInterval: 1, name: labels.evaluations },
    series: [
      {
        name: labels.evaluations,
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: levels.map((level) => ({ value: countOf(level), itemStyle: { color: SATISFACTION_COLORS[level] } })),
      },
    ],
  };
}

/** The named rates the figures have, in the order the charts and cards show them. */
export function ratesOf(figures: StatisticsFigures, labels: ChartLabels): Array<{ key: string; name: string; rate: number | null }> {
  const rates = [
    { key: 'onTime', name: labels.rates.onTime, rate: figures.onTimeRate },
    { key: 'oneVisit', name: labels.rates.oneVisit, rate: figures.oneVisitRate },
    { key: 'good', name: labels.rates.good, rate: figures.satisfaction.goodRate },
    { key: 'rectification', name: labels.rates.rectification, rate: figures.rectification.rate },
    { key: 'visit', name: labels.rates.visit, rate: figures.rectification.visitRate },
    { key: 'followUp', name: labels.rates.followUp, rate: figures.followUp.rate },
    { key: 'feedbackOnTime', name: labels.rates.feedbackOnTime, rate: figures.feedback.onTimeRate },
  ];
  return rates;
}

/** The rates as horizontal bars on one 0–100 % axis; a rate without a value shows "—". */
export function ratesOption(figures: StatisticsFigures, labels: ChartLabels): ChartOption {
  const rates = ratesOf(figures, labels).reverse();
  return {
    ...base,
    color: ['#1f5fbf'],
    grid: { ...grid, top: 12, right: 56 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: rates.map((r) => r.name) },
    series: [{ type: 'bar', barMaxWidth: 20, data: rates.map((r) => valueBar(percentOf(r.rate), ' %')) }],
  };
}

/** Each platform's own mean handling time in working days, parents before children. */
export function workingDaysByPlatformOption(platforms: PlatformStatistics[], labels: ChartLabels): ChartOption {
  const isCrowded = platforms.length > 6;
  return {
    ...base,
    color: ['#13a8a8'],
    grid: { ...grid, right: 40 },
    xAxis: { type: 'category', data: platforms.map((p) => p.title), axisLabel: { interval: 0, rotate: isCrowded ? 30 : 0 } },
    yAxis: { type: 'value', name: labels.workingDays },
    series: [{ name: labels.workingDays, type: 'bar', barMaxWidth: 40, data: platforms.map((p) => ({ ...valueBar(daysOf(p.figures.avgWorkingDays), ''), label: { show: true, position: 'top', formatter: p.figures.avgWorkingDays === null ? NO_VALUE : '{c}' } })) }],
  };
}
