/**
 * The studio's columns of a service list, per list type, after the Hangzhou standard's
 * appendices: A (public and personalized lists), B (value-added: 服务名称, with the facts an
 * editor needs beside it) and C (implementation). Cells are read from the items; the workbook
 * export uses the same headers.
 */
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ServiceItem } from '../../../../engine/kinds/service-item';
import type { ServiceList } from '../../../../engine/kinds/service-list';
import { channelLabels, limitText } from '../../../../engine/labels';
import { textOf } from '../../../../engine/text';
import type { ItemRow } from './useListItems';

export type ListType = ServiceList['listType'];
export const listTypes: readonly ListType[] = ['public', 'personalized', 'valueAdded', 'implementation'];

export interface FactColumn {
  /** Message key of the header (col_*). */
  header: string;
  width?: number;
  cell(row: ItemRow): ReactNode;
}

const long = (text: string) => (
  <Typography.Paragraph ellipsis={{ rows: 3, tooltip: text }} style={{ marginBottom: 0 }}>
    {text}
  </Typography.Paragraph>
);
const lines = (values: readonly string[]) => long(values.join('；'));
const ofItem =
  (show: (item: ServiceItem) => ReactNode) =>
  (row: ItemRow): ReactNode =>
    row.item ? show(row.item) : '';

const name = (header: string): FactColumn => ({ header, width: 180, cell: ofItem((item) => textOf(item.title)) });
const category: FactColumn = { header: 'col_category', width: 130, cell: ofItem((item) => item.category) };
const targets: FactColumn = { header: 'col_targets', width: 140, cell: ofItem((item) => item.targets.map((t) => <Tag key={t}>{t}</Tag>)) };
const content: FactColumn = { header: 'col_content', width: 280, cell: ofItem((item) => long(item.content)) };
const channel = (header: string): FactColumn => ({ header, width: 120, cell: ofItem((item) => channelLabels[item.channel]) });
const department: FactColumn = { header: 'col_department', width: 180, cell: ofItem((item) => item.department.name) };
const fee: FactColumn = {
  header: 'col_fee',
  width: 140,
  cell: ofItem((item) => long(`${item.fee.isFree ? '免费' : `收费${item.fee.amount === undefined ? '' : `${item.fee.amount}元`}`}${item.fee.description ? `（${item.fee.description}）` : ''}`)),
};
const conditions: FactColumn = { header: 'col_conditions', width: 240, cell: ofItem((item) => lines(item.conditions ?? [])) };
const progress: FactColumn = { header: 'col_progress', width: 110, cell: ofItem((item) => limitText(item.timeLimit)) };
const materials: FactColumn = { header: 'col_materials', width: 240, cell: (row) => lines(row.materials) };
const supervision: FactColumn = {
  header: 'col_supervision',
  width: 220,
  cell: ofItem((item) => long(item.steps.find((s) => s.stage === 'supervise')?.description ?? '')),
};

const appendixA = [category, name('col_itemName'), targets, content, channel('col_channel'), department];

/** The columns after 序号 and before 备注, per list type. */
export const factColumns: Readonly<Record<ListType, FactColumn[]>> = {
  public: appendixA,
  personalized: appendixA,
  valueAdded: [name('col_serviceName'), targets, content, channel('col_channel'), fee, department],
  implementation: [name('col_itemName'), department, conditions, channel('col_mode'), progress, materials, supervision],
};
