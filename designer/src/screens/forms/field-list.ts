/**
 * The designer's view of a form schema: its fields in the order applicants see them, nested
 * for sections and repeating groups. A view only — edits go through schema-edit.ts, which
 * patches the schema in place. A field is either declared in its object's `properties`, or
 * only in the `then` of an `allOf` entry (it shows while that entry's `if` holds).
 */
import { parseCondition, type Condition } from './conditions.js';
import { detectFieldType, fieldTypes, type FieldTypeId } from './field-types.js';
import { getIn, isNode, nodeAt, pointerOf, type JsonNode, type Path } from './json-path.js';

/** An object schema that holds fields: the form itself, a section, or a repeating group's item. */
export interface Container {
  /** Where the object schema sits in the form schema. */
  schemaPath: Path;
  /** Where its uiSchema sits in the uiSchema. */
  uiPath: Path;
  /** '' for the form, else the id of the section or group that owns it. */
  id: string;
}

export const rootContainer: Container = { schemaPath: [], uiPath: [], id: '' };

/** A rule on a field: the `allOf` entry it lives in and the condition of its `if`, when the builder can read it. */
export interface RuleRef {
  branch: number;
  condition: Condition | undefined;
}

export interface FieldInfo {
  /** Stable across edits (a JSON Pointer of the uiSchema path): selection and test ids use it. */
  id: string;
  key: string;
  container: Container;
  schemaPath: Path;
  uiPath: Path;
  schema: JsonNode;
  ui: JsonNode;
  type: FieldTypeId | undefined;
  /** Set when the field is declared only under `allOf[branch].then`: shown while its condition holds. */
  visibleWhen?: RuleRef;
  /** Required always (or, for a conditional field, whenever it shows). */
  isRequired: boolean;
  /** `allOf` entries that make this (always shown) field required under a condition. */
  requiredWhen: RuleRef[];
  /** For a section or repeating group: where its own fields live. */
  inner?: Container;
  children?: FieldInfo[];
}

export interface FormParts {
  schema: unknown;
  uiSchema?: unknown;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Orders keys like rjsf's `ui:order`: listed keys first, the rest where `*` stands (else last). Unknown entries are skipped. */
export function applyOrder(keys: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return keys;
  const listed = strings(order).filter((k, i, all) => (k === '*' || keys.includes(k)) && all.indexOf(k) === i);
  const rest = keys.filter((k) => !listed.includes(k));
  const star = listed.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  return [...listed.slice(0, star), ...rest, ...listed.slice(star + 1)];
}

/** The `allOf` entries of a container that have a `then` object, with their indexes. */
export function conditionalEntries(node: JsonNode | undefined): Array<{ index: number; entry: JsonNode; then: JsonNode }> {
  const allOf = node?.allOf;
  if (!Array.isArray(allOf)) return [];
  return allOf.flatMap((entry, index) => (isNode(entry) && isNode(entry.then) ? [{ index, entry, then: entry.then }] : []));
}

/** Where each field of a container is declared: its own `properties`, or an `allOf` entry's `then`. */
function declaredKeys(node: JsonNode | undefined): Array<{ key: string; branch?: number }> {
  const main = Object.keys(isNode(node?.properties) ? node.properties : {});
  const found: Array<{ key: string; branch?: number }> = main.map((key) => ({ key }));
  for (const { index, then } of conditionalEntries(node)) {
    for (const key of Object.keys(isNode(then.properties) ? then.properties : {})) {
      if (!found.some((f) => f.key === key)) found.push({ key, branch: index });
    }
  }
  return found;
}

/** The keys of a container's fields in display order. */
export function displayOrder(parts: FormParts, container: Container): string[] {
  const node = nodeAt(parts.schema, container.schemaPath);
  return applyOrder(
    declaredKeys(node).map((d) => d.key),
    getIn(parts.uiSchema, [...container.uiPath, 'ui:order']),
  );
}

/** The fields of a container (the whole form by default), in display order, nested. */
export function listFields(parts: FormParts, container: Container = rootContainer): FieldInfo[] {
  const node = nodeAt(parts.schema, container.schemaPath);
  if (!node) return [];
  const declared = declaredKeys(node);
  const entries = conditionalEntries(node);
  const required = strings(node.required);
  return displayOrder(parts, container).map((key) => {
    const branch = declared.find((d) => d.key === key)?.branch;
    const schemaPath = branch === undefined ? [...container.schemaPath, 'properties', key] : [...container.schemaPath, 'allOf', branch, 'then', 'properties', key];
    const uiPath = [...container.uiPath, key];
    const schema = nodeAt(parts.schema, schemaPath) ?? {};
    const ui = nodeAt(parts.uiSchema, uiPath) ?? {};
    const type = detectFieldType(schema, ui);
    const id = pointerOf(uiPath);
    const ruleOf = (index: number, entry: JsonNode): RuleRef => ({ branch: index, condition: parseCondition(entry.if) });
    const own = entries.find((e) => e.index === branch);
    const field: FieldInfo = {
      id,
      key,
      container,
      schemaPath,
      uiPath,
      schema,
      ui,
      type,
      isRequired: own ? strings(own.then.required).includes(key) : required.includes(key),
      requiredWhen:
        branch === undefined
          ? entries.filter((e) => strings(e.then.required).includes(key) && !isNode(isNode(e.then.properties) ? e.then.properties[key] : undefined)).map((e) => ruleOf(e.index, e.entry))
          : [],
    };
    if (own) field.visibleWhen = ruleOf(own.index, own.entry);
    if (type && fieldTypes[type].isContainer) {
      field.inner = type === 'group' ? { schemaPath: [...schemaPath, 'items'], uiPath: [...uiPath, 'items'], id } : { schemaPath, uiPath, id };
      field.children = listFields(parts, field.inner);
    }
    return field;
  });
}

/** What applicants read as the field's label: its title, else its key. */
export function labelOf(field: FieldInfo): string {
  return typeof field.schema.title === 'string' && field.schema.title !== '' ? field.schema.title : field.key;
}

/** Every field, depth first. */
export function flatten(fields: FieldInfo[]): FieldInfo[] {
  return fields.flatMap((f) => [f, ...flatten(f.children ?? [])]);
}

/** The containers fields can be added to: the form, then every section and group, depth first. */
export function containersOf(fields: FieldInfo[]): Array<{ container: Container; owner?: FieldInfo }> {
  return [{ container: rootContainer }, ...flatten(fields).flatMap((f) => (f.inner ? [{ container: f.inner, owner: f }] : []))];
}

/** A key not yet used in the container, from a prefix: `text1`, `text2`, … */
export function freeKey(parts: FormParts, container: Container, prefix: string): string {
  const used = new Set(declaredKeys(nodeAt(parts.schema, container.schemaPath)).map((d) => d.key));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Whether a key is free in the container (also among conditional fields). */
export function isKeyFree(parts: FormParts, container: Container, key: string): boolean {
  return !declaredKeys(nodeAt(parts.schema, container.schemaPath)).some((d) => d.key === key);
}
