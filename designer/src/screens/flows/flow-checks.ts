/**
 * The engine's workflow checks, run on the flow being edited: structure (unknown targets,
 * unreachable and dead-end steps, no reachable end) from engine/load/check-workflow and rule
 * variables and operators from engine/load/check-rules. Reachability is the engine's, not ours.
 */
import type { Workflow } from '../../../../engine/kinds/workflow';
import { checkWorkflowGraph } from '../../../../engine/load/check-workflow';
import { checkRules } from '../../../../engine/load/check-rules';
import type { Problem } from '../../../../engine/problem';
import { runChecks, setOf } from '../../components/engine-checks';

/** Problems the engine finds in this workflow alone (templates and forms are checked on save). */
export function flowProblems(workflow: Workflow): Problem[] {
  return runChecks([() => checkWorkflowGraph({ kind: 'Workflow', definition: workflow }), () => checkRules(setOf('Workflow', workflow))]);
}

/** The step a problem is about, from its pointer (`/steps/<name>/…`). */
export function stepOf(problem: Problem): string | undefined {
  const token = /^\/steps\/([^/]+)/.exec(problem.path)?.[1];
  return token?.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Problem codes per step, for the red borders on the canvas. */
export function flagsByStep(problems: Problem[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (const problem of problems) {
    const step = stepOf(problem);
    if (step !== undefined) flags.set(step, [...(flags.get(step) ?? []), problem.code]);
  }
  return flags;
}
