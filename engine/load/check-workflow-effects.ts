/**
 * Workflow effects that name other things: `notify` must name a template in the set, and
 * pause/resume/stop must name a clock a `startClock` effect starts. A step's own limit runs on
 * the clock `step:<name>` (engine/runtime/clocks.ts), which a clock name (a Key) cannot spell,
 * so step limits add no nameable clock: pausing "review" would silently do nothing at run time.
 */
import type { Workflow } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { entriesOf, isPresent, kindsWithId, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';
import { workflowEffects } from './workflow-parts.js';

/** Clock names the workflow's startClock effects start. */
export function startedClocks(workflow: Workflow): Set<string> {
  const clocks = new Set<string>();
  for (const { effect } of workflowEffects(workflow)) if ('startClock' in effect) clocks.add(effect.startClock);
  return clocks;
}

function clockOf(effect: object): { verb: string; clock: string } | undefined {
  for (const verb of ['pauseClock', 'resumeClock', 'stopClock'] as const) {
    if (verb in effect) return { verb, clock: (effect as Record<string, string>)[verb]! };
  }
  return undefined;
}

/**
 * Template ids every item running this workflow replaces through `notices`: such a notify
 * needs no template of that id (a case's pinned set holds only the replacement).
 */
function replacedEverywhere(set: DefinitionSet, workflowId: string): Set<string> {
  const items = entriesOf(set, 'ServiceItem').filter((e) => e.definition.workflow === workflowId);
  const names = items.map((e) => new Set(Object.keys(e.definition.notices ?? {})));
  const [first, ...rest] = names;
  return new Set([...(first ?? [])].filter((name) => rest.every((other) => other.has(name))));
}

function effectFindings(set: DefinitionSet, workflow: Workflow): Finding[] {
  const templates = [...set.byKind.Template.keys()];
  const replaced = replacedEverywhere(set, workflow.id);
  const clocks = startedClocks(workflow);
  const findings: Finding[] = [];
  for (const { effect, at } of workflowEffects(workflow)) {
    if ('notify' in effect && !isPresent(set, 'Template', effect.notify) && !replaced.has(effect.notify)) {
      const other = kindsWithId(set, effect.notify);
      const hint = didYouMean(effect.notify, templates);
      const why = other.length > 0 ? ` ("${effect.notify}" is a ${other.join(' and a ')}, not a Template)` : '';
      findings.push({
        code: 'workflow.effect.template-missing',
        at: [...at, 'notify'],
        message: `Workflow "${workflow.id}" step "${String(at[1])}": notify names template "${effect.notify}", which is not in the set${why}.${hint.text}`,
        suggestion: hint.suggestion,
      });
    }
    const use = clockOf(effect);
    if (use !== undefined && !clocks.has(use.clock)) {
      const hint = didYouMean(use.clock, clocks);
      const known = clocks.size === 0 ? 'no clock is started anywhere' : `started clocks: ${[...clocks].join(', ')}`;
      findings.push({
        code: 'workflow.effect.clock-unknown',
        at: [...at, use.verb],
        message: `Workflow "${workflow.id}" step "${String(at[1])}": ${use.verb} names clock "${use.clock}", which no startClock effect starts (${known}).${hint.text}`,
        suggestion: hint.suggestion,
      });
    }
  }
  return findings;
}

/** Effect problems of one workflow. */
export function checkWorkflowEffects(set: DefinitionSet, entry: DefinitionEntry<'Workflow'>): Problem[] {
  return effectFindings(set, entry.definition).map((f) => problemIn(entry, f));
}

/** Effect problems of every workflow in the set. */
export function checkAllWorkflowEffects(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Workflow').flatMap((entry) => checkWorkflowEffects(set, entry));
}
