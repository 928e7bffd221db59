/**
 * Where a case stands against its material checklist: what is required given the form data,
 * what was supplied, what staff found deficient, and what the applicant must still supply.
 * Drives the acceptance rules (`materials.*` in the rule context) and the one-time notice.
 */
import type { Checklist, Material } from '../kinds/checklist.js';
import type { RuleContext } from '../rules/context.js';
import { evaluateRule } from '../rules/evaluate.js';
import type { MaterialState } from '../runtime/case.js';

/**
 * provided: has files and no deficient verdict; missing: required, no file; deficient: staff
 * found what was supplied deficient; notRequired: optional and not supplied; deferred: required,
 * no file, but deferrable (容缺) so it does not block acceptance.
 */
export type MaterialStatus = 'provided' | 'missing' | 'deficient' | 'notRequired' | 'deferred';

/** One material of the checklist, judged. */
export interface MaterialEvaluation {
  key: string;
  material: Material;
  isRequired: boolean;
  isDeferrable: boolean;
  status: MaterialStatus;
  fileCount: number;
  /** Staff's reason, for deficient materials. */
  reason?: string;
}

/** A material the applicant must (still) supply, for the one-time notice. */
export interface ToSupply {
  key: string;
  status: 'missing' | 'deficient' | 'deferred';
  /** Deferrable (容缺): listed, but it does not block acceptance. */
  isDeferrable: boolean;
  reason?: string;
}

export interface ChecklistState {
  /** Every material, in checklist order. */
  materials: MaterialEvaluation[];
  /** Keys of required materials with no file, deferrable ones included. */
  missing: string[];
  /** Keys of materials staff found deficient. */
  deficient: string[];
  /** Missing (deferrable included, flagged) and deficient, in checklist order. */
  toSupply: ToSupply[];
  /** The `materials` block of the rule context. */
  counts: RuleContext['materials'];
}

/**
 * Judges every material of a checklist against the form data and the case's material states.
 * One file is enough for a material to count as provided; `count` is the number of paper copies
 * (份数) and is printed in the guide, not checked against uploads.
 *
 * @example
 * const state = evaluateChecklist({ checklist, data: { isAgent: true }, materials: {} });
 * state.counts.blockingCount; // required, non-deferrable materials still to supply
 */
export function evaluateChecklist(args: {
  checklist: Checklist;
  data: Record<string, unknown>;
  materials: Record<string, MaterialState>;
}): ChecklistState {
  const evaluations = args.checklist.materials.map((material) =>
    evaluateMaterial(material, args.data, args.materials[material.key]),
  );
  const missing = evaluations.filter((e) => e.status === 'missing' || e.status === 'deferred').map((e) => e.key);
  const deficient = evaluations.filter((e) => e.status === 'deficient').map((e) => e.key);
  const toSupply = evaluations.flatMap((e): ToSupply[] =>
    e.status === 'missing' || e.status === 'deficient' || e.status === 'deferred'
      ? [{ key: e.key, status: e.status, isDeferrable: e.isDeferrable, ...(e.reason === undefined ? {} : { reason: e.reason }) }]
      : [],
  );
  const blockingCount = evaluations.filter((e) => e.status === 'missing' || e.status === 'deficient').length;
  return {
    materials: evaluations,
    missing,
    deficient,
    toSupply,
    counts: { missing, deficient, missingCount: missing.length, deficientCount: deficient.length, blockingCount },
  };
}

function evaluateMaterial(material: Material, data: Record<string, unknown>, state: MaterialState | undefined): MaterialEvaluation {
  const isRequired = evaluateRule(material.required, { form: data });
  const isDeferrable = material.isDeferrable === true;
  const fileCount = state?.files.length ?? 0;
  const base = { key: material.key, material, isRequired, isDeferrable, fileCount };
  if (fileCount > 0) {
    const verdict = state?.verdict;
    // A deficient verdict blocks even on an optional material: staff rejected what was offered.
    if (verdict?.status === 'deficient') {
      return { ...base, status: 'deficient', ...(verdict.reason === undefined ? {} : { reason: verdict.reason }) };
    }
    return { ...base, status: 'provided' };
  }
  if (!isRequired) return { ...base, status: 'notRequired' };
  return { ...base, status: isDeferrable ? 'deferred' : 'missing' };
}
