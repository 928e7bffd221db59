/**
 * The fields of a form, read from its JSON Schema. Rules name form data as dotted paths
 * (`form.agent.name`, `form.inventors.0.name`); these helpers tell which paths a form can hold,
 * looking through nested objects, arrays and every conditional branch (allOf/anyOf/oneOf,
 * if/then/else, dependencies), so a field that only appears under a condition still counts.
 */

type SchemaNode = Record<string, unknown>;

/** Segment that stands for "any element" of an array in field paths. */
export const ANY_INDEX = '*';

/** How deep $ref chains and nesting are followed; recursive schemas stop here. */
const MAX_DEPTH = 12;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) to its target; other refs stay unresolved. */
function deref(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < MAX_DEPTH; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const token of ref.slice(2).split('/')) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isNode(target) ? target[key] : undefined;
    }
    if (!isNode(target)) return current;
    current = target;
  }
  return current;
}

/** The node and every schema that adds to it conditionally (branches, if/then/else, schema dependencies). */
function expand(node: SchemaNode, root: SchemaNode, depth = 0): SchemaNode[] {
  const resolved = deref(node, root);
  if (depth > MAX_DEPTH) return [resolved];
  const branches: unknown[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = resolved[key];
    if (Array.isArray(list)) branches.push(...list);
  }
  branches.push(resolved.if, resolved.then, resolved.else);
  if (isNode(resolved.dependencies)) branches.push(...Object.values(resolved.dependencies));
  const nodes = [resolved];
  for (const branch of branches) if (isNode(branch)) nodes.push(...expand(branch, root, depth + 1));
  return nodes;
}

function isArrayNode(node: SchemaNode): boolean {
  return node.type === 'array' || node.items !== undefined;
}

/** Child schemas one segment down from `nodes`; `undefined` when some node is open below (no declared properties). */
function childrenOf(nodes: SchemaNode[], segment: string): SchemaNode[] | undefined {
  const children: SchemaNode[] = [];
  let hasDeclaredProperties = false;
  for (const node of nodes) {
    if (isNode(node.properties)) {
      hasDeclaredProperties = true;
      const child = node.properties[segment];
      if (isNode(child)) children.push(child);
    }
    if (isArrayNode(node) && (segment === ANY_INDEX || /^\d+$/.test(segment))) {
      const items = node.items;
      if (isNode(items)) children.push(items);
      else if (Array.isArray(items)) {
        const picked = segment === ANY_INDEX ? items : [items[Number(segment)] ?? node.additionalItems];
        children.push(...picked.filter(isNode));
      }
    }
  }
  const isOpenObject = !hasDeclaredProperties && nodes.some((n) => n.type === 'object' && n.additionalProperties !== false);
  return children.length === 0 && isOpenObject ? undefined : children;
}

/**
 * True when the form can hold a value at `path` (dotted, relative to the form data; array
 * elements as an index or `*`; `length` after an array). Objects without declared properties are open.
 *
 * @example hasFormField(schema, 'agent.name') // true when some branch declares agent.name
 */
export function hasFormField(schema: unknown, path: string): boolean {
  if (!isNode(schema)) return false;
  let nodes = expand(schema, schema);
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    const isLast = index === segments.length - 1;
    if (segment === 'length' && isLast && nodes.some(isArrayNode)) return true;
    const children = childrenOf(nodes, segment);
    if (children === undefined) return true;
    if (children.length === 0) return false;
    nodes = children.flatMap((child) => expand(child, schema));
  }
  return true;
}

/**
 * Every field path a form schema declares, dotted, parents before children; array elements
 * appear as `*` (e.g. `inventors.*.name`). Used for did-you-mean and by the designer's pickers.
 *
 * @example extractFormFields({ type: 'object', properties: { agent: { type: 'object', properties: { name: { type: 'string' } } } } })
 * // ['agent', 'agent.name']
 */
export function extractFormFields(schema: unknown): string[] {
  if (!isNode(schema)) return [];
  const fields = new Set<string>();
  const visit = (nodes: SchemaNode[], prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const names = new Set<string>();
    for (const node of nodes) if (isNode(node.properties)) Object.keys(node.properties).forEach((name) => names.add(name));
    for (const name of names) {
      fields.add(prefix + name);
      const children = childrenOf(nodes, name) ?? [];
      visit(children.flatMap((child) => expand(child, schema)), `${prefix}${name}.`, depth + 1);
    }
    if (nodes.some(isArrayNode)) {
      const items = childrenOf(nodes, ANY_INDEX) ?? [];
      visit(items.flatMap((child) => expand(child, schema)), `${prefix}${ANY_INDEX}.`, depth + 1);
    }
  };
  visit(expand(schema, schema), '', 0);
  return [...fields];
}

/** A path with its array indices written as `*`, to compare with {@link extractFormFields}. */
export function normalizeFieldPath(path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? ANY_INDEX : segment))
    .join('.');
}
