/**
 * The variables of a template context as a flat list, read from the same declared schemas the
 * loader checks templates against (context.ts), so the studio's editor offers exactly what a
 * saved template may use.
 */
import type { TSchema } from '@sinclair/typebox';
import type { Template } from '../kinds/template.js';
import { templateContexts } from './context.js';

export type TemplateContextName = keyof typeof templateContexts;

export interface ContextVariable {
  /**
   * Dotted path as a template names it (`item.title`); `*` stands for each element of an array
   * (`checklist.*.name`: inside `{{#each checklist}}` it is `{{name}}`).
   */
  path: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'unknown';
  description?: string;
  /** Open: the context does not declare what is below, so any path under it is accepted (form data, case fields). */
  isOpen?: true;
}

type SchemaNode = Record<string, unknown>;

const scalarTypes = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array']);

function variableOf(path: string, node: SchemaNode): ContextVariable {
  const declared = typeof node.type === 'string' && scalarTypes.has(node.type) ? (node.type as ContextVariable['type']) : undefined;
  return {
    path,
    type: declared ?? 'unknown',
    ...(typeof node.description === 'string' ? { description: node.description } : {}),
    ...(declared === undefined ? { isOpen: true as const } : {}),
  };
}

function walk(node: SchemaNode, prefix: string): ContextVariable[] {
  if (node.type === 'array') {
    const element = node.items as SchemaNode | undefined;
    return element?.type === 'object' ? walk(element, `${prefix}*.`) : [];
  }
  const properties = (node.type === 'object' ? node.properties : undefined) as Record<string, SchemaNode> | undefined;
  return Object.entries(properties ?? {}).flatMap(([name, child]) => [variableOf(prefix + name, child), ...walk(child, `${prefix}${name}.`)]);
}

/**
 * Every variable of a context, parents before children.
 *
 * @example contextVariables('item').find((v) => v.path === 'item.title')
 * // { path: 'item.title', type: 'string', description: '事项名称' }
 */
export function contextVariables(context: TemplateContextName): ContextVariable[] {
  return walk(templateContexts[context] as TSchema as SchemaNode, '');
}

/** The context a template of this purpose renders with: guides render without a case, every notice with one. */
export function contextOfPurpose(purpose: Template['purpose']): TemplateContextName {
  return purpose === 'guide' ? 'item' : 'case';
}
