/**
 * Workflow structure: every step name an action or branch targets exists, every step is
 * reachable from the start, every non-final step has a way out, final steps have none, and a
 * final step can be reached at all.
 */
import type { Workflow } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { entriesOf, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';

function targetFindings(workflow: Workflow): Finding[] {
  const names = Object.keys(workflow.steps);
  const findings: Finding[] = [];
  const unknown = (code: string, at: Finding['at'], what: string, target: string) => {
    const hint = didYouMean(target, names);
    findings.push({ code, at, message: `Workflow "${workflow.id}" ${what} targets unknown step "${target}".${hint.text}`, suggestion: hint.suggestion });
  };
  if (!Object.hasOwn(workflow.steps, workflow.start)) {
    const hint = didYouMean(workflow.start, names);
    findings.push({
      code: 'workflow.start-unknown',
      at: ['start'],
      message: `Workflow "${workflow.id}" starts at unknown step "${workflow.start}".${hint.text}`,
      suggestion: hint.suggestion,
    });
  }
  for (const [name, step] of Object.entries(workflow.steps)) {
    for (const [action, a] of Object.entries(step.actions ?? {})) {
      if (!Object.hasOwn(workflow.steps, a.to)) unknown('workflow.action.target-unknown', ['steps', name, 'actions', action, 'to'], `step "${name}": action "${action}"`, a.to);
    }
    (step.next ?? []).forEach((branch, i) => {
      if (!Object.hasOwn(workflow.steps, branch.to)) unknown('workflow.branch.target-unknown', ['steps', name, 'next', i, 'to'], `step "${name}": branch ${i + 1}`, branch.to);
    });
  }
  return findings;
}

function exitsOf(workflow: Workflow, name: string): string[] {
  const step = workflow.steps[name];
  if (step === undefined) return [];
  return [...Object.values(step.actions ?? {}).map((a) => a.to), ...(step.next ?? []).map((b) => b.to)];
}

function reachableFrom(workflow: Workflow, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    for (const target of exitsOf(workflow, name)) {
      if (!seen.has(target) && Object.hasOwn(workflow.steps, target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** True when every step name the workflow uses (start, action and branch targets) exists. */
function hasKnownTargets(workflow: Workflow): boolean {
  const names = [workflow.start, ...Object.keys(workflow.steps).flatMap((name) => exitsOf(workflow, name))];
  return names.every((name) => Object.hasOwn(workflow.steps, name));
}

function stepFindings(workflow: Workflow): Finding[] {
  const findings: Finding[] = [];
  // Reachability over a misspelt target would blame the steps behind it; the target problem comes first.
  const reachable = hasKnownTargets(workflow) ? reachableFrom(workflow, workflow.start) : undefined;
  for (const [name, step] of Object.entries(workflow.steps)) {
    const hasExits = Object.keys(step.actions ?? {}).length > 0 || (step.next ?? []).length > 0;
    const label = `Workflow "${workflow.id}" step "${name}"`;
    if (step.isFinal === true && hasExits) {
      findings.push({ code: 'workflow.step.final-has-exits', at: ['steps', name], message: `${label} is final but has actions or next branches; remove them or drop "isFinal".` });
    }
    if (step.isFinal !== true && !hasExits) {
      findings.push({ code: 'workflow.step.dead-end', at: ['steps', name], message: `${label} has no actions and no next branches, so a case would stop there; add an action or mark it "isFinal".` });
    }
    if (reachable !== undefined && !reachable.has(name)) {
      findings.push({ code: 'workflow.step.unreachable', at: ['steps', name], message: `步骤“${name}”从开始步骤无法到达，请添加到达它的操作或分支，或删除它。${label} cannot be reached from the start step "${workflow.start}"; add an action or branch to it, or remove it.` });
    }
  }
  const isFinalReachable = reachable === undefined || [...reachable].some((name) => workflow.steps[name]?.isFinal === true);
  if (!isFinalReachable) {
    findings.push({ code: 'workflow.no-final-step', at: ['steps'], message: `工作流没有可到达的结束步骤，办件将无法结束，请添加 "isFinal": true 的步骤。Workflow "${workflow.id}" has no final step reachable from "${workflow.start}"; cases could never end. Add a step with "isFinal": true.` });
  }
  return findings;
}

/** Structural problems of one workflow. */
export function checkWorkflowGraph(entry: DefinitionEntry<'Workflow'>): Problem[] {
  const workflow = entry.definition;
  return [...targetFindings(workflow), ...stepFindings(workflow)].map((f) => problemIn(entry, f));
}

/** Structural problems of every workflow in the set. */
export function checkWorkflows(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Workflow').flatMap(checkWorkflowGraph);
}
