/**
 * What changed between two versions of a definition, as a list a person can read and a
 * designer can point at: one entry per added, removed or changed value, each with a JSON
 * Pointer. The comparison itself is microdiff's (see docs/decisions/0013-version-diff-microdiff.md).
 */
import microdiff from 'microdiff';
import { pointer } from '../problem.js';

/** One difference between two documents. */
export interface Change {
  /** JSON Pointer (RFC 6901) to the value in `after` (or in `before`, for a removed one). */
  path: string;
  op: 'added' | 'removed' | 'changed';
  /** The value before; absent for an added one. */
  before?: unknown;
  /** The value after; absent for a removed one. */
  after?: unknown;
}

type Json = Record<string, unknown> | unknown[];

/**
 * The changes that turn `before` into `after`. Objects are compared key by key and arrays
 * index by index (an element inserted at the front shows as each later index changed and
 * one added at the end); any other value is compared as a whole.
 *
 * @example
 * diffDocuments({ title: 'a', keywords: ['x'] }, { title: 'b', keywords: ['x', 'y'] })
 * // [{ path: '/title', op: 'changed', before: 'a', after: 'b' },
 * //  { path: '/keywords/1', op: 'added', after: 'y' }]
 */
export function diffDocuments(before: unknown, after: unknown): Change[] {
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return Object.is(before, after) ? [] : [{ path: '', op: 'changed', before, after }];
  }
  // Definitions are parsed JSON: they hold no cycles, so microdiff need not look for them.
  return microdiff(before, after, { cyclesFix: false }).map((d) => {
    const path = pointer(...d.path);
    if (d.type === 'CREATE') return { path, op: 'added', after: d.value };
    if (d.type === 'REMOVE') return { path, op: 'removed', before: d.oldValue };
    return { path, op: 'changed', before: d.oldValue, after: d.value };
  });
}

/** True when two JSON values are deeply equal (key order does not matter). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return diffDocuments(a, b).length === 0;
}

function isContainer(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}
