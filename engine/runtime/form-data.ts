/**
 * Form data is validated against the pinned form on create and on every replacement; the
 * problems point into the command (`/data/...`) and carry `form.` (or `identity.`) codes. Soft
 * rejects the actor confirmed (`confirmations`, pointers under `/data`) pass, and become the
 * case's review flags for staff.
 */
import { unconfirmed, validateFormData } from '../forms/validate.js';
import type { Form } from '../kinds/form.js';
import type { Problem } from '../problem.js';
import type { ReviewFlag } from './case.js';
import { record, type Draft } from './draft.js';

/** Command paths (`/data/x`) as paths into the form data (`/x`). */
function dataPaths(confirmations: readonly string[] | undefined): string[] {
  return (confirmations ?? []).filter((p) => p === '/data' || p.startsWith('/data/')).map((p) => p.slice('/data'.length));
}

/** Problems with form data as of `now`, with paths under `/data`; confirmed soft rejects are not problems. */
export function checkFormData(args: { form: Form; data: unknown; now: string; confirmations?: readonly string[] }): Problem[] {
  return validateFormData(args.form, args.data, { now: args.now, confirmations: dataPaths(args.confirmations) }).map((problem) => ({
    ...problem,
    // validateFormData points into the data itself; the command holds it under "data".
    path: `/data${problem.path}`,
    code: /^(form|identity)\./.test(problem.code) ? problem.code : `form.${problem.code}`,
  }));
}

/**
 * Sets the case's review flags for the data it now holds (the soft rejects that were confirmed,
 * since unconfirmed ones were refused) and records `form.confirmed` when there are any. Call
 * after the data was checked and stored on the draft.
 */
export function flagConfirmedData(draft: Draft, form: Form): void {
  const flags: ReviewFlag[] = unconfirmed(form, draft.case.data).map((finding) => ({
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
