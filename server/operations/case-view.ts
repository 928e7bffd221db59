/**
 * What a caller sees of a case: its state, the step it is in, each material judged against
 * the checklist, and the actions this caller may take now. Staff and the applicant share it.
 */
import { evaluateChecklist } from '../../engine/checklist/index.js';
import { textOf } from '../../engine/text.js';
import { formFindings, type FormFinding } from '../../engine/forms/form-findings.js';
import type { Actor, Case, ReviewFlag } from '../../engine/runtime/case.js';
import { effectiveRoles } from '../../engine/runtime/rule-context.js';
import { dueStateOf, nextDueAt } from '../../engine/runtime/clocks.js';
import { displayNames } from '../../storage/users.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Services } from '../services.js';
import { bundleForCase } from './bundles.js';
import { evaluationOf, type EvaluationView } from './evaluation-reply.js';
import { maskedCaseValues, maskedText } from './personal-data-view.js';

export interface CaseView {
  id: string;
  number: string;
  platformId: string;
  item: { id: string; version: number; title: string };
  applicantId: string;
  applicantName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** online, or counter when staff registered it (窗口受理), then with who did. */
  channel: string;
  registeredBy: string | null;
  /** With the number, opens the public progress lookup; printed on the receipt. */
  verificationCode: string | null;
  /** How the time limit stands now: ok, dueSoon (warning passed), overdue; null without a running clock. */
  dueState: 'ok' | 'dueSoon' | 'overdue' | null;
  status: string;
  step: string;
  stepTitle: string;
  stage: string | null;
  version: number;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The form data, ID numbers and phones masked (see `masked`). */
  data: Record<string, unknown>;
  /** JSON Pointers of the masked values (`/data/agentIdNumber`): staff reveal one with a reason (POST …/reveal). */
  masked: string[];
  /** What the form's identity policy warns about in the data (never refused), paths under /data. */
  warnings: FormFinding[];
  /** Soft rejects the applicant confirmed, for staff to review. */
  reviewFlags: ReviewFlag[];
  fields: Record<string, unknown>;
  evaluations: Case['evaluations'];
  /** The latest evaluation and the platform's reply to it. */
  evaluation: EvaluationView | null;
  materials: Array<{
    key: string;
    name: string;
    isRequired: boolean;
    status: string;
    reason: string | null;
    files: Array<{ id: string; name: string; size: number; mediaType: string }>;
  }>;
  actions: Array<{
    name: string;
    title: string;
    requires: string[];
    acceptsMaterials: boolean;
    acceptsVerdicts: boolean;
    isEvaluation: boolean;
    /** The indicators an evaluation rates beside its level (empty for other actions). */
    indicators: Array<{ key: string; title: string; isRequired: boolean }>;
  }>;
}

function actionsFor(actor: Actor, kase: Case, bundle: Bundle): CaseView['actions'] {
  const step = bundle.workflow.steps[kase.step];
  if (!step || kase.status !== 'open') return [];
  const roles = effectiveRoles(actor, kase);
  // One evaluation per step: once given, the step offers no evaluation action any more.
  const isEvaluated = kase.evaluations.some((evaluation) => evaluation.step === kase.step);
  return Object.entries(step.actions ?? {})
    .filter(([, action]) => action.roles.some((role) => roles.includes(role)))
    .filter(([, action]) => !(isEvaluated && action.isEvaluation === true))
    .map(([name, action]) => ({
      name,
      title: textOf(action.title),
      requires: action.requires ?? [],
      acceptsMaterials: action.acceptsMaterials === true,
      acceptsVerdicts: action.acceptsVerdicts === true,
      isEvaluation: action.isEvaluation === true,
      indicators: (action.indicators ?? []).map((indicator) => ({ key: indicator.key, title: textOf(indicator.title), isRequired: indicator.isRequired === true })),
    }));
}

/** The policy's warnings about the case's data (the region table may have changed since it was filed). */
function dataWarnings(bundle: Bundle, kase: Case): FormFinding[] {
  return formFindings(bundle.form.schema, kase.data)
    .filter((finding) => finding.level === 'warning')
    .map((finding) => ({ ...finding, path: `/data${finding.path}` }));
}

export async function viewCase(services: Services, actor: Actor, kase: Case): Promise<CaseView> {
  const bundle = await bundleForCase(services, kase);
  const step = bundle.workflow.steps[kase.step];
  const checklist = evaluateChecklist({ checklist: bundle.checklist, data: kase.data, materials: kase.materials });
  const names = await displayNames(services.db.knex, [kase.applicantId, ...(kase.assigneeId ? [kase.assigneeId] : [])]);
  const personal = maskedCaseValues(kase);
  // Free text too (an evaluation, a warning quoting a value): nothing in a case view leaves unmasked.
  return maskedText({
    id: kase.id,
    number: kase.number,
    platformId: kase.platformId,
    item: { id: bundle.item.id, version: bundle.item.version, title: textOf(bundle.item.title) },
    applicantId: kase.applicantId,
    applicantName: names.get(kase.applicantId) ?? null,
    assigneeId: kase.assigneeId ?? null,
    assigneeName: kase.assigneeId ? (names.get(kase.assigneeId) ?? null) : null,
    channel: kase.channel ?? 'online',
    registeredBy: kase.registeredBy ?? null,
    verificationCode: kase.verificationCode ?? null,
    dueState: dueStateOf(kase, services.now().toISOString()),
    status: kase.status,
    step: kase.step,
    stepTitle: step ? textOf(step.title) : kase.step,
    stage: step?.stage ?? null,
    version: kase.version,
    dueAt: nextDueAt(kase),
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
    data: personal.data,
    masked: personal.masked,
    warnings: dataWarnings(bundle, kase),
    reviewFlags: kase.reviewFlags ?? [],
    fields: personal.fields,
    evaluations: kase.evaluations,
    evaluation: await evaluationOf(services, kase),
    materials: checklist.materials.map((m) => ({
      key: m.key,
      name: m.material.name,
      isRequired: m.isRequired,
      status: m.status,
      reason: m.reason ?? null,
      files: (kase.materials[m.key]?.files ?? []).map((f) => ({ id: f.id, name: f.name, size: f.size, mediaType: f.mediaType })),
    })),
    actions: actionsFor(actor, kase, bundle),
  });
}
