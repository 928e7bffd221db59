/**
 * The form designer's edits, as pure functions from a form's {schema, uiSchema} to the next.
 * Each patches only what the user changed (json-path.ts keeps every other key, its position and
 * any keyword the designer does not know), so opening and saving a form gives it back unchanged.
 *
 * A field shown only under a condition lives in `allOf: [{ if, then: { properties, required } }]`
 * of its object; "required when …" is a key in such a `then.required`. Standard JSON Schema, so
 * rjsf shows the field only while the condition holds, and a hidden field is neither required
 * by the server's Ajv nor kept in the submitted data (the preview omits extra data).
 */
import { conditionSchema, sameCondition, type Condition } from './conditions.js';
import { conditionalEntries, displayOrder, type Container, type FieldInfo, type FormParts } from './field-list.js';
import { getIn, isNode, jsonEqual, nodeAt, renameKey, setIn, updateIn, type JsonNode, type Path } from './json-path.js';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function setSchema(parts: FormParts, path: Path, value: unknown): FormParts {
  return { ...parts, schema: setIn(parts.schema, path, value) };
}

function setUi(parts: FormParts, path: Path, value: unknown): FormParts {
  if (value === undefined && getIn(parts.uiSchema, path) === undefined) return parts;
  return { ...parts, uiSchema: setIn(parts.uiSchema ?? {}, path, value) };
}

/** Adds `key` to (or removes it from) the `required` list at `path`, creating the list when needed. */
function toggleRequired(parts: FormParts, path: Path, key: string, isRequired: boolean): FormParts {
  const list = strings(getIn(parts.schema, path));
  if (list.includes(key) === isRequired) return parts;
  const current = getIn(parts.schema, path);
  const next = isRequired ? [...(Array.isArray(current) ? current : []), key] : (current as unknown[]).filter((k) => k !== key);
  return setSchema(parts, path, next);
}

/**
 * Makes the container's display order `wanted` by moving only `key` in `ui:order` (creating
 * `ui:order` when the natural order differs); falls back to writing the whole order.
 */
function placeKey(parts: FormParts, container: Container, key: string, wanted: string[]): FormParts {
  if (jsonEqual(displayOrder(parts, container), wanted)) return parts;
  const orderPath = [...container.uiPath, 'ui:order'];
  const order = getIn(parts.uiSchema, orderPath);
  if (Array.isArray(order)) {
    const others = order.filter((k) => k !== key);
    const at = wanted.indexOf(key);
    const previous = others.indexOf(wanted[at - 1]);
    const next = others.indexOf(wanted[at + 1]);
    const position = previous >= 0 ? previous + 1 : next >= 0 ? next : -1;
    if (position >= 0) {
      const moved = setUi(parts, orderPath, [...others.slice(0, position), key, ...others.slice(position)]);
      if (jsonEqual(displayOrder(moved, container), wanted)) return moved;
    }
    return setUi(parts, orderPath, order.includes('*') ? [...wanted, '*'] : wanted);
  }
  return setUi(parts, orderPath, wanted);
}

/** Removes `allOf[index]` of the container when it is an `{ if, then }` whose `then` no longer says anything; then `allOf` itself when empty. */
function dropIfEmpty(parts: FormParts, container: Container, index: number): FormParts {
  const allOfPath = [...container.schemaPath, 'allOf'];
  const allOf = getIn(parts.schema, allOfPath);
  const entry = Array.isArray(allOf) ? allOf[index] : undefined;
  if (!isNode(entry) || !isNode(entry.then) || Object.keys(entry).some((k) => k !== 'if' && k !== 'then')) return parts;
  const then = entry.then;
  const isEmpty = Object.entries(then).every(([k, v]) => (k === 'properties' && isNode(v) && Object.keys(v).length === 0) || (k === 'required' && Array.isArray(v) && v.length === 0));
  if (!isEmpty || !Array.isArray(allOf)) return parts;
  const rest = allOf.filter((_, i) => i !== index);
  return setSchema(parts, allOfPath, rest.length === 0 ? undefined : rest);
}

/** The index of an `allOf` entry with this `if` (and no `else`) to share, or -1. */
function entryFor(parts: FormParts, container: Container, ifSchema: JsonNode): number {
  const node = nodeAt(parts.schema, container.schemaPath);
  return conditionalEntries(node).find(({ entry }) => entry.else === undefined && sameCondition(entry.if, ifSchema))?.index ?? -1;
}

