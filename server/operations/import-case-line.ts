/**
 * One line of a case-register import (办件台账, docs/import.md): its shape, the checks that need
 * no database (item published on the platform, step of its workflow, form data, dates, status),
 * and the case it becomes. Problems point at `/line/N/field`.
 */
import { createHash } from 'node:crypto';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import { checkFormData } from '../../engine/runtime/form-data.js';
import { pinsOf } from '../../engine/runtime/create.js';
import { caseQueue } from '../../engine/runtime/queue.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Case, CaseStatus } from '../../engine/runtime/case.js';
import type { CaseEvent } from '../../engine/runtime/decision.js';
import type { Problem } from '../../engine/problem.js';
import type { NewCase } from '../../storage/cases.js';
import type { CounterApplicant } from './counter-applicant.js';
import { caseFacts } from './statistics/case-facts.js';

/** A line as the old system's register gives it. */
export interface ImportLine {
  itemId: string;
  /** The case number the old system gave; absent: a new number is drawn (see docs/import.md). */
  number?: string;
  applicant: CounterApplicant;
  /** The step of the item's workflow the case is in; a final step ends it. */
  step: string;
  /** Optional: must agree with the step (open, or the final step's outcome). */
  status?: CaseStatus;
  submittedAt: string;
  /** When the case ended; required exactly when the step is final. */
  decidedAt?: string;
  /** Username of the staff member the case is assigned to. */
  assignee?: string;
  data: Record<string, unknown>;
  /** Values the workflow's effects set (e.g. `result`). */
  fields?: Record<string, unknown>;
}

/** A line that passed the checks that need no database. */
export interface CheckedLine {
  line: number;
  value: ImportLine;
  status: CaseStatus;
  /** sha256 of the line's text: the same line imported again is recognised by it. */
  digest: string;
  /** The id the case gets: the same for the same number (or, without one, the same line on the platform). */
  caseId: string;
}

const FIELDS = new Set(['itemId', 'number', 'applicant', 'step', 'status', 'submittedAt', 'decidedAt', 'assignee', 'data', 'fields']);
const NUMBER = /^[0-9A-Za-z_-]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const problem = (line: number, field: string, code: string, message: string): Problem => ({ path: `/line/${line}${field ? `/${field}` : ''}`, code, message });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The line's JSON with its shape checked: the fields, their types, instants. */
export function parseLine(text: string, line: number): { value?: ImportLine; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [problem(line, '', 'import.line-not-json', `Line ${line} is not one JSON object: ${(error as Error).message}.`)] };
  }
  if (!isObject(raw)) return { problems: [problem(line, '', 'import.line-not-object', `Line ${line} must be one JSON object ({"itemId": …}), one case per line.`)] };
  const problems: Problem[] = Object.keys(raw)
    .filter((key) => !FIELDS.has(key))
    .map((key) => problem(line, key, 'import.field-unknown', `Line ${line} has an unknown field "${key}"; the fields are ${[...FIELDS].join(', ')}.`));
  const need = (field: string, ok: boolean, what: string) => {
    if (!ok) problems.push(problem(line, field, 'import.field-invalid', `Line ${line}: "${field}" must be ${what}.`));
  };
  const text_ = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  need('itemId', text_(raw.itemId), 'the id of a service item of the platform');
  need('step', text_(raw.step), 'the name of a step of the item\'s workflow');
  need('applicant', isObject(raw.applicant) && typeof raw.applicant.name === 'string' && typeof raw.applicant.phone === 'string' && (raw.applicant.idNumber === undefined || typeof raw.applicant.idNumber === 'string'), 'an object { "name", "phone", "idNumber"? } of strings');
  need('data', isObject(raw.data), 'the form data, an object');
  if (raw.number !== undefined) need('number', typeof raw.number === 'string' && NUMBER.test(raw.number), 'letters, digits, "-" or "_", at most 64 characters');
  if (raw.status !== undefined) need('status', ['open', 'completed', 'rejected', 'withdrawn'].includes(raw.status as string), 'open, completed, rejected or withdrawn');
  if (raw.assignee !== undefined) need('assignee', text_(raw.assignee), 'the username of a staff member');
  if (raw.fields !== undefined) need('fields', isObject(raw.fields), 'an object');
  for (const field of ['submittedAt', 'decidedAt']) {
    const v = raw[field];
    if (field === 'decidedAt' && v === undefined) continue;
    need(field, typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)), 'an instant with its offset, e.g. 2024-03-01T09:30:00+08:00');
  }
  return problems.length > 0 ? { problems } : { value: raw as unknown as ImportLine, problems };
}

