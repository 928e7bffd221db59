/**
 * The form the browser benchmark fills in: a real Form definition of our kind (sections of text,
 * number, date, select and checkbox fields; fields shown only while a sibling's condition holds,
 * as the form designer writes them in `allOf: [{ if, then }]`; a repeating group), with the
 * Checklist and ServiceItem that put it on the portal, and an application draft that prefills
 * the group. Generated, so the benchmark can scale it down for its smoke test.
 */
import { conditionSchema, type Condition } from '../../designer/src/screens/forms/conditions.js';
import { countedParts } from '../../engine/load/check-limits.js';

export interface FormShape {
  /** Fields in the sections, conditional ones included (the repeating group's columns are extra). */
  fields: number;
  /** Fields shown only while a condition holds: three per trigger field. */
  conditionals: number;
  /** Rows the draft puts in the repeating group. */
  rows: number;
  sections: number;
}

/** The form: 300 fields, 30 of them conditional, a 100-row group, in 10 sections. */
export const fullShape: FormShape = { fields: 300, conditionals: 30, rows: 100, sections: 10 };

type Json = Record<string, unknown>;

export interface GeneratedForm {
  itemId: string;
  /** Fields as the loader counts them (every entry of every `properties`, sections and conditions' included). */
  fieldCount: number;
  /** Rows the draft puts in the repeating group. */
  rows: number;
  /** Form, Checklist and ServiceItem, as `importDefinitions` takes them. */
  documents: Array<{ file: string; doc: Json }>;
  /** The application draft: every trigger but the text ones switched on, the group filled. */
  draft: Json;
  /** Where the keystroke benchmark types (ids rjsf gives the inputs). */
  inputs: { firstField: string; plainText: string; toggle: string; groupCell: string; lastCell: string };
  /** Labels the studio's canvas shows: the first and the last top-level field. */
  canvasLabels: { first: string; last: string };
}

const ITEM_ID = 'bench-large-form';
const PER_TRIGGER = 3;
const plainKinds = ['text', 'number', 'date', 'select', 'checkbox'] as const;
type TriggerKind = 'text' | 'checkbox' | 'select';
const triggerKinds: TriggerKind[] = ['text', 'checkbox', 'select'];
const choices = { values: ['a', 'b', 'c'], names: ['甲类', '乙类', '丙类'] };

function plainField(kind: (typeof plainKinds)[number], title: string): { schema: Json; ui?: Json } {
  if (kind === 'number') return { schema: { type: 'number', title, minimum: 0 } };
  if (kind === 'date') return { schema: { type: 'string', title, format: 'date' } };
  if (kind === 'select') return { schema: { type: 'string', title, enum: choices.values }, ui: { 'ui:enumNames': choices.names } };
  if (kind === 'checkbox') return { schema: { type: 'boolean', title } };
  return { schema: { type: 'string', title, maxLength: 100 }, ui: { 'ui:placeholder': '请填写' } };
}

function triggerOf(kind: TriggerKind, key: string, title: string): { field: { schema: Json; ui?: Json }; condition: Condition; on: unknown } {
  if (kind === 'checkbox') return { field: plainField('checkbox', title), condition: { field: key, op: 'isTrue' }, on: true };
  if (kind === 'select') return { field: plainField('select', title), condition: { field: key, op: 'eq', value: 'b' }, on: 'b' };
  // Filled in: typing the first character shows its fields, deleting the last one hides them.
  return { field: plainField('text', title), condition: { field: key, op: 'filled' }, on: undefined };
}

interface Section {
  schema: Json;
  ui: Json;
  data: Json;
}

