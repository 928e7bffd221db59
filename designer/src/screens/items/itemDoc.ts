/**
 * The item document as the editor handles it, and the small pure steps the form needs: which
 * field a problem's JSON pointer belongs to, which problems are about this document, and
 * setting an optional value without leaving `undefined` keys behind (so the JSON a user sees,
 * and the comparison of locked fields with the inherited version, stay clean).
 */
import type { ServiceItem, LockableField } from '../../../../engine/kinds/service-item';
import type { Problem } from '../../api/client';
import type { Doc } from '../../components/useDefinitionEditor';

export type ItemDoc = ServiceItem & Doc;
export type ItemField = LockableField;

/** Every field of the body a template may lock, in the order the editor shows them. */
export const lockableFields: readonly ItemField[] = [
  'title',
  'description',
  'code',
  'category',
  'targets',
  'content',
  'channel',
  'channelNote',
  'department',
  'legalBasis',
  'conditions',
  'refusalGrounds',
  'timeLimit',
  'fee',
  'steps',
  'contact',
  'form',
  'checklist',
  'workflow',
  'guide',
  'notices',
  'keywords',
];

/** The top-level field a pointer is under: "/department/name" → "department"; "" → undefined. */
export function fieldOfPointer(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first === undefined || first === '' ? undefined : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The problems about document `kind`/`id`: the server names the document each came from
 * ("mianyang/ServiceItem/x@2 (draft)", "request#/definitions/0"); live problems name none.
 */
export function problemsOfDoc(problems: Problem[], kind: string, id: string): Problem[] {
  return problems.filter((p) => !p.file || p.file.startsWith('request#') || p.file.includes(`/${kind}/${id}@`) || p.file.endsWith(`/${kind}/${id}`));
}

/** Problems grouped by the top-level field they are about. */
export function problemsByField(problems: Problem[]): Map<string, Problem[]> {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const field = fieldOfPointer(problem.path);
    if (field === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}

/** `object` with `key` set, or removed when `value` is undefined or ''. */
export function withKey<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const copy = { ...object };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value;
  return copy;
}

/** An optional object that is empty once its last key is cleared is dropped as well. */
export function orUndefinedWhenEmpty<T extends object>(object: T): T | undefined {
  return Object.keys(object).length === 0 ? undefined : object;
}
