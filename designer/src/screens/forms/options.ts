/**
 * The choices of a select, radio, multiple-choice or region field, read and written in the
 * style the field already uses: `enum` with `ui:enumNames` (new fields), or `oneOf`/`anyOf`
 * of `{ const, title }`. In the property panel they are lines of `value=label`.
 */
import type { FieldInfo, FormParts } from './field-list.js';
import { getIn, isNode, setIn, type JsonNode } from './json-path.js';

export interface Choice {
  value: unknown;
  label: string;
}

/** Where the choices sit: the field's schema, or its `items` for a multiple choice. */
function choicesPath(field: FieldInfo) {
  return field.schema.type === 'array' ? [...field.schemaPath, 'items'] : field.schemaPath;
}

/** Where `ui:enumNames` sits: next to the field, or under `items` when the form put it there. */
function namesPath(field: FieldInfo) {
  return field.schema.type === 'array' && isNode(field.ui.items) && 'ui:enumNames' in field.ui.items ? [...field.uiPath, 'items', 'ui:enumNames'] : [...field.uiPath, 'ui:enumNames'];
}

export function readChoices(parts: FormParts, field: FieldInfo): Choice[] {
  const node = getIn(parts.schema, choicesPath(field));
  if (!isNode(node)) return [];
  if (Array.isArray(node.enum)) {
    const names = getIn(parts.uiSchema, namesPath(field));
    return node.enum.map((value, i) => {
      const name = Array.isArray(names) ? names[i] : isNode(names) ? names[String(value)] : undefined;
      return { value, label: typeof name === 'string' && name !== '' ? name : String(value) };
    });
  }
  const alternatives = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : [];
  return alternatives.filter(isNode).map((option) => ({ value: option.const, label: typeof option.title === 'string' ? option.title : String(option.const) }));
}

/** Writes choices in the field's own style; an option's other keywords (oneOf style) are kept. */
export function writeChoices(parts: FormParts, field: FieldInfo, choices: Choice[]): FormParts {
  const path = choicesPath(field);
  const node = getIn(parts.schema, path);
  const current = isNode(node) ? node : {};
  const listKey = Array.isArray(current.enum) ? undefined : Array.isArray(current.oneOf) ? 'oneOf' : Array.isArray(current.anyOf) ? 'anyOf' : undefined;
  if (listKey) {
    const old = (current[listKey] as unknown[]).filter(isNode);
    const options = choices.map((c): JsonNode => ({ ...(old.find((o) => o.const === c.value) ?? {}), const: c.value, title: c.label }));
    return { ...parts, schema: setIn(parts.schema, [...path, listKey], options) };
  }
  const schema = setIn(parts.schema, [...path, 'enum'], choices.map((c) => c.value));
  const names = namesPath(field);
  const hadNames = getIn(parts.uiSchema, names) !== undefined;
  const needsNames = choices.some((c) => c.label !== String(c.value));
  const uiSchema = hadNames || needsNames ? setIn(parts.uiSchema ?? {}, names, choices.map((c) => c.label)) : parts.uiSchema;
  return { ...parts, schema, uiSchema };
}

/** Choices as lines: `value=label`, or just `value` when the label is the value. */
export function choicesToText(choices: Choice[]): string {
  return choices.map((c) => (c.label === String(c.value) ? String(c.value) : `${String(c.value)}=${c.label}`)).join('\n');
}

/** Lines back to choices; values are numbers when the field holds numbers. */
export function textToChoices(text: string, valueType: unknown): Choice[] {
  const isNumeric = valueType === 'number' || valueType === 'integer';
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf('=');
      const raw = at < 0 ? line : line.slice(0, at).trim();
      const label = at < 0 ? line : line.slice(at + 1).trim() || raw;
      const value = isNumeric && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
      return { value, label };
    });
}

/** The type of a field's choice values (`number` for a numeric enum). */
export function choiceValueType(field: FieldInfo): unknown {
  return field.schema.type === 'array' && isNode(field.schema.items) ? field.schema.items.type : field.schema.type;
}
