/**
 * The helpers templates may call — exactly the names in `templateHelperNames`. They format
 * dates in China's time zone, mask personal data, count working days through the injected
 * calendar, and print labels; none of them reads the clock, the environment or anything outside
 * its arguments.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { chinaWallClock } from '../calendar/local-date.js';
import type { WallClock } from '../calendar/zoned-time.js';
import type { Limit, LimitUnit, Text } from '../kinds/common.js';
import { evaluationLevelLabel, limitText, limitUnitLabels } from '../labels.js';
import { textOf, type Locale } from '../text.js';
import type { templateHelperNames } from './context.js';

export type TemplateHelperName = (typeof templateHelperNames)[number];
export type TemplateHelper = (...args: unknown[]) => unknown;

const RESIDENT_ID = /^\d{17}[\dXx]$/;
const MOBILE = /^1[3-9]\d{9}$/;

/** Handlebars passes its options object last; a helper's optional argument is absent when it sees one. */
function isHandlebarsOptions(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'hash') && Object.hasOwn(value, 'data');
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

const twoDigits = (n: number) => String(n).padStart(2, '0');
const chineseDate = (at: WallClock) => `${String(at.year).padStart(4, '0')}年${at.month}月${at.day}日`;
const chineseDateTime = (at: WallClock) => `${chineseDate(at)} ${twoDigits(at.hour)}:${twoDigits(at.minute)}`;

/** Formats an ISO instant or date in China; unreadable values print as they are rather than failing a notice. */
function formatIn(value: unknown, pattern: (at: WallClock) => string): string {
  if (isBlank(value)) return '';
  const at = chinaWallClock(String(value));
  return at === undefined ? String(value) : pattern(at);
}

/**
 * Masks personal data for display: resident id keeps the first 3 and last 4
 * (110***********002X), mobile the first 3 and last 4 (138****8000), anything else its first
 * and last character (张*丰; two characters keep only the first: 张*).
 */
export function mask(value: unknown): string {
  if (isBlank(value)) return '';
  const text = String(value);
  if (RESIDENT_ID.test(text) || MOBILE.test(text)) return text.slice(0, 3) + '*'.repeat(text.length - 7) + text.slice(-4);
  const chars = Array.from(text);
  if (chars.length <= 2) return (chars.length === 2 ? chars[0] : '') + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

function isLimit(value: unknown): value is Limit {
  if (typeof value !== 'object' || value === null) return false;
  const { value: n, unit } = value as Record<string, unknown>;
  return typeof n === 'number' && typeof unit === 'string' && Object.hasOwn(limitUnitLabels, unit);
}

function isText(value: unknown): value is Text {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && Object.hasOwn(value, 'zh-CN'));
}

/**
 * The helpers for one rendering.
 *
 * @example
 * {{date case.dueAt}} → 2026年1月4日 · {{dateTime now}} → 2026年1月4日 14:05 · {{mask applicant.phone}} → 138****8000
 * {{addWorkingDays now 3}} → 2026年1月8日 · {{limit item.timeLimit}} → 3个工作日 · {{text item.title}}
 * {{#if (eq item.channel "online")}} · {{inc @index}} · {{join item.targets "、"}} · {{levelLabel evaluation.level}} → 满意
 */
export function createTemplateHelpers(options: { calendar: WorkingCalendar; locale?: Locale }): Record<TemplateHelperName, TemplateHelper> {
  const { calendar, locale = 'zh-CN' } = options;
  return {
    date: (value) => formatIn(value, chineseDate),
    dateTime: (value) => formatIn(value, chineseDateTime),
    mask: (value) => mask(value),
    addWorkingDays: (value, n) => {
      if (isBlank(value)) return '';
      const due = calendar.addWorkingDays(calendar.dateOf(String(value)), Number(n));
      return formatIn(due, chineseDate);
    },
    limit: (value) => (isLimit(value) ? limitText({ value: value.value, unit: value.unit as LimitUnit }) : ''),
    text: (value) => (isText(value) ? textOf(value, locale) : ''),
    eq: (a, b) => a === b,
    inc: (n) => Number(n) + 1,
    join: (values, separator) => {
      if (!Array.isArray(values)) return '';
      return values.map((v) => String(v)).join(isHandlebarsOptions(separator) || typeof separator !== 'string' ? '、' : separator);
    },
    levelLabel: (level) => evaluationLevelLabel(Number(level)),
  };
}
