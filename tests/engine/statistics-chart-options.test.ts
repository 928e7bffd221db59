/**
 * The chart options are plain data from the statistics figures: the same figures the dashboard
 * and the reports show. The response below has the shape and the sizes of a month on 绵阳
 * (tests/api/statistics-month.ts). The server's own `Statistics` must be assignable to the
 * engine's `StatisticsResponse` the charts read: checked at compile time below, so the two
 * types cannot drift apart unnoticed.
 */
import { expect } from 'chai';
import * as echarts from 'echarts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHART_LABELS } from '../../engine/statistics/chart-labels.js';
import {
  ratesOf,
  ratesOption,
  satisfactionOption,
  SATISFACTION_COLORS,
  TOP_ITEMS,
  volumeByChannelOption,
  volumeByItemOption,
  volumeByMonthOption,
  workingDaysByPlatformOption,
} from '../../engine/statistics/chart-options.js';
import { formatDays, formatRate } from '../../engine/statistics/figure-format.js';
import type { StatisticsFigures, StatisticsResponse } from '../../engine/statistics/statistics-response.js';
import type { Statistics } from '../../server/operations/statistics/statistics.js';
import { projectRoot } from '../../server/paths.js';

const zh = CHART_LABELS['zh-CN'];
const en = CHART_LABELS.en;

// Compile-time only: the server's answer is what the charts read (both use the route's schema).
export const serverAnswerFits = (answer: Statistics): StatisticsResponse => answer;

function figures(overrides: Partial<StatisticsFigures> = {}): StatisticsFigures {
  return {
    applied: 52, online: 41, counter: 11, overdue: 9, served: 44, servedOnTime: 37, onTimeRate: 37 / 44, avgWorkingDays: 2.386,
    oneVisit: 39, oneVisitRate: 39 / 44,
    satisfaction: {
      total: 31,
      levels: [{ level: 5, label: '非常满意', count: 14 }, { level: 4, label: '满意', count: 9 }, { level: 3, label: '基本满意', count: 4 }, { level: 2, label: '不满意', count: 3 }, { level: 1, label: '非常不满意', count: 1 }],
      goodRate: 27 / 31,
    },
    rectification: { opened: 4, closed: 3, closedOnTime: 2, visited: 4, rate: 0.75, visitRate: 1 },
    followUp: { opened: 0, visited: 0, rate: null },
    feedback: { received: 0, answered: 0, answeredOnTime: 0, onTimeRate: null },
    ...overrides,
  };
}

const items = Array.from({ length: 12 }, (_, i) => ({
  itemId: `item-${i}`, title: i === 0 ? { 'zh-CN': '知识产权政策咨询', en: 'IP policy consulting' } : `事项${i}`, class: 'public', level: 'city',
  applied: 30 - i * 2, online: 20 - i, counter: 10 - i, overdue: 0, served: 0, servedOnTime: 0, oneVisit: 0, avgWorkingDays: null,
}));

const response: StatisticsResponse = {
  asOf: '2026-10-20T10:00:00.000Z', from: '2026-09-21', to: '2026-10-20', root: 'mianyang',
  filters: { itemId: null, class: null },
  total: figures(),
  platforms: [
    { id: 'mianyang', title: '绵阳市知识产权公共服务平台', level: 'city', parent: 'sichuan-province', figures: figures({ avgWorkingDays: 2.5 }) },
    { id: 'anzhou', title: '安州区工作站', level: 'county', parent: 'mianyang', figures: figures({ served: 0, avgWorkingDays: null, onTimeRate: null }) },
  ],
  byItem: [...items, { itemId: null, title: '下级平台自有事项', class: null, level: null, applied: 29, online: 29, counter: 0, overdue: 0, served: 0, servedOnTime: 0, oneVisit: 0, avgWorkingDays: null }],
  byMonth: [{ month: '2026-09', applied: 20, online: 15, counter: 5 }, { month: '2026-10', applied: 32, online: 26, counter: 6 }],
};

// What an option's series hold, read without ECharts' types.
type Series = { name?: string; type: string; stack?: string; data: Array<number | { value: number; itemStyle?: { color: string }; label?: { formatter: string } }> };
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];
const axis = (option: Record<string, unknown>, name: 'xAxis' | 'yAxis') => option[name] as { type: string; data?: string[]; max?: number };
const values = (series: Series) => series.data.map((d) => (typeof d === 'number' ? d : d.value));