/** Appends an `{ if, then }` entry to the container's `allOf` and returns its index. */
function appendEntry(parts: FormParts, container: Container, ifSchema: JsonNode, then: JsonNode): { parts: FormParts; index: number } {
  const allOfPath = [...container.schemaPath, 'allOf'];
  const allOf = getIn(parts.schema, allOfPath);
  const list = Array.isArray(allOf) ? allOf : [];
  return { parts: setSchema(parts, allOfPath, [...list, { if: ifSchema, then }]), index: list.length };
}

export interface NewField {
  container: Container;
  key: string;
  schema: JsonNode;
  ui?: JsonNode;
  /** Position among the container's fields; the end when omitted. */
  index?: number;
}

/** Adds a field to a section, group or the form. */
export function addField(parts: FormParts, field: NewField): FormParts {
  const { container, key } = field;
  const before = displayOrder(parts, container);
  const wanted = [...before];
  wanted.splice(field.index ?? before.length, 0, key);
  let next = setSchema(parts, [...container.schemaPath, 'properties', key], field.schema);
  if (field.ui && Object.keys(field.ui).length > 0) next = setUi(next, [...container.uiPath, key], field.ui);
  return placeKey(next, container, key, wanted);
}

/** Removes a field: its schema, its uiSchema, its place in `required`, rules and `ui:order`. */
export function removeField(parts: FormParts, field: FieldInfo): FormParts {
  const { container, key } = field;
  let next = setSchema(parts, field.schemaPath, undefined);
  next = field.visibleWhen
    ? toggleRequired(next, [...container.schemaPath, 'allOf', field.visibleWhen.branch, 'then', 'required'], key, false)
    : toggleRequired(next, [...container.schemaPath, 'required'], key, false);
  for (const rule of field.requiredWhen) next = toggleRequired(next, [...container.schemaPath, 'allOf', rule.branch, 'then', 'required'], key, false);
  next = setUi(next, field.uiPath, undefined);
  const orderPath = [...container.uiPath, 'ui:order'];
  const order = getIn(next.uiSchema, orderPath);
  if (Array.isArray(order) && order.includes(key)) next = setUi(next, orderPath, order.filter((k) => k !== key));
  const touched = [...field.requiredWhen.map((r) => r.branch), ...(field.visibleWhen ? [field.visibleWhen.branch] : [])];
  for (const index of [...new Set(touched)].sort((a, b) => b - a)) next = dropIfEmpty(next, container, index);
  return next;
}

/** Moves a field to another position among its container's fields (through `ui:order`). */
export function moveField(parts: FormParts, field: FieldInfo, toIndex: number): FormParts {
  const order = displayOrder(parts, field.container).filter((k) => k !== field.key);
  order.splice(Math.max(0, Math.min(toIndex, order.length)), 0, field.key);
  return placeKey(parts, field.container, field.key, order);
}

/** Sets (or, with undefined, removes) keywords of the field's schema. */
export function setFieldSchema(parts: FormParts, field: FieldInfo, patch: Record<string, unknown>): FormParts {
  return Object.entries(patch).reduce((next, [keyword, value]) => setSchema(next, [...field.schemaPath, keyword], value), parts);
}

/** Sets (or removes) keys of the field's uiSchema; an emptied uiSchema entry goes away. */
export function setFieldUi(parts: FormParts, field: FieldInfo, patch: Record<string, unknown>): FormParts {
  const next = Object.entries(patch).reduce((acc, [name, value]) => setUi(acc, [...field.uiPath, name], value), parts);
  const ui = getIn(next.uiSchema, field.uiPath);
  const wasEmpty = isNode(field.ui) && Object.keys(field.ui).length === 0 && getIn(parts.uiSchema, field.uiPath) !== undefined;
  return isNode(ui) && Object.keys(ui).length === 0 && !wasEmpty ? setUi(next, field.uiPath, undefined) : next;
}

const renameIn = (list: unknown, from: string, to: string) => (Array.isArray(list) ? list.map((k) => (k === from ? to : k)) : list);

/** Renames `key` in a schema object's `properties` and `required`, keeping positions. */
function renameInObject(node: unknown, from: string, to: string): unknown {
  if (!isNode(node)) return node;
  let next: JsonNode = node;
  if (isNode(next.properties)) next = { ...next, properties: renameKey(next.properties, from, to) };
  if (Array.isArray(next.required)) next = { ...next, required: renameIn(next.required, from, to) };
  return next;
}

/**
 * Renames a field's key everywhere its object mentions it: `properties`, `required`, every
 * `allOf` entry (conditions on it included), its uiSchema entry and `ui:order`. The caller
 * checks the new key is free.
 */
