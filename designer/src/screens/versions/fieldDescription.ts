/**
 * What a changed field is, in the words of its kind's schema: the description the TypeBox kind
 * (engine/kinds) gives the value a JSON pointer names, so a diff row says what the field means.
 */
import { kinds } from '../../../../engine/kinds/index';

type SchemaNode = Record<string, unknown>;

/** The schemas a value may match: the node itself, or each branch of a union. */
function branches(node: SchemaNode): SchemaNode[] {
  const anyOf = (node.anyOf ?? node.oneOf) as SchemaNode[] | undefined;
  return anyOf ? [node, ...anyOf.flatMap(branches)] : [node];
}

function child(node: SchemaNode, token: string): SchemaNode | undefined {
  for (const branch of branches(node)) {
    const properties = branch.properties as Record<string, SchemaNode> | undefined;
    if (properties && Object.hasOwn(properties, token)) return properties[token];
    if (branch.type === 'array' && /^\d+$/.test(token) && branch.items) return branch.items as SchemaNode;
    const patterns = branch.patternProperties as Record<string, SchemaNode> | undefined;
    const pattern = patterns && Object.values(patterns)[0];
    if (pattern) return pattern;
    if (typeof branch.additionalProperties === 'object') return branch.additionalProperties as SchemaNode;
  }
  return undefined;
}

/**
 * The description of the value at `pointer` in a document of `kind`, or of its nearest
 * described ancestor; undefined for an unknown kind or a path the schema does not describe.
 *
 * @example fieldDescription('Template', '/body') // 'Handlebars body; helpers: date, …'
 */
export function fieldDescription(kind: string, pointer: string): string | undefined {
  let node = (kinds as Record<string, SchemaNode | undefined>)[kind];
  let described: string | undefined;
  const tokens = pointer.split('/').slice(1).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const token of tokens) {
    node = node && child(node, token);
    if (!node) break;
    const description = branches(node).map((b) => b.description).find((d): d is string => typeof d === 'string');
    if (description) described = description;
  }
  return described;
}
