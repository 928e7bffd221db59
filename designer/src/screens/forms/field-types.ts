/**
 * The field types of the form designer's palette, each described once: the JSON Schema and
 * uiSchema a new field starts with, how an existing field is recognised, and which editors the
 * property panel shows for it. The palette, the canvas and the property panel all read this list.
 *
 * Choices (see docs/decisions): a select is `enum` + `ui:enumNames` (what the province forms
 * use; `oneOf` const/title options are read and edited too); a file is `format: data-url` with
 * the file widget; a region is one of Sichuan's 21 市州 by GB/T 2260 code (`format: region`).
 */
import { isNode, type JsonNode } from './json-path.js';
import { sichuanRegions } from './sichuan-regions.js';

export const fieldTypeIds = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'file',
  'residentId',
  'uscc',
  'phone',
  'region',
  'address',
  'group',
  'section',
] as const;
export type FieldTypeId = (typeof fieldTypeIds)[number];

/** Which bounds min/max edit: string length, number value, or array items. */
export type LimitKind = 'length' | 'value' | 'items';

export interface FieldType {
  id: FieldTypeId;
  /** The schema and uiSchema of a new field titled `title`. */
  create(title: string): { schema: JsonNode; ui?: JsonNode };
  /** Whether an existing field is of this type; types are tried in `detectionOrder`. */
  matches(schema: JsonNode, ui: JsonNode): boolean;
  limits?: LimitKind;
  hasOptions?: boolean;
  hasPattern?: boolean;
  hasDefault?: boolean;
  hasPlaceholder?: boolean;
  /** Holds fields of its own: a section (object) or a repeating group (array of objects). */
  isContainer?: boolean;
}

const widgetOf = (ui: JsonNode): unknown => ui['ui:widget'] ?? (isNode(ui['ui:options']) ? ui['ui:options'].widget : undefined);
const isString = (schema: JsonNode) => schema.type === 'string';
const hasFormat = (format: string) => (schema: JsonNode) => schema.format === format;
const hasChoices = (schema: JsonNode) => Array.isArray(schema.enum) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf);

const sampleOptions = () => ({ enum: ['option1', 'option2'] });
const sampleOptionNames = () => ({ 'ui:enumNames': ['选项一', '选项二'] });

