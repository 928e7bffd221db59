/** The fields a localization changed from the inherited version it is based on: what 本地修改 marks. */
import { isSameValue } from '../../../../engine/load/diff';

/** Identity, bookkeeping and the locks themselves: never a local change of the item's content. */
const NOT_CONTENT = new Set(['kind', 'schemaVersion', 'id', 'version', 'extends', 'locked']);

/**
 * Top-level fields whose value differs between the inherited `base` and the working copy.
 *
 * @example overriddenFields({ channelNote: 'a' }, { channelNote: 'b' }) // ['channelNote']
 */
export function overriddenFields(base: Record<string, unknown>, doc: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(base), ...Object.keys(doc)]);
  return [...fields].filter((field) => !NOT_CONTENT.has(field) && !isSameValue(base[field], doc[field]));
}
