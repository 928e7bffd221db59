/**
 * Immutable reads and writes deep inside plain JSON. The form designer patches a schema in place
 * rather than rebuilding it, so every write copies only the objects along its path, keeps the
 * position of every key it does not touch (a replaced key stays where it was, a new key goes
 * last) and leaves everything else — unknown keywords included — exactly as it was.
 */

export type JsonNode = Record<string, unknown>;
export type Path = ReadonlyArray<string | number>;

export function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when the path leaves the document. */
export function getIn(root: unknown, path: Path): unknown {
  let at: unknown = root;
  for (const segment of path) {
    if (Array.isArray(at) && typeof segment === 'number') at = at[segment];
    else if (isNode(at)) at = at[String(segment)];
    else return undefined;
  }
  return at;
}

/** The object at `path`, or undefined when there is none (or something else is there). */
export function nodeAt(root: unknown, path: Path): JsonNode | undefined {
  const found = getIn(root, path);
  return isNode(found) ? found : undefined;
}

/**
 * A copy of `root` with `value` at `path`; `undefined` deletes the key. Missing objects along
 * the path are created (an array where the next segment is a number).
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  // Deleting what is not there changes nothing (and must not create the objects along the way).
  if (value === undefined && getIn(root, path) === undefined) return root;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    copy[head] = setIn(root[head], rest, value);
    return copy as T;
  }
  const current: JsonNode = isNode(root) ? root : {};
  const key = String(head);
  const child = current[key] ?? (typeof rest[0] === 'number' ? [] : undefined);
  const next = rest.length === 0 ? value : setIn(child, rest, value);
  if (next === undefined) {
    if (!(key in current)) return current as T;
    const { [key]: _removed, ...others } = current;
    return others as T;
  }
  if (current[key] === next) return current as T;
  return { ...current, [key]: next } as T;
}

/** A copy of `root` with the value at `path` replaced by `update(current)`. */
export function updateIn<T>(root: T, path: Path, update: (current: unknown) => unknown): T {
  return setIn(root, path, update(getIn(root, path)));
}

/** A copy of `node` with `from` renamed to `to` in the same position; unchanged when `from` is absent. */
export function renameKey(node: JsonNode, from: string, to: string): JsonNode {
  if (!(from in node) || from === to) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key === from ? to : key, value]));
}

/** Deep equality of JSON values, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isNode(a) || !isNode(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key], b[key]));
}

/** A JSON Pointer for a path (RFC 6901), used as a stable id. */
export function pointerOf(path: Path): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
