/**
 * The words the statistics charts draw (series, axes, rate names, chart titles) in each locale
 * the product writes. The dashboard and the reports pass one of these to the chart options, so
 * a chart reads the same on screen and on paper.
 */
import type { Locale } from '../text.js';

export interface ChartLabels {
  locale: Locale;
  online: string;
  counter: string;
  applied: string;
  /** Axis name of the handling time. */
  workingDays: string;
  /** The levels of the evaluation scale by level (5 best … 1 worst). */
  satisfactionLevels: Record<1 | 2 | 3 | 4 | 5, string>;
  evaluations: string;
  /** What the items of platforms below the viewer cannot read are called (`itemId` null). */
  otherItems: string;
  rates: {
    onTime: string;
    oneVisit: string;
    good: string;
    rectification: string;
    visit: string;
    followUp: string;
    feedbackOnTime: string;
  };
  /** A heading per chart, for the card or report section that holds it. */
  titles: {
    volumeByMonth: string;
    volumeByChannel: string;
    volumeByItem: string;
    satisfaction: string;
    rates: string;
    workingDaysByPlatform: string;
  };
}

const zh: ChartLabels = {
  locale: 'zh-CN',
  online: '网上申请',
  counter: '窗口受理',
  applied: '申请量',
  workingDays: '工作日',
  satisfactionLevels: { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' },
  evaluations: '评价数',
  otherItems: '下级平台自有事项',
  rates: { onTime: '按时办结率', oneVisit: '一次办结率', good: '好评率', rectification: '整改率', visit: '回访率', followUp: '抽样回访率', feedbackOnTime: '投诉建议按时答复率' },
  titles: {
    volumeByMonth: '各月申请量',
    volumeByChannel: '申请渠道',
    volumeByItem: '申请量前十的服务事项',
    satisfaction: '好差评分布',
    rates: '办理与监督指标',
    workingDaysByPlatform: '各平台平均办理工作日',
  },
};

const en: ChartLabels = {
  locale: 'en',
  online: 'Online',
  counter: 'At the counter',
  applied: 'Applications',
  workingDays: 'Working days',
  satisfactionLevels: { 5: 'Very satisfied', 4: 'Satisfied', 3: 'Fairly satisfied', 2: 'Dissatisfied', 1: 'Very dissatisfied' },
  evaluations: 'Evaluations',
  otherItems: 'Items of platforms below',
  rates: { onTime: 'Served on time', oneVisit: 'Served in one visit', good: 'Good reviews', rectification: 'Rectified', visit: 'Visited', followUp: 'Sampled follow-ups visited', feedbackOnTime: 'Feedback answered on time' },
  titles: {
    volumeByMonth: 'Applications by month',
    volumeByChannel: 'Applications by channel',
    volumeByItem: 'Top 10 service items',
    satisfaction: 'Satisfaction',
    rates: 'Service and supervision rates',
    workingDaysByPlatform: 'Average handling working days by platform',
  },
};

/** The chart labels per locale. */
export const CHART_LABELS: Record<Locale, ChartLabels> = { 'zh-CN': zh, en };
