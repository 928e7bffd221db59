/**
 * The query of an export as the route receives it (text), checked: the language, the date range
 * (calendar days in China, both ends included), the item and the row limit. A wrong value is a
 * problem naming the parameter, never an empty file.
 */
import { endOfLocalDay, isLocalDate, parseLocalDate, toUtcIso } from '../../../engine/calendar/local-date.js';
import { Failure } from '../../http/failure.js';
import { maskedText } from '../personal-data-view.js';
import type { ExportLang } from './export-labels.js';

/** The most rows one export writes (and the default): beyond it the 导出说明 sheet says the export was cut. */
export const EXPORT_ROW_LIMIT = 100_000;

/** The query parameters of an export route, as text. */
export type ExportQueryText = Record<string, string | undefined>;

/** Instants (ISO UTC) bounding a date range; either end may be open. */
export interface InstantRange {
  from?: string;
  to?: string;
}

export const invalidQuery = (name: string, rule: string) =>
  new Failure('request.query-invalid', `查询参数 ${name} 无效：${rule}。Query parameter "${name}" is invalid: ${rule}.`, [
    { code: 'request.query-invalid', path: `/${name}`, message: `${name}: ${rule}` },
  ]);

/** `lang=en` for English; Chinese otherwise. */
export function langOf(query: ExportQueryText): ExportLang {
  const lang = query['lang'];
  if (lang === undefined || lang === '' || lang === 'zh' || lang === 'zh-CN') return 'zh';
  if (lang === 'en') return 'en';
  throw invalidQuery('lang', 'give zh or en');
}

function dateOf(query: ExportQueryText, name: 'from' | 'to'): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (!isLocalDate(value)) throw invalidQuery(name, 'give a calendar date YYYY-MM-DD, e.g. 2026-09-01');
  return value;
}

/** `from` and `to` (YYYY-MM-DD, China) as the instants they span: from the start of `from` to the end of `to`. */
export function rangeOf(query: ExportQueryText): InstantRange {
  const from = dateOf(query, 'from');
  const to = dateOf(query, 'to');
  if (from && to && from > to) throw invalidQuery('to', `give a date on or after from (${from})`);
  return { ...(from ? { from: toUtcIso(parseLocalDate(from)) } : {}), ...(to ? { to: endOfLocalDay(to) } : {}) };
}

/** True when `instant` falls in the range. */
export function isWithin(instant: string, range: InstantRange): boolean {
  const at = Date.parse(instant);
  return (range.from === undefined || at >= Date.parse(range.from)) && (range.to === undefined || at <= Date.parse(range.to));
}

/** `limit`: 1 to {@link EXPORT_ROW_LIMIT} rows, the limit by default. */
export function limitOf(query: ExportQueryText): number {
  const value = query['limit'];
  if (value === undefined || value === '') return EXPORT_ROW_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > EXPORT_ROW_LIMIT) throw invalidQuery('limit', `give a whole number from 1 to ${EXPORT_ROW_LIMIT}`);
  return n;
}

/**
 * The filter as one line for 导出说明 and the audit record: `status=open; from=2026-09-01`, or
 * '—' for none. Masked like any answer: a search by a whole ID number or phone is allowed.
 */
export function filterText(query: ExportQueryText, names: readonly string[]): string {
  const parts = names.flatMap((name) => (query[name] ? [`${name}=${query[name]}`] : []));
  return parts.length > 0 ? maskedText(parts.join('; ')) : '—';
}
