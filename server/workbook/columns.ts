/**
 * The columns of a service list's workbook, per list type, and what each cell means: which item
 * field it shows and how its text changes that field. Each sheet opens with the columns of its
 * appendix of the Hangzhou standard (A: public and personalized lists, B: value-added, C:
 * implementation), in the appendix's order; the facts an editor needs that the appendix leaves
 * out follow as supplementary columns; then 备注 (the entry's note), 事项标识 (the item id, so a
 * row finds its item after any sort) and a hidden fingerprint of the exported version.
 * Pure: no Excel here (see workbook.ts).
 */
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import type { ServiceList } from '../../engine/kinds/service-list.js';
import { textOf } from '../../engine/text.js';
import { cellText, channel, fee, lines, targets, timeLimit, type Parsed } from './cell-formats.js';

export type ListType = ServiceList['listType'];
export type ListEntry = ServiceList['entries'][number];

/** One row as exported: the list entry, its item as the studio shows it, and facts from other definitions. */
export interface RowView {
  /** 序号: the position in the list, from 1. */
  seq: number;
  entry: ListEntry;
  /** Undefined when the entry names an item the platform cannot see (a broken draft). */
  item: ServiceItem | undefined;
  /** 材料要求, one line per material of the item's checklist. */
  materials: string[];
  /** The stored version's hash, to notice an item that changed after the export. */
  fingerprint: string;
}

/**
 * - position: 序号, rewritten from the row order on import;
 * - item: an item fact, editable when it has `read`;
 * - note: the entry's 备注; id: 事项标识; fingerprint: hidden, compared on import.
 */
export type ColumnRole = 'position' | 'item' | 'note' | 'id' | 'fingerprint';

export interface Column {
  header: string;
  role: ColumnRole;
  /** Width in characters. */
  width: number;
  /** The item field this column shows; problems about the field land on this column. */
  field?: keyof ServiceItem;
  /** How to write the cell, shown as the header's note. */
  hint?: string;
  /** The cell as exported. */
  show(row: RowView): string;
  /** The item with the cell's text applied; absent when the column is read-only. */
  read?(text: string, item: ServiceItem): Parsed<ServiceItem>;
}

const ofItem = (show: (item: ServiceItem) => string) => (row: RowView) => (row.item ? show(row.item) : '');

/** How one field's value is written in a cell and read back (see cell-formats.ts). */
interface Codec<T> {
  format(value: T): string;
  parse(text: string): Parsed<T>;
}

/** A column whose cell is one top-level item field, written and read by `codec`. */
function fieldColumn<F extends keyof ServiceItem>(input: { header: string; field: F; width: number; hint?: string; codec: Codec<ServiceItem[F]> }): Column {
  const { header, field, width, hint, codec } = input;
  return {
    header,
    role: 'item',
    width,
    field,
    ...(hint ? { hint } : {}),
    show: ofItem((item) => codec.format(item[field])),
    read(text, item) {
      const parsed = codec.parse(text);
      return 'value' in parsed ? { value: { ...item, [field]: parsed.value } } : parsed;
    },
  };
}

const plainText: Codec<string> = { format: (value) => value, parse: (text) => ({ value: cellText(text) }) };
const lineList: Codec<string[] | undefined> = { format: lines.format, parse: (text) => ({ value: lines.parse(text) }) };

function titleColumn(header: string): Column {
  return {
    header,
    role: 'item',
    width: 24,
    field: 'title',
    show: ofItem((item) => textOf(item.title)),
    read(text, item) {
      const zh = cellText(text);
      return { value: { ...item, title: typeof item.title === 'string' ? zh : { ...item.title, 'zh-CN': zh } } };
    },
  };
}

const channelColumn = (header: string): Column =>
  fieldColumn({ header, field: 'channel', width: 16, codec: channel, hint: '网上办理、窗口办理或网上办理或窗口办理（也可写网上办、窗口办、线上线下）' });

const limitColumn = (header: string): Column =>
  fieldColumn({ header, field: 'timeLimit', width: 18, codec: timeLimit, hint: '数字加单位：3个工作日、15个自然日、1个月、4小时；说明写在括号里' });

