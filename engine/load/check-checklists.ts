/** Checklists: material keys are unique within a checklist (case state and notices are keyed by them). */
import type { Problem } from '../problem.js';
import { entriesOf, type DefinitionSet } from './definition-set.js';
import { problemIn } from './problem-in.js';

/** Duplicate material keys in every checklist of the set. */
export function checkChecklists(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Checklist').flatMap((entry) => {
    const firstAt = new Map<string, number>();
    return entry.definition.materials.flatMap((material, i) => {
      const first = firstAt.get(material.key);
      if (first === undefined) {
        firstAt.set(material.key, i);
        return [];
      }
      return [problemIn(entry, {
        code: 'checklist.material-duplicate',
        at: ['materials', i, 'key'],
        message: `Checklist "${entry.definition.id}": material key "${material.key}" is used twice (materials ${first + 1} and ${i + 1}); keys must be unique.`,
      })];
    });
  });
}
