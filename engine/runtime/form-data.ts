/**
 * Form data is validated against the pinned form on create and on every replacement; the
 * problems point into the command (`/data/...`) and carry `form.` (or `identity.`) codes. Soft
 * rejects the actor confirmed (`confirmations`, pointers under `/data`) pass, and become the
 * case's review flags for staff.
 */
import { validateForm, type FormValidation } from '../forms/validate.js';
import type { Form } from '../kinds/form.js';
import type { Problem } from '../problem.js';
import type { ReviewFlag } from './case.js';
import { record, type Draft } from './draft.js';

/** Command paths (`/data/x`) as paths into the form data (`/x`). */
function dataPaths(confirmations: readonly string[] | undefined): string[] {
  return (confirmations ?? []).filter((p) => p === '/data' || p.startsWith('/data/')).map((p) => p.slice('/data'.length));
}

type FormDataCheck = { form: Form; data: unknown; now: string; confirmations?: readonly string[] };

/** Problems with form data as of `now`, with paths under `/data`; confirmed soft rejects are not problems. */
export function checkFormData(args: FormDataCheck): Problem[] {
  return checkedFormData(args).problems;
}

/** {@link checkFormData} with the soft rejects found in the data, for {@link flagConfirmedData}. */
export function checkedFormData(args: FormDataCheck): FormValidation {
  const checked = validateForm(args.form, args.data, { now: args.now, confirmations: dataPaths(args.confirmations) });
  const problems = checked.problems.map((problem) => ({
    ...problem,
    // validateForm points into the data itself; the command holds it under "data".
    path: `/data${problem.path}`,
    code: /^(form|identity)\./.test(problem.code) ? problem.code : `form.${problem.code}`,
  }));
  return { problems, confirmable: checked.confirmable };
}

/**
 * Sets the case's review flags for the data it now holds (the soft rejects that were confirmed,
 * since unconfirmed ones were refused) and records `form.confirmed` when there are any. Call
 * after the data was checked ({@link checkedFormData} gives `confirmable`) and stored on the draft.
 */
export function flagConfirmedData(draft: Draft, confirmable: readonly Problem[]): void {
  const flags: ReviewFlag[] = confirmable.map((finding) => ({
    path: `/data${finding.path}`,
    code: finding.code,
    message: finding.message,
    confirmedBy: draft.actorId ?? 'system',
    at: draft.context.now,
  }));
  if (flags.length === 0) {
    delete draft.case.reviewFlags;
    return;
  }
  draft.case.reviewFlags = flags;
  record(draft, 'form.confirmed', { flags: flags.map((f) => ({ path: f.path, code: f.code })) });
}
