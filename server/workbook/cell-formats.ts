/**
 * How one item field is written in a spreadsheet cell and read back: lists one per line or
 * joined with '、', 服务形式 by its label, time limits as 3个工作日, fees as 免费 / 收费200元, any
 * remark in brackets. Pure: `parse(format(x))` gives `x` back, and a cell a person typed gets
 * either a value or a sentence saying how to write it.
 */
import type { Limit, LimitUnit } from '../../engine/kinds/common.js';
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { channelLabels, limitText, limitUnitLabels } from '../../engine/labels.js';
import { didYouMean } from '../../engine/suggest.js';

/** A cell read: the value, or what is wrong with the text and how to fix it. */
export type Parsed<T> = { value: T } | { error: string; suggestion?: string };

type Channel = ServiceItem['channel'];
type Fee = ServiceItem['fee'];

/** A cell's text as compared and parsed: one kind of line break, no surrounding blanks. */
export function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** `text（remark）` when there is a remark. */
const withRemark = (text: string, remark: string | undefined): string => (remark ? `${text}（${remark}）` : text);

/** Splits `3个工作日（remark）` into the head and the bracketed remark at the end. */
function splitRemark(text: string): { head: string; remark?: string } {
  const match = /^([^（(]*?)\s*[（(]([\s\S]*)[）)]$/.exec(text);
  if (!match) return { head: text };
  const remark = (match[2] as string).trim();
  return remark ? { head: match[1] as string, remark } : { head: match[1] as string };
}

/** One entry per line (设定依据, 流程条件). */
export const lines = {
  format: (values: readonly string[] | undefined): string => (values ?? []).join('\n'),
  parse: (text: string): string[] =>
    cellText(text)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
};

/**
 * 服务对象: joined with '、', or one per line when a value holds a '、' itself; read back by
 * lines when there are several, else by '、', commas or semicolons.
 */
export const targets = {
  format: (values: readonly string[]): string => values.join(values.some((v) => v.includes('、')) ? '\n' : '、'),
  parse(text: string): Parsed<string[]> {
    const cell = cellText(text);
    const values = cell
      .split(cell.includes('\n') ? '\n' : /[、,，;；]/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return values.length > 0 ? { value: values } : { error: 'Name at least one kind of applicant, separated by 、 (e.g. 企业、个人).' };
  },
};

/** Short forms people write for 服务形式, besides the labels themselves. */
const channelAliases: Readonly<Record<string, Channel>> = {
  网上办: 'online',
  网上: 'online',
  线上: 'online',
  线上办理: 'online',
  窗口办: 'offline',
  窗口: 'offline',
  线下: 'offline',
  线下办理: 'offline',
  线上线下: 'both',
  线上线下办理: 'both',
  网上办或窗口办: 'both',
  '网上办理、窗口办理': 'both',
};

/** 服务形式 / 办理方式: the label of `engine/labels.ts`, or a usual short form. */
export const channel = {
  format: (value: Channel): string => channelLabels[value],
  parse(text: string): Parsed<Channel> {
    const key = cellText(text).replace(/\s+/g, '');
    const byLabel = (Object.keys(channelLabels) as Channel[]).find((c) => channelLabels[c] === key);
    const value = byLabel ?? channelAliases[key];
    if (value) return { value };
    const labels = Object.values(channelLabels);
    const hint = didYouMean(key, [...labels, ...Object.keys(channelAliases)]);
    return {
      error: `"${key}" is not a 服务形式; write ${labels.join(', ')} (or 网上办, 窗口办, 线上线下).${hint.text}`,
      ...(hint.suggestion ? { suggestion: hint.suggestion } : {}),
    };
  },
};

const unitsByWord: Readonly<Record<string, LimitUnit>> = { 工作日: 'workingDay', 自然日: 'calendarDay', 月: 'month', 小时: 'hour' };
const LIMIT = /^([0-9０-９]+)\s*个?\s*(工作日|自然日|月|小时|天|日)$/;
const limitExample = 'write a number and a unit, e.g. 3个工作日, 15个自然日, 1个月 or 4小时, with any note in brackets: 3个工作日（自受理之日起算）';

/** 办理时限 / 进度要求: `3个工作日（note）`. */
export const timeLimit = {
  format: (value: Limit): string => withRemark(limitText(value), value.note),
  parse(text: string): Parsed<Limit> {
    const { head, remark } = splitRemark(cellText(text));
    const match = LIMIT.exec(head.trim());
    if (!match) return { error: `"${cellText(text)}" is not a time limit; ${limitExample}.` };
    const count = Number((match[1] as string).normalize('NFKC'));
    const word = match[2] as string;
    const unit = unitsByWord[word];
    if (!unit) return { error: `"${head}" does not say which days count; write ${count}${limitUnitLabels.workingDay} or ${count}${limitUnitLabels.calendarDay}.` };
    if (count < 1 || count > 3650) return { error: `A time limit counts 1 to 3650 units, not ${count}.` };
    return { value: { value: count, unit, ...(remark ? { note: remark } : {}) } };
  },
};

const FEE = /^(免费|收费)\s*(?:([0-9]+(?:\.[0-9]+)?)\s*元)?$/;

/** 收费标准: 免费, 收费, 收费200元, each with its description in brackets. */
export const fee = {
  format(value: Fee): string {
    const head = value.isFree ? '免费' : `收费${value.amount === undefined ? '' : `${value.amount}元`}`;
    return withRemark(head, value.description);
  },
  parse(text: string): Parsed<Fee> {
    const { head, remark } = splitRemark(cellText(text));
    const match = FEE.exec(head.trim());
    const example = 'write 免费 or 收费, an amount in 元 if fixed, and the rule in brackets: 免费（基础咨询免费）, 收费200元（按次）, 收费（按公示标准）';
    if (!match) return { error: `"${cellText(text)}" is not a 收费标准; ${example}.` };
    const isFree = match[1] === '免费';
    if (isFree && match[2] !== undefined) return { error: `"${head}" is free and names an amount; ${example}.` };
    return {
      value: { isFree, ...(match[2] === undefined ? {} : { amount: Number(match[2]) }), ...(remark ? { description: remark } : {}) },
    };
  },
};