function section(index: number, size: number, triggers: number, counter: { n: number; trigger: number }): Section {
  const properties: Json = {};
  const ui: Json = {};
  const order: string[] = [];
  const data: Json = {};
  const allOf: Json[] = [];
  for (let t = 0; t < triggers; t++) {
    const key = `t${t}`;
    const kind = triggerKinds[counter.trigger++ % triggerKinds.length] as TriggerKind;
    const trigger = triggerOf(kind, key, `条件字段 ${index + 1}-${t + 1}`);
    properties[key] = trigger.field.schema;
    if (trigger.field.ui) ui[key] = trigger.field.ui;
    if (trigger.on !== undefined) data[key] = trigger.on;
    order.push(key);
    const shown: Json = {};
    for (let c = 0; c < PER_TRIGGER; c++) {
      const shownKey = `t${t}c${c}`;
      shown[shownKey] = plainField('text', `显示字段 ${index + 1}-${t + 1}-${c + 1}`).schema;
      order.push(shownKey);
    }
    allOf.push({ if: conditionSchema(trigger.condition), then: { properties: shown } });
  }
  const plain = size - triggers * (1 + PER_TRIGGER);
  for (let f = 0; f < plain; f++) {
    const key = `f${f}`;
    const field = plainField(plainKinds[f % plainKinds.length] as (typeof plainKinds)[number], `字段 ${++counter.n}`);
    properties[key] = field.schema;
    if (field.ui) ui[key] = field.ui;
    order.splice(f === 0 ? 0 : order.length, 0, key);
  }
  const schema: Json = { type: 'object', title: `第 ${index + 1} 部分`, properties, required: ['f0'], ...(allOf.length > 0 ? { allOf } : {}) };
  return { schema, ui: { ...ui, 'ui:order': order }, data };
}

function groupOf(rows: number): { schema: Json; ui: Json; data: Json[] } {
  const columns: Json = {
    name: { type: 'string', title: '名称', maxLength: 100 },
    amount: { type: 'number', title: '数量', minimum: 0 },
    date: { type: 'string', title: '日期', format: 'date' },
    kind: { type: 'string', title: '类别', enum: choices.values },
    isConfirmed: { type: 'boolean', title: '已确认' },
  };
  const data = Array.from({ length: rows }, (_, i) => ({ name: `第 ${i + 1} 行`, amount: i, date: '2026-09-01', kind: choices.values[i % 3], isConfirmed: i % 2 === 0 }));
  return { schema: { type: 'array', title: '明细', items: { type: 'object', properties: columns } }, ui: { items: { kind: { 'ui:enumNames': choices.names } } }, data };
}

/**
 * The benchmark's Form, Checklist and ServiceItem, and a draft, for `shape`.
 *
 * @example const { documents, draft } = generateForm(fullShape, pledgeItem);
 */
export function generateForm(shape: FormShape, itemTemplate: Json): GeneratedForm {
  const perSection = Math.floor(shape.fields / shape.sections);
  const triggerCount = Math.floor(shape.conditionals / PER_TRIGGER);
  const properties: Json = {};
  const uiSchema: Json = {};
  const draft: Json = {};
  const counter = { n: 0, trigger: 0 };
  for (let s = 0; s < shape.sections; s++) {
    const size = s === shape.sections - 1 ? shape.fields - perSection * s : perSection;
    const triggers = Math.floor(triggerCount / shape.sections) + (s < triggerCount % shape.sections ? 1 : 0);
    const built = section(s, size, triggers, counter);
    properties[`s${s}`] = built.schema;
    uiSchema[`s${s}`] = built.ui;
    draft[`s${s}`] = built.data;
  }
  const group = groupOf(shape.rows);
  properties.rows = group.schema;
  uiSchema.rows = group.ui;
  draft.rows = group.data;
  const form = { kind: 'Form', schemaVersion: 1, id: ITEM_ID, version: 1, title: `性能基准表单（${shape.fields} 个字段）`, schema: { type: 'object', properties }, uiSchema };
  const checklist = {
    kind: 'Checklist',
    schemaVersion: 1,
    id: ITEM_ID,
    version: 1,
    title: '性能基准材料清单',
    materials: [{ key: 'applicationForm', name: '申请表', required: true, form: 'original', count: 1, fileTypes: ['pdf'], maxSizeMB: 10 }],
  };
  const item = { ...itemTemplate, id: ITEM_ID, title: '性能基准事项', form: ITEM_ID, checklist: ITEM_ID };
  const middleRow = Math.floor(shape.rows / 2);
  return {
    itemId: ITEM_ID,
    fieldCount: countedParts.Form?.count(form) ?? 0,
    rows: shape.rows,
    documents: [
      { file: `forms/${ITEM_ID}.json`, doc: form },
      { file: `checklists/${ITEM_ID}.json`, doc: checklist },
      { file: `items/${ITEM_ID}.json`, doc: item },
    ],
    draft,
    inputs: { firstField: 'root_s0_f0', plainText: `root_s${shape.sections - 1}_f${5 * 2}`, toggle: 'root_s0_t0', groupCell: `root_rows_${middleRow}_name`, lastCell: `root_rows_${shape.rows - 1}_name` },
    canvasLabels: { first: '第 1 部分', last: '明细' },
  };
}
