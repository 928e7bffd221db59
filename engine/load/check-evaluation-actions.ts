/**
 * Evaluation actions (好差评): indicators belong on an evaluation action only (elsewhere nothing
 * would ever rate them), and their keys are unique (a payload rates each key once).
 */
import type { Workflow } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { entriesOf, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';

function evaluationFindings(workflow: Workflow): Finding[] {
  const findings: Finding[] = [];
  for (const [stepName, step] of Object.entries(workflow.steps)) {
    for (const [name, action] of Object.entries(step.actions ?? {})) {
      const at = ['steps', stepName, 'actions', name, 'indicators'];
      const label = `Workflow "${workflow.id}" step "${stepName}": action "${name}"`;
      if (action.indicators !== undefined && action.isEvaluation !== true) {
        findings.push({ code: 'workflow.action.indicators-not-evaluation', at, message: `${label} declares indicators but is no evaluation; add "isEvaluation": true or remove "indicators".` });
      }
      const seen = new Set<string>();
      (action.indicators ?? []).forEach((indicator, i) => {
        if (seen.has(indicator.key)) {
          findings.push({ code: 'workflow.action.indicator-duplicate', at: [...at, i, 'key'], message: `${label} declares indicator "${indicator.key}" twice; give each indicator its own key.` });
        }
        seen.add(indicator.key);
      });
    }
  }
  return findings;
}

/** Problems of the evaluation actions of every workflow in the set. */
export function checkEvaluationActions(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'Workflow').flatMap((entry) => evaluationFindings(entry.definition).map((f) => problemIn(entry, f)));
}
