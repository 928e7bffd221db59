/**
 * The reports' charts: the dashboard's own chart options (engine/statistics/chart-options.ts)
 * drawn to SVG on the server by ECharts (decision 0037), so a chart on paper is the chart on
 * screen. ECharts escapes every text it writes into the SVG (item titles come from
 * definitions), which is why the templates may insert these strings unescaped.
 */
import * as echarts from 'echarts';
import { CHART_LABELS } from '../../../engine/statistics/chart-labels.js';
import {
  ratesOption,
  satisfactionOption,
  volumeByChannelOption,
  volumeByItemOption,
  volumeByMonthOption,
  workingDaysByPlatformOption,
  type ChartOption,
} from '../../../engine/statistics/chart-options.js';
import type { AnnualReport } from './annual-report.js';
import type { EvaluationReport } from './evaluation-report.js';

/** Each chart of a report as an SVG element, by name; a chart the report does not draw is absent. */
export type ReportCharts = Partial<Record<'byMonth' | 'byChannel' | 'byItem' | 'satisfaction' | 'rates' | 'workingDaysByPlatform', string>>;

/** Chart sizes in CSS pixels: the A4 text block is about 700 px wide at 96 dpi. */
const FULL = { width: 650, height: 280 };
const HALF = { width: 320, height: 240 };

/**
 * One option drawn to an SVG string. The chart is disposed at once: a live chart holds
 * ECharts' animation loop, which would keep the process running.
 */
export function chartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ ...option, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const labels = CHART_LABELS['zh-CN'];

/** The charts of the service evaluation report. */
export function evaluationCharts(report: EvaluationReport): ReportCharts {
  return {
    // Full width: at half, ECharts drops every other level's name to keep the axis labels apart.
    satisfaction: chartSvg(satisfactionOption(report.figures.satisfaction, labels), { width: FULL.width, height: 240 }),
    rates: chartSvg(ratesOption(report.figures, labels), { width: FULL.width, height: 220 }),
    byMonth: chartSvg(volumeByMonthOption(report.statistics.byMonth, labels), HALF),
    byChannel: chartSvg(volumeByChannelOption(report.figures, labels), HALF),
  };
}

/** The charts of the annual summary. */
export function annualCharts(report: AnnualReport): ReportCharts {
  return {
    byMonth: chartSvg(volumeByMonthOption(report.byMonth, labels), FULL),
    byChannel: chartSvg(volumeByChannelOption(report.figures, labels), HALF),
    satisfaction: chartSvg(satisfactionOption(report.figures.satisfaction, labels), { width: FULL.width, height: 240 }),
    byItem: chartSvg(volumeByItemOption(report.statistics.byItem, labels), { width: FULL.width, height: 320 }),
    rates: chartSvg(ratesOption(report.figures, labels), FULL),
    ...(report.platforms.length > 1 ? { workingDaysByPlatform: chartSvg(workingDaysByPlatformOption(report.platforms, labels), FULL) } : {}),
  };
}

/** The chart titles, as the dashboard's cards name them. */
export const chartTitles = labels.titles;
