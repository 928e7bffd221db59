/**
 * The chart of docs/benchmarks.md: one bar per target, as the share of the target this run
 * reached (100 % is exactly on it), so targets of every kind and direction read on one axis.
 * Drawn with ECharts' server-side SVG renderer (decision 0037), which needs no browser or canvas.
 */
import * as echarts from 'echarts';
import { attainment, formatFigure, isMet, type TargetCheck } from './targets.js';

/** Bars past this share are drawn at it, so one easy win does not flatten every other bar. */
const AXIS_CAP_PERCENT = 300;

/**
 * The targets chart as an SVG document.
 *
 * @example await writeFile('docs/benchmarks-targets.svg', targetsChart(checks));
 */
export function targetsChart(checks: TargetCheck[]): string {
  const rows = [...checks].reverse();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height: 80 + rows.length * 26 });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: 'Share of each target reached in this run (100 % = on target)', left: 8, textStyle: { fontSize: 14 } },
    grid: { left: 430, right: 70, top: 40, bottom: 30 },
    xAxis: { type: 'value', max: AXIS_CAP_PERCENT, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: rows.map((c) => `${c.area}: ${c.label}`), axisLabel: { fontSize: 11, width: 410, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: rows.map((c) => ({
          value: Math.min(attainment(c) * 100, AXIS_CAP_PERCENT),
          itemStyle: { color: isMet(c) ? '#3f8f4f' : '#c0392b' },
          label: { show: true, position: 'right', fontSize: 10, formatter: `${formatFigure(c.measured, c.unit)} / ${c.direction === 'atLeast' ? '≥' : '≤'} ${formatFigure(c.target, c.unit)}` },
        })),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: 'target' }, data: [{ xAxis: 100 }] },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
