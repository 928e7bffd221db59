/**
 * The words of the Excel exports in the two languages the product writes: column headers, the
 * values of enumerations (status, channel, on time, rectification) and the facts of the 导出说明
 * sheet. Chinese is the default; English is asked for with `lang=en`. Evaluation levels and
 * stages keep their one source in engine/labels.ts (Chinese) beside the English here.
 */
import type { CaseChannel, CaseStatus } from '../../../engine/runtime/case.js';
import type { Stage } from '../../../engine/kinds/workflow.js';
import { evaluationLevelLabels, stageTitles } from '../../../engine/labels.js';
import type { Locale } from '../../../engine/text.js';

/** The language of an export. */
export type ExportLang = 'zh' | 'en';

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The definitions' locale for a language: item and step titles are read in it. */
export const localeOf = (lang: ExportLang): Locale => (lang === 'en' ? 'en' : 'zh-CN');

const statusLabels: Readonly<Record<CaseStatus, Bilingual>> = {
  open: { zh: '办理中', en: 'Open' },
  completed: { zh: '已办结', en: 'Completed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

const channelLabels: Readonly<Record<CaseChannel, Bilingual>> = {
  online: { zh: '网上申请', en: 'Online' },
  counter: { zh: '窗口受理', en: 'At the counter' },
};

const levelEnglish: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: 'Very dissatisfied',
  2: 'Dissatisfied',
  3: 'Fair',
  4: 'Satisfied',
  5: 'Very satisfied',
};

const stageEnglish: Readonly<Record<Stage, string>> = {
  consult: 'Consultation',
  accept: 'Acceptance',
  implement: 'Service',
  feedback: 'Result',
  supervise: 'Supervision',
};

/** How a case stands against its time limits, as the export's 是否按时 column says it. */
export type Timeliness = 'onTime' | 'late' | 'overdue' | 'none';

const timelinessLabels: Readonly<Record<Timeliness, Bilingual>> = {
  onTime: { zh: '是', en: 'Yes' },
  late: { zh: '否', en: 'No' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  none: { zh: '', en: '' },
};

/** Where the rectification a bad review opened stands; `none` when the review opened none. */
export type RectificationState = 'open' | 'openOverdue' | 'done' | 'doneLate' | 'none';

const rectificationLabels: Readonly<Record<RectificationState, Bilingual>> = {
  open: { zh: '整改中', en: 'In progress' },
  openOverdue: { zh: '整改逾期', en: 'Overdue' },
  done: { zh: '已整改', en: 'Done' },
  doneLate: { zh: '已整改（逾期）', en: 'Done late' },
  none: { zh: '无需整改', en: 'None needed' },
};

/** The words of enumerated values in `lang`. */
export const exportWords = {
  status: (status: CaseStatus, lang: ExportLang) => statusLabels[status]?.[lang] ?? status,
  channel: (channel: CaseChannel, lang: ExportLang) => channelLabels[channel]?.[lang] ?? channel,
  level: (level: 1 | 2 | 3 | 4 | 5, lang: ExportLang) => (lang === 'en' ? levelEnglish[level] : evaluationLevelLabels[level]) ?? String(level),
  stage: (stage: Stage | undefined, lang: ExportLang) => (stage === undefined ? '' : lang === 'en' ? stageEnglish[stage] : stageTitles[stage]),
  timeliness: (value: Timeliness, lang: ExportLang) => timelinessLabels[value][lang],
  rectification: (value: RectificationState, lang: ExportLang) => rectificationLabels[value][lang],
};

/** Headings of the 导出说明 sheet. */
export const aboutWords = {
  sheet: { zh: '导出说明', en: 'About' },
  platform: { zh: '平台', en: 'Platform' },
  exportedBy: { zh: '导出人', en: 'Exported by' },
  exportedAt: { zh: '导出时间', en: 'Exported at' },
  filter: { zh: '筛选条件', en: 'Filter' },
  rows: { zh: '导出行数', en: 'Rows' },
  limit: { zh: '行数上限', en: 'Row limit' },
  truncated: {
    zh: '已达行数上限，只导出了前 {limit} 行；请缩小筛选范围（如日期范围）后分批导出。',
    en: 'The row limit was reached: only the first {limit} rows were exported; narrow the filter (e.g. the date range) and export in parts.',
  },
  complete: { zh: '已导出全部符合条件的行。', en: 'Every matching row was exported.' },
  masking: {
    zh: '身份证号和手机号已遮盖（前 3 位和后 4 位可见），与办件页面的显示一致。',
    en: 'ID numbers and mobile phones are masked (first 3 and last 4 characters shown), as the case pages show them.',
  },
} satisfies Record<string, Bilingual>;
