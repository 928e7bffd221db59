/**
 * Canonical JSON for content hashes: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as JSON.stringify writes them. For JSON data this is the output of
 * RFC 8785 (JCS), whose number and string rules are exactly ECMAScript's.
 */
import { createHash } from 'node:crypto';

/** Serializes JSON data canonically; `undefined` object members are dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Not JSON data: ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** The sha256 (hex) of a value's canonical JSON: the content hash of a definition. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
