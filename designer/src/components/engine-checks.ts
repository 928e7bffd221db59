/**
 * The engine's own semantic checks, run in the browser on the document being edited, so the
 * designers flag what the server would refuse (a dead-end step, a duplicate material key)
 * as the user works. The server still checks the whole set on save.
 */
import type { KindName } from '../../../engine/kinds/index';
import { emptyIndex, type DefinitionEntry, type DefinitionSet } from '../../../engine/load/definition-set';
import type { Problem } from '../../../engine/problem';

/** A definition set holding just this document. */
export function setOf<K extends KindName>(kind: K, definition: DefinitionEntry<K>['definition']): DefinitionSet {
  const byKind = emptyIndex();
  (byKind[kind] as Map<string, DefinitionEntry<K>>).set(definition.id, { kind, definition });
  return { byKind };
}

/**
 * Runs checks on a shape-valid document; a check meeting a half-typed document it was not
 * written for reports nothing rather than breaking the editor (the shape problems say why).
 */
export function runChecks(checks: Array<() => Problem[]>): Problem[] {
  return checks.flatMap((check) => {
    try {
      return check();
    } catch {
      return [];
    }
  });
}