const types: FieldType[] = [
  { id: 'text', create: (title) => ({ schema: { type: 'string', title } }), matches: isString, limits: 'length', hasPattern: true, hasDefault: true, hasPlaceholder: true },
  {
    id: 'textarea',
    create: (title) => ({ schema: { type: 'string', title }, ui: { 'ui:widget': 'textarea' } }),
    matches: (schema, ui) => isString(schema) && widgetOf(ui) === 'textarea',
    limits: 'length',
    hasDefault: true,
    hasPlaceholder: true,
  },
  {
    id: 'number',
    create: (title) => ({ schema: { type: 'number', title } }),
    matches: (schema) => schema.type === 'number' || schema.type === 'integer',
    limits: 'value',
    hasDefault: true,
    hasPlaceholder: true,
  },
  { id: 'date', create: (title) => ({ schema: { type: 'string', title, format: 'date' } }), matches: hasFormat('date'), hasDefault: true },
  {
    id: 'select',
    create: (title) => ({ schema: { type: 'string', title, ...sampleOptions() }, ui: sampleOptionNames() }),
    matches: (schema) => schema.type !== 'array' && hasChoices(schema),
    hasOptions: true,
    hasDefault: true,
  },
  {
    id: 'radio',
    create: (title) => ({ schema: { type: 'string', title, ...sampleOptions() }, ui: { 'ui:widget': 'radio', ...sampleOptionNames() } }),
    matches: (schema, ui) => schema.type !== 'boolean' && hasChoices(schema) && widgetOf(ui) === 'radio',
    hasOptions: true,
    hasDefault: true,
  },
  { id: 'checkbox', create: (title) => ({ schema: { type: 'boolean', title } }), matches: (schema) => schema.type === 'boolean', hasDefault: true },
  {
    id: 'checkboxes',
    create: (title) => ({
      schema: { type: 'array', title, items: { type: 'string', ...sampleOptions() }, uniqueItems: true },
      ui: { 'ui:widget': 'checkboxes', ...sampleOptionNames() },
    }),
    matches: (schema) => schema.type === 'array' && isNode(schema.items) && hasChoices(schema.items),
    hasOptions: true,
    limits: 'items',
  },
  {
    id: 'file',
    create: (title) => ({ schema: { type: 'string', title, format: 'data-url' }, ui: { 'ui:widget': 'file' } }),
    matches: (schema, ui) => schema.format === 'data-url' || widgetOf(ui) === 'file' || widgetOf(ui) === 'files',
  },
  {
    id: 'residentId',
    create: (title) => ({ schema: { type: 'string', title, format: 'cn-resident-id' }, ui: { 'ui:placeholder': '18位居民身份证号码' } }),
    matches: hasFormat('cn-resident-id'),
    hasPlaceholder: true,
  },
  {
    id: 'uscc',
    create: (title) => ({ schema: { type: 'string', title, format: 'cn-uscc' }, ui: { 'ui:placeholder': '18位统一社会信用代码' } }),
    matches: hasFormat('cn-uscc'),
    hasPlaceholder: true,
  },
  {
    id: 'phone',
    create: (title) => ({ schema: { type: 'string', title, format: 'cn-mobile' }, ui: { 'ui:placeholder': '11位手机号码', 'ui:inputType': 'tel' } }),
    matches: hasFormat('cn-mobile'),
    hasPlaceholder: true,
  },
  {
    id: 'region',
    create: (title) => ({
      schema: { type: 'string', title, format: 'region', enum: sichuanRegions.map((r) => r.code) },
      ui: { 'ui:enumNames': sichuanRegions.map((r) => r.name) },
    }),
    matches: hasFormat('region'),
    hasOptions: true,
    hasDefault: true,
  },
  {
    id: 'address',
    create: (title) => ({
      schema: { type: 'string', title, maxLength: 200 },
      ui: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 }, 'ui:autocomplete': 'street-address', 'ui:placeholder': '省、市、区县、街道、门牌号' },
    }),
    matches: (schema, ui) => isString(schema) && typeof ui['ui:autocomplete'] === 'string' && ui['ui:autocomplete'].includes('address'),
    limits: 'length',
    hasPlaceholder: true,
  },
  {
    id: 'group',
    create: (title) => ({ schema: { type: 'array', title, minItems: 1, items: { type: 'object', properties: {} } } }),
    matches: (schema) => schema.type === 'array' && isNode(schema.items) && isNode(schema.items.properties),
    limits: 'items',
    isContainer: true,
  },
  {
    id: 'section',
    create: (title) => ({ schema: { type: 'object', title, properties: {} } }),
    matches: (schema) => isNode(schema.properties) && (schema.type === 'object' || schema.type === undefined),
    isContainer: true,
  },
];

export const fieldTypes: Record<FieldTypeId, FieldType> = Object.fromEntries(types.map((t) => [t.id, t])) as Record<FieldTypeId, FieldType>;

/** Most specific first: a resident-id field is also a string, a radio also has choices. */
const detectionOrder: FieldTypeId[] = [
  'section',
  'group',
  'checkboxes',
  'file',
  'residentId',
  'uscc',
  'phone',
  'region',
  'date',
  'address',
  'textarea',
  'checkbox',
  'radio',
  'select',
  'number',
  'text',
];

/** The palette type of an existing field, or undefined for a schema the palette has no type for. */
export function detectFieldType(schema: JsonNode, ui: JsonNode): FieldTypeId | undefined {
  return detectionOrder.find((id) => fieldTypes[id].matches(schema, ui));
}
