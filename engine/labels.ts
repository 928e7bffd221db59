/**
 * The Chinese labels the product prints for enumerated values: service channels, flow stages,
 * material forms, evaluation levels and indicators, time-limit units, platform levels. One place, so guides,
 * notices, the designer and the API say the same thing.
 */
import type { Limit, LimitUnit } from './kinds/common.js';
import type { Material } from './kinds/checklist.js';
import type { PlatformLevel } from './kinds/platform.js';
import type { ServiceItem } from './kinds/service-item.js';
import type { Stage } from './kinds/workflow.js';

/** 服务形式 */
export const channelLabels: Readonly<Record<ServiceItem['channel'], string>> = {
  online: '网上办理',
  offline: '窗口办理',
  both: '网上办理或窗口办理',
};

/** The five stages of the standard flow (Hangzhou standard, Appendix E). */
export const stageTitles: Readonly<Record<Stage, string>> = {
  consult: '服务咨询',
  accept: '申请受理',
  implement: '服务实施',
  feedback: '结果反馈',
  supervise: '质量监督',
};

/** 材料形式 */
export const materialFormLabels: Readonly<Record<Material['form'], string>> = {
  original: '原件',
  copy: '复印件',
  originalOrCopy: '原件或复印件',
  scan: '扫描件',
  electronic: '电子件',
};

/** 好差评 five levels, 1 (worst) to 5 (best); 1 and 2 are bad reviews (差评). */
export const evaluationLevelLabels: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: '非常不满意',
  2: '不满意',
  3: '基本满意',
  4: '满意',
  5: '非常满意',
};

/** What follows the number of a time limit: 3个工作日, 15个自然日, 1个月, 4小时. */
export const limitUnitLabels: Readonly<Record<LimitUnit, string>> = {
  workingDay: '个工作日',
  calendarDay: '个自然日',
  month: '个月',
  hour: '小时',
};

/** 平台层级 */
export const platformLevelLabels: Readonly<Record<PlatformLevel, string>> = {
  province: '省级',
  city: '市州',
  county: '县区',
  park: '园区',
  workstation: '工作站',
};

/** A time limit in words: `{ value: 3, unit: 'workingDay' }` → 3个工作日. */
export function limitText(limit: Pick<Limit, 'value' | 'unit'>): string {
  return `${limit.value}${limitUnitLabels[limit.unit]}`;
}

/** The label of an evaluation level, '' outside 1–5. */
export function evaluationLevelLabel(level: number): string {
  return Object.hasOwn(evaluationLevelLabels, level) ? evaluationLevelLabels[level as 1 | 2 | 3 | 4 | 5] : '';
}

/** Evaluation indicators (GB/T 39735 评价指标) the province's flows declare, by key. */
export const evaluationIndicatorLabels: Readonly<Record<string, string>> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  quality: '服务质量',
  convenience: '办事便利',
};

/** The label of an evaluation indicator; the key itself for one a platform's own flow declares. */
export function evaluationIndicatorLabel(key: string): string {
  return Object.hasOwn(evaluationIndicatorLabels, key) ? (evaluationIndicatorLabels[key] as string) : key;
}