export function renameField(parts: FormParts, field: FieldInfo, to: string): FormParts {
  const { container, key: from } = field;
  if (from === to) return parts;
  let next = { ...parts, schema: updateIn(parts.schema, container.schemaPath, (node) => renameInObject(node, from, to)) };
  const allOfPath = [...container.schemaPath, 'allOf'];
  next = {
    ...next,
    schema: updateIn(next.schema, allOfPath, (allOf) =>
      Array.isArray(allOf)
        ? allOf.map((entry) =>
            isNode(entry) ? Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, k === 'if' || k === 'then' || k === 'else' ? renameInObject(v, from, to) : v])) : entry,
          )
        : allOf,
    ),
  };
  const ui = nodeAt(next.uiSchema, container.uiPath);
  if (ui) {
    const renamed = renameKey(ui, from, to);
    next = setUi(next, container.uiPath, Array.isArray(renamed['ui:order']) ? { ...renamed, 'ui:order': renameIn(renamed['ui:order'], from, to) } : renamed);
  }
  return next;
}

/** Required always (or, for a conditional field, whenever it shows); making it required always drops its "required when" rules. */
export function setRequired(parts: FormParts, field: FieldInfo, isRequired: boolean): FormParts {
  const { container, key } = field;
  if (field.visibleWhen) return toggleRequired(parts, [...container.schemaPath, 'allOf', field.visibleWhen.branch, 'then', 'required'], key, isRequired);
  let next = toggleRequired(parts, [...container.schemaPath, 'required'], key, isRequired);
  if (isRequired) next = clearRequiredWhen(next, field);
  return next;
}

function clearRequiredWhen(parts: FormParts, field: FieldInfo): FormParts {
  let next = parts;
  for (const rule of [...field.requiredWhen].sort((a, b) => b.branch - a.branch)) {
    next = toggleRequired(next, [...field.container.schemaPath, 'allOf', rule.branch, 'then', 'required'], field.key, false);
    next = dropIfEmpty(next, field.container, rule.branch);
  }
  return next;
}

/**
 * Makes an always-shown field required only while `condition` holds (`then.required`), or,
 * with undefined, drops its "required when" rules. Not for conditional fields: they are
 * required whenever they show, or never.
 */
export function setRequiredWhen(parts: FormParts, field: FieldInfo, condition: Condition | undefined): FormParts {
  if (field.visibleWhen) return parts;
  const { container, key } = field;
  let next = clearRequiredWhen(toggleRequired(parts, [...container.schemaPath, 'required'], key, false), field);
  if (!condition) return next;
  const ifSchema = conditionSchema(condition);
  const index = entryFor(next, container, ifSchema);
  if (index >= 0) return toggleRequired(next, [...container.schemaPath, 'allOf', index, 'then', 'required'], key, true);
  next = appendEntry(next, container, ifSchema, { required: [key] }).parts;
  return next;
}

/**
 * Shows a field only while `condition` holds: moves its schema into the `then.properties` of
 * the `allOf` entry with that `if` (shared with other fields on the same condition, else a new
 * entry), its required-ness into that `then.required`. Undefined moves it back to `properties`.
 * Its place among the fields stays where it was.
 */
export function setVisibleWhen(parts: FormParts, field: FieldInfo, condition: Condition | undefined): FormParts {
  const { container, key, schema, isRequired } = field;
  const wanted = displayOrder(parts, container);
  const oldBranch = field.visibleWhen?.branch;
  let next = setSchema(parts, field.schemaPath, undefined);
  next =
    oldBranch === undefined
      ? toggleRequired(next, [...container.schemaPath, 'required'], key, false)
      : toggleRequired(next, [...container.schemaPath, 'allOf', oldBranch, 'then', 'required'], key, false);
  let newBranch: number | undefined;
  if (condition) {
    const ifSchema = conditionSchema(condition);
    newBranch = entryFor(next, container, ifSchema);
    if (newBranch >= 0) {
      next = setSchema(next, [...container.schemaPath, 'allOf', newBranch, 'then', 'properties', key], schema);
      if (isRequired) next = toggleRequired(next, [...container.schemaPath, 'allOf', newBranch, 'then', 'required'], key, true);
    } else {
      ({ parts: next, index: newBranch } = appendEntry(next, container, ifSchema, isRequired ? { properties: { [key]: schema }, required: [key] } : { properties: { [key]: schema } }));
    }
  } else {
    next = setSchema(next, [...container.schemaPath, 'properties', key], schema);
    if (isRequired) next = toggleRequired(next, [...container.schemaPath, 'required'], key, true);
  }
  if (oldBranch !== undefined && oldBranch !== newBranch) next = dropIfEmpty(next, container, oldBranch);
  return placeKey(next, container, key, wanted);
}