describe('statistics chart options', () => {
  it('given the months, then online and counter are stacked bars per month that add up to each month\'s applications', () => {
    const option = volumeByMonthOption(response.byMonth, zh);
    expect(axis(option, 'xAxis').data).to.deep.equal(['2026-09', '2026-10']);
    const [online, counter] = seriesOf(option);
    expect([online!.name, counter!.name]).to.deep.equal(['网上申请', '窗口受理']);
    expect(online!.stack).to.equal(counter!.stack);
    expect(values(online!).map((v, i) => v + values(counter!)[i]!)).to.deep.equal([20, 32]);
    expect(JSON.parse(JSON.stringify(option))).to.deep.equal(option);
  });

  it('given the total, then the channel ring shows online and counter', () => {
    const [ring] = seriesOf(volumeByChannelOption(response.total, en));
    expect(ring!.type).to.equal('pie');
    expect(ring!.data).to.deep.equal([{ name: 'Online', value: 41 }, { name: 'At the counter', value: 11 }]);
  });

  it('given 13 items, then the ten most applied for are drawn, largest on top, by their title in the locale', () => {
    const option = volumeByItemOption(response.byItem, en);
    const names = axis(option, 'yAxis').data!;
    expect(names).to.have.length(TOP_ITEMS);
    // A category axis draws its first entry at the bottom: the largest comes last.
    expect(names.at(-1)).to.equal('IP policy consulting');
    expect(names.at(-2)).to.equal('Items of platforms below');
    expect(names).not.to.include('事项11');
    const [online, counter] = seriesOf(option);
    expect(values(online!).at(-1)! + values(counter!).at(-1)!).to.equal(30);
  });

  it('given the satisfaction figures, then five bars from 非常满意 to 非常不满意, colored green to red', () => {
    const option = satisfactionOption(response.total.satisfaction, zh);
    expect(axis(option, 'xAxis').data).to.deep.equal(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    const [bars] = seriesOf(option);
    expect(values(bars!)).to.deep.equal([14, 9, 4, 3, 1]);
    expect(bars!.data.map((d) => (d as { itemStyle: { color: string } }).itemStyle.color)).to.deep.equal([5, 4, 3, 2, 1].map((l) => SATISFACTION_COLORS[l as 1]));
  });

  it('given a level nobody gave, then its bar is 0', () => {
    const [bars] = seriesOf(satisfactionOption({ total: 2, levels: [{ level: 5, label: '非常满意', count: 2 }], goodRate: 1 }, zh));
    expect(values(bars!)).to.deep.equal([2, 0, 0, 0, 0]);
  });

  it('given the rates, then bars in percent with one decimal on a 0–100 axis, and "—" for a rate without a value', () => {
    const option = ratesOption(figures({ onTimeRate: null }), zh);
    expect(axis(option, 'xAxis').max).to.equal(100);
    // Reversed: the first rate is drawn on top.
    expect(axis(option, 'yAxis').data).to.deep.equal(['投诉建议按时答复率', '抽样回访率', '回访率', '整改率', '好评率', '一次办结率', '按时办结率']);
    const [bars] = seriesOf(option);
    expect(values(bars!)).to.deep.equal([0, 0, 100, 75, 87.1, 88.6, 0]);
    expect((bars!.data.at(-1) as { label: { formatter: string } }).label.formatter).to.equal('—');
  });

  it('given follow-up and feedback figures, then their rates follow the case rates', () => {
    const rates = ratesOf({ ...figures(), followUp: { opened: 10, visited: 9, rate: 0.9 }, feedback: { received: 4, answered: 4, answeredOnTime: 3, onTimeRate: 0.75 } }, zh);
    expect(rates.map((r) => r.key)).to.deep.equal(['onTime', 'oneVisit', 'good', 'rectification', 'visit', 'followUp', 'feedbackOnTime']);
  });

  it('given platforms, then each one\'s own working days in order, "—" where nothing was served', () => {
    const option = workingDaysByPlatformOption(response.platforms, zh);
    expect(axis(option, 'xAxis').data).to.deep.equal(['绵阳市知识产权公共服务平台', '安州区工作站']);
    const [bars] = seriesOf(option);
    expect(values(bars!)).to.deep.equal([2.5, 0]);
    expect((bars!.data[1] as { label: { formatter: string } }).label.formatter).to.equal('—');
  });

  it('given rates and days without values, then the text is "—", never NaN', () => {
    expect([formatRate(null), formatRate(undefined), formatRate(Number.NaN), formatRate(27 / 31)]).to.deep.equal(['—', '—', '—', '87.1 %']);
    expect([formatDays(null), formatDays(2.386)]).to.deep.equal(['—', '2.4']);
  });

  it('given every option, then ECharts draws it to an SVG with its bars, ring and labels (as the reports do)', () => {
    const options = [
      volumeByMonthOption(response.byMonth, zh), volumeByChannelOption(response.total, zh), volumeByItemOption(response.byItem, zh),
      satisfactionOption(response.total.satisfaction, zh), ratesOption(response.total, zh), workingDaysByPlatformOption(response.platforms, zh),
    ];
    const svgs = options.map((option) => {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 300 });
      chart.setOption(option);
      const svg = chart.renderToSVGString();
      chart.dispose();
      return svg;
    });
    for (const svg of svgs) expect(svg).to.match(/^<svg[\s\S]*<path/);
    expect(svgs[3]).to.include('非常不满意').and.include(SATISFACTION_COLORS[1]);
    expect(svgs[4]).to.include('按时办结率');
  });

  it('given the front end, then ECharts is imported only by the dashboard, from echarts/core and its parts, never whole', () => {
    const designer = join(projectRoot, 'designer', 'src');
    const importers = readdirSync(designer, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .flatMap((file) => [...readFileSync(join(designer, file), 'utf8').matchAll(/from '(echarts[^']*)'/g)].map((m) => `${relative(designer, join(designer, file))}: ${m[1]}`));
    expect(importers.every((line) => line.startsWith('screens/dashboard/')), importers.join('\n')).to.equal(true);
    expect(importers.map((line) => line.split(': ')[1]).sort()).to.deep.equal(['echarts/charts', 'echarts/components', 'echarts/core', 'echarts/renderers']);
  });
});