/** Checks a parsed line against the item's bundle (undefined: not published on the platform) as of `now`. */
export function checkLine(input: { value: ImportLine; line: number; text: string; platformId: string; bundle: Bundle | undefined; now: string }): { checked?: CheckedLine; problems: Problem[] } {
  const { value, line, bundle } = input;
  if (!bundle) return { problems: [problem(line, 'itemId', 'import.item-unknown', `Line ${line}: service item "${value.itemId}" has no published version on this platform; publish it first or correct the id.`)] };
  const problems: Problem[] = [];
  const step = bundle.workflow.steps[value.step];
  const status: CaseStatus = step?.isFinal ? step.outcome ?? 'completed' : 'open';
  if (!step) {
    problems.push(problem(line, 'step', 'import.step-unknown', `Line ${line}: workflow "${bundle.workflow.id}" has no step "${value.step}"; its steps are ${Object.keys(bundle.workflow.steps).join(', ')}.`));
  } else if (value.status !== undefined && value.status !== status) {
    problems.push(problem(line, 'status', 'import.status-mismatch', `Line ${line}: status "${value.status}" does not match step "${value.step}", where a case is ${status}.`));
  }
  const submitted = Date.parse(value.submittedAt);
  if (submitted > Date.parse(input.now)) problems.push(problem(line, 'submittedAt', 'import.date-future', `Line ${line}: submittedAt ${value.submittedAt} is in the future.`));
  if (step?.isFinal && value.decidedAt === undefined) problems.push(problem(line, 'decidedAt', 'import.date-missing', `Line ${line}: the case ended (step "${value.step}"), so give decidedAt.`));
  if (step && !step.isFinal && value.decidedAt !== undefined) problems.push(problem(line, 'decidedAt', 'import.date-unexpected', `Line ${line}: the case is still open (step "${value.step}"); leave decidedAt out.`));
  if (value.decidedAt !== undefined) {
    const decided = Date.parse(value.decidedAt);
    if (decided < submitted) problems.push(problem(line, 'decidedAt', 'import.date-order', `Line ${line}: decidedAt ${value.decidedAt} is before submittedAt ${value.submittedAt}.`));
    if (decided > Date.parse(input.now)) problems.push(problem(line, 'decidedAt', 'import.date-future', `Line ${line}: decidedAt ${value.decidedAt} is in the future.`));
  }
  // The form as it stood on the day the case was submitted (dates relative to "today" judge then).
  for (const p of checkFormData({ form: bundle.form, data: value.data, now: new Date(Math.min(submitted, Date.parse(input.now))).toISOString() })) {
    problems.push({ ...p, path: `/line/${line}${p.path}` });
  }
  if (problems.length > 0) return { problems };
  return { checked: identify({ ...input, bundle }), problems };
}

/** A line already checked, with its status, digest and case id (no form validation: the write pass). */
export function identify(input: { value: ImportLine; line: number; text: string; platformId: string; bundle: Bundle }): CheckedLine {
  const step = input.bundle.workflow.steps[input.value.step];
  const status: CaseStatus = step?.isFinal ? step.outcome ?? 'completed' : 'open';
  const digest = createHash('sha256').update(input.text).digest('hex');
  return { line: input.line, value: input.value, status, digest, caseId: importedCaseId(input.platformId, input.value.number, digest) };
}

/**
 * The id of an imported case: from its number, which is unique across the deployment (so an old
 * register's ascending numbers give ascending ids, and the id indexes grow at their end instead
 * of at random pages: several times fewer pages written per transaction at a million cases);
 * from the platform and the line's digest when there is no number, or it is too long for the id.
 */
export function importedCaseId(platformId: string, number: string | undefined, digest: string): string {
  if (number !== undefined && number.length <= 60) return `imp-${number}`;
  const key = number === undefined ? `line:${digest}` : `number:${number}`;
  return `imp-${createHash('sha256').update(`${platformId}\n${key}`).digest('hex').slice(0, 40)}`;
}

/** Who and what the import resolved for a checked line. */
export interface LineContext {
  bundle: Bundle;
  /** The platform's working-day calendar: the case's handling time is stored with its statistics facts. */
  calendar: WorkingCalendar;
  platformId: string;
  number: string;
  applicantId: string;
  assigneeId?: string;
  verificationCode: string;
  /** Who imports (user id or "cli"), the source file's name, and when. */
  by: string;
  source: string;
  now: string;
}

/** The case a checked line becomes, its inbox queue and statistics facts, and its one `case.imported` event. */
export function importedCase(checked: CheckedLine, context: LineContext): NewCase {
  const { value } = checked;
  const submittedAt = new Date(value.submittedAt).toISOString();
  const decidedAt = value.decidedAt === undefined ? undefined : new Date(value.decidedAt).toISOString();
  const kase: Case = {
    id: checked.caseId,
    number: context.number,
    platformId: context.platformId,
    applicantId: context.applicantId,
    pins: pinsOf(context.bundle),
    step: value.step,
    status: checked.status,
    ...(context.assigneeId ? { assigneeId: context.assigneeId } : {}),
    data: value.data,
    // The old system's files and clocks do not come along: materials are empty and no time limit runs.
    materials: {},
    clocks: {},
    fields: value.fields ?? {},
    evaluations: [],
    channel: 'counter',
    verificationCode: context.verificationCode,
    version: 1,
    createdAt: submittedAt,
    updatedAt: decidedAt ?? submittedAt,
  };
  const event: CaseEvent = {
    type: 'case.imported',
    at: context.now,
    actorId: context.by,
    data: { source: context.source, line: checked.line, digest: checked.digest, submittedAt, ...(decidedAt ? { decidedAt } : {}), status: checked.status },
  };
  const { workflow } = context.bundle;
  return { kase, derived: { queue: caseQueue(kase, workflow), facts: caseFacts(kase, { workflow, calendar: context.calendar }) }, events: [event] };
}
