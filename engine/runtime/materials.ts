/**
 * Recording what the applicant supplies (files per material) and what staff find (verdicts).
 * New files for a material replace its files and clear its verdict: they must be checked again.
 */
import { checkUploads } from '../checklist/check-uploads.js';
import { pointer, type Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import type { FileRef, Verdict } from './case.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';

/** Checks and records uploaded files; returns the problems instead when there are any. */
export function supplyFiles(draft: Draft, files: Record<string, FileRef[]>): Problem[] {
  const problems = checkUploads({ checklist: draft.context.bundle.checklist, files });
  if (problems.length > 0) return problems;
  for (const [key, refs] of Object.entries(files)) {
    draft.case.materials[key] = { files: structuredClone(refs) };
    record(draft, 'material.supplied', { material: key, files: refs.map((f) => f.id) });
  }
  return [];
}

/** Checks and records staff verdicts (material.checked / material.rejected events). */
export function recordVerdicts(draft: Draft, verdicts: Record<string, { status: Verdict; reason?: string }>): Problem[] {
  const problems = Object.entries(verdicts).flatMap(([key, verdict]) => checkVerdict(draft, key, verdict));
  if (problems.length > 0) return problems;
  const by = draft.context.actor.id;
  for (const [key, { status, reason }] of Object.entries(verdicts)) {
    const state = draft.case.materials[key];
    if (state === undefined) continue;
    state.verdict = { status, by, at: draft.context.now, ...(reason === undefined ? {} : { reason }) };
    if (status === 'ok') record(draft, 'material.checked', { material: key });
    else record(draft, 'material.rejected', { material: key, reason });
  }
  return [];
}

function checkVerdict(draft: Draft, key: string, verdict: { status: Verdict; reason?: string }): Problem[] {
  const materials = draft.context.bundle.checklist.materials;
  const material = materials.find((m) => m.key === key);
  if (material === undefined) {
    const hint = didYouMean(key, materials.map((m) => m.key));
    return [
      {
        code: 'material.unknown',
        path: pointer('verdicts', key),
        message: `Checklist "${draft.context.bundle.checklist.id}" has no material "${key}".${hint.text}`,
        ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }),
      },
    ];
  }
  if ((draft.case.materials[key]?.files.length ?? 0) === 0) {
    return [{ code: 'material.not-supplied', path: pointer('verdicts', key), message: `${material.name}尚未提交，无法审核；缺少的材料会自动列入一次性告知。` }];
  }
  if (verdict.status === 'deficient' && (verdict.reason ?? '').trim() === '') {
    return [{ code: 'material.reason-missing', path: pointer('verdicts', key, 'reason'), message: `请说明${material.name}不符合要求的原因，一次性告知书会列出它。` }];
  }
  return [];
}