const linesColumn = (header: string, field: 'legalBasis' | 'conditions'): Column =>
  fieldColumn({ header, field, width: 36, codec: lineList, hint: '每行一条（单元格内换行：Alt+Enter）' });

const category = fieldColumn({ header: '事项类别', field: 'category', width: 18, codec: plainText });
const content = fieldColumn({ header: '服务内容', field: 'content', width: 40, codec: plainText });
const serviceTargets = fieldColumn({ header: '服务对象', field: 'targets', width: 20, codec: targets, hint: '用“、”分隔，如：企业、个人；某个对象本身含“、”时每行写一个' });
const feeColumn = fieldColumn({ header: '收费标准', field: 'fee', width: 26, codec: fee, hint: '免费或收费，固定金额写“收费200元”，规则写在括号里' });

const department: Column = {
  header: '实施部门',
  role: 'item',
  width: 26,
  field: 'department',
  show: ofItem((item) => item.department.name),
  read: (text, item) => ({ value: { ...item, department: { ...item.department, name: cellText(text) } } }),
};

const materials: Column = {
  header: '材料要求',
  role: 'item',
  width: 40,
  hint: '由事项的材料清单生成，请在设计器中修改材料清单',
  show: (row) => row.materials.join('\n'),
};

/** 监督评价: what the item's 质量监督 stage promises. */
const supervision: Column = {
  header: '监督评价',
  role: 'item',
  width: 32,
  field: 'steps',
  show: ofItem((item) => item.steps.find((s) => s.stage === 'supervise')?.description ?? ''),
  read(text, item) {
    const description = cellText(text);
    const isThere = item.steps.some((s) => s.stage === 'supervise');
    const steps = isThere
      ? item.steps.map((s) => (s.stage === 'supervise' ? { ...s, description } : s))
      : [...item.steps, { stage: 'supervise' as const, description }];
    return { value: { ...item, steps } };
  },
};

const position: Column = { header: '序号', role: 'position', width: 6, show: (row) => String(row.seq) };

const note: Column = { header: '备注', role: 'note', width: 20, show: (row) => row.entry.note ?? '' };

const itemId: Column = {
  header: '事项标识',
  role: 'id',
  width: 30,
  hint: '事项的标识，导入时据此找到事项，请勿修改；新增一行时填写平台可见的已有事项标识',
  show: (row) => row.entry.item,
};

const fingerprint: Column = { header: '导出版本', role: 'fingerprint', width: 12, show: (row) => row.fingerprint };

/** Appendix A, 表 A.1 (the appendix's "……" is room for more columns, not a column). */
const appendixA = [position, category, titleColumn('事项名称'), serviceTargets, content, channelColumn('服务形式'), department];

/** The columns of each appendix's table, 序号 first; a personalized list is laid out like Appendix A. */
const appendixColumns: Readonly<Record<ListType, Column[]>> = {
  public: appendixA,
  personalized: appendixA,
  valueAdded: [position, titleColumn('服务名称')],
  implementation: [
    position,
    titleColumn('事项名称'),
    department,
    linesColumn('流程条件', 'conditions'),
    channelColumn('办理方式'),
    limitColumn('进度要求'),
    materials,
    supervision,
  ],
};

/** Facts shown after the appendix's columns when the appendix has no column for their field. */
const supplements: Column[] = [
  serviceTargets,
  content,
  channelColumn('服务形式'),
  department,
  limitColumn('办理时限'),
  feeColumn,
  linesColumn('设定依据', 'legalBasis'),
];

export interface SheetLayout {
  columns: Column[];
  /** How many leading columns are the appendix's own. */
  appendixCount: number;
}

/** The columns of a list type's sheet, in order. */
export function sheetLayout(listType: ListType): SheetLayout {
  const appendix = appendixColumns[listType];
  const shown = new Set(appendix.map((c) => c.field).filter((f) => f !== undefined));
  const extra = supplements.filter((c) => !shown.has(c.field as keyof ServiceItem));
  return { columns: [...appendix, ...extra, note, itemId, fingerprint], appendixCount: appendix.length };
}

/** The name of each list type's sheet. */
export const sheetNames: Readonly<Record<ListType, string>> = {
  public: '公共服务事项清单',
  personalized: '个性化服务清单',
  valueAdded: '增值服务清单',
  implementation: '公共服务事项实施清单',
};
