/**
 * Adoption: a platform localizes an item it inherits by publishing its own version under the
 * same id. What it may change is the inherited version's to say: fields it locks stay exactly
 * as they are, locks are handed down (a city cannot unlock for its counties), and a promised
 * time limit may only get shorter, so the same item is the same at every level.
 */
import type { ServiceItem } from '../kinds/service-item.js';
import { pointer, type Problem } from '../problem.js';
import { isSameValue } from './diff.js';

/**
 * The problems of `localized` as a localization of `inherited`; `inheritedFrom` names where the
 * inherited version lives (e.g. the platform id) so messages can say whom to ask.
 *
 * @example
 * checkAdoption(provinceItem, { ...provinceItem, legalBasis: ['…'] }, 'sichuan-province')
 * // [{ code: 'adoption.locked-field-changed', path: '/legalBasis', message: 'legalBasis is locked by …' }]
 */
export function checkAdoption(inherited: ServiceItem, localized: ServiceItem, inheritedFrom?: string): Problem[] {
  const source = `ServiceItem "${inherited.id}" version ${inherited.version}${inheritedFrom ? ` of ${inheritedFrom}` : ''}`;
  const locks = inherited.locked ?? [];
  const problems: Problem[] = locks
    .filter((field) => !isSameValue(inherited[field], localized[field]))
    .map((field) => ({
      code: 'adoption.locked-field-changed',
      path: pointer(field),
      message: `${field} is locked by the inherited ${source} and cannot be changed; keep the inherited value.`,
    }));
  const dropped = locks.filter((field) => !(localized.locked ?? []).includes(field));
  if (dropped.length > 0) {
    problems.push({
      code: 'adoption.lock-removed',
      path: '/locked',
      message: `locked must keep every lock of the inherited ${source}; add ${dropped.map((f) => `"${f}"`).join(', ')}.`,
    });
  }
  if (!locks.includes('timeLimit')) problems.push(...tighterOnly(inherited, localized, source));
  problems.push(...sameBasicCode(inherited, localized, source));
  return problems;
}

/**
 * The basic code (基本编码) names the item at every level and in every version: case numbers
 * and implementation codes are built on it, so a localization keeps it even where `code` is not locked.
 */
function sameBasicCode(inherited: ServiceItem, localized: ServiceItem, source: string): Problem[] {
  const was = inherited.code?.basic;
  const is = localized.code?.basic;
  if (was === is) return [];
  return [
    {
      code: 'adoption.code-changed',
      path: '/code/basic',
      message: `code.basic must stay ${was === undefined ? 'absent as in' : `"${was}" as in`} the inherited ${source}: the basic code is the same at every level and in every version.`,
      ...(was === undefined ? {} : { suggestion: was }),
    },
  ];
}

/** An unlocked time limit may be shorter than the inherited one, in the same unit, never longer. */
function tighterOnly(inherited: ServiceItem, localized: ServiceItem, source: string): Problem[] {
  const was = inherited.timeLimit;
  const is = localized.timeLimit;
  if (is.unit !== was.unit) {
    return [
      {
        code: 'adoption.limit-unit-changed',
        path: '/timeLimit/unit',
        message: `timeLimit must keep the unit "${was.unit}" of the inherited ${source}; give at most ${was.value} ${was.unit}.`,
        suggestion: was.unit,
      },
    ];
  }
  if (is.value > was.value) {
    return [
      {
        code: 'adoption.limit-longer',
        path: '/timeLimit/value',
        message: `timeLimit may only be tightened: ${is.value} ${is.unit} is longer than the ${was.value} ${was.unit} of the inherited ${source}.`,
      },
    ];
  }
  return [];
}
