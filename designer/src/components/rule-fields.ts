/**
 * The fields of a form as the rule builder offers them (`form.<path>`, the form's own label,
 * a type and the choices), read from the form's JSON Schema and uiSchema. Fields that appear
 * only under a condition (allOf/if-then-else, dependencies) count too: a material may depend
 * on them. Elements of repeating groups are not offered: a rule reads the case as a whole.
 */
import type { RuleField, RuleFieldOption, RuleFieldType } from './rule-model.js';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(node: Node): RuleFieldType | undefined {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'array') return 'array';
  if (type === 'string' || Array.isArray(node.enum) || node.const !== undefined) return 'string';
  return undefined;
}

function optionsOf(node: Node, ui: Node | undefined): RuleFieldOption[] | undefined {
  const source = isNode(node.items) && node.type === 'array' ? node.items : node;
  if (Array.isArray(source.enum)) {
    const names = (isNode(ui) && Array.isArray(ui['ui:enumNames']) ? ui['ui:enumNames'] : []) as unknown[];
    return source.enum
      .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
      .map((value, i) => ({ value, label: typeof names[i] === 'string' ? (names[i] as string) : String(value) }));
  }
  const choices = Array.isArray(source.oneOf) ? source.oneOf : Array.isArray(source.anyOf) ? source.anyOf : undefined;
  if (choices && choices.every((c) => isNode(c) && c.const !== undefined)) {
    return (choices as Node[]).map((c) => ({ value: c.const as string | number, label: typeof c.title === 'string' ? c.title : String(c.const) }));
  }
  return undefined;
}

/** The schema nodes that add properties to `node`: itself and its conditional branches. */
function branchesOf(node: Node): Node[] {
  const nodes = [node];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const branch of list) if (isNode(branch)) nodes.push(...branchesOf(branch));
  }
  for (const key of ['then', 'else']) if (isNode(node[key])) nodes.push(...branchesOf(node[key] as Node));
  if (isNode(node.dependencies)) for (const dep of Object.values(node.dependencies)) if (isNode(dep)) nodes.push(...branchesOf(dep));
  return nodes;
}

interface Found {
  fields: Map<string, RuleField>;
  /** Paths whose label came from a title (not the bare property name). */
  titled: Set<string>;
}

function collect(node: Node, ui: Node | undefined, prefix: { path: string; label: string }, out: Found, depth: number): void {
  if (depth > 6) return;
  for (const branch of branchesOf(node)) {
    if (!isNode(branch.properties)) continue;
    for (const [name, child] of Object.entries(branch.properties)) {
      if (!isNode(child)) continue;
      const childUi = isNode(ui?.[name]) ? (ui[name] as Node) : undefined;
      const path = `${prefix.path}${name}`;
      const title = typeof child.title === 'string' ? child.title : typeof childUi?.['ui:title'] === 'string' ? (childUi['ui:title'] as string) : undefined;
      const seen = out.fields.get(path);
      const type = typeOf(child);
      const options = optionsOf(child, childUi);
      if (seen === undefined) {
        if (type !== undefined) out.fields.set(path, { path, label: `${prefix.label}${title ?? name}`, type, ...(options ? { options } : {}) });
      } else {
        // A branch that only refines a field (a format under `then`) adds nothing; one that says more fills the gaps.
        if (title !== undefined && !out.titled.has(path)) seen.label = `${prefix.label}${title}`;
        if (options !== undefined && seen.options === undefined) seen.options = options;
      }
      if (title !== undefined) out.titled.add(path);
      if (child.type === 'object' || isNode(child.properties)) {
        collect(child, childUi, { path: `${path}.`, label: `${prefix.label}${title ?? name} · ` }, out, depth + 1);
      }
    }
  }
}

/**
 * Rule fields of a form: `form.`-prefixed paths in the order the form shows them (`ui:order`).
 *
 * @example formRuleFields({ type: 'object', properties: { isAgent: { type: 'boolean', title: '是否委托代理' } } }, {})
 * // [{ path: 'form.isAgent', label: '是否委托代理', type: 'boolean' }]
 */
export function formRuleFields(schema: unknown, uiSchema: unknown): RuleField[] {
  if (!isNode(schema)) return [];
  const out: Found = { fields: new Map(), titled: new Set() };
  collect(schema, isNode(uiSchema) ? uiSchema : undefined, { path: 'form.', label: '' }, out, 0);
  const order = isNode(uiSchema) && Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as unknown[]) : [];
  const rank = (field: RuleField) => {
    const top = field.path.slice('form.'.length).split('.')[0] ?? '';
    const at = order.indexOf(top);
    return at === -1 ? order.length : at;
  };
  return [...out.fields.values()].map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

/** The fields every one of several forms has (a workflow rule must hold for every item using it). */
export function commonFields(lists: RuleField[][]): RuleField[] {
  const [first, ...rest] = lists;
  if (first === undefined) return [];
  return first.filter((field) => rest.every((list) => list.some((other) => other.path === field.path && other.type === field.type)));
}
