/**
 * Form data is validated against the pinned form on create and on every replacement; the
 * problems point into the command (`/data/...`) and carry `form.` codes.
 */
import { validateFormData } from '../forms/validate.js';
import type { Form } from '../kinds/form.js';
import type { Problem } from '../problem.js';

/** Problems with form data as of `now`, with paths under `/data`. */
export function checkFormData(args: { form: Form; data: unknown; now: string }): Problem[] {
  return validateFormData(args.form, args.data, { now: args.now }).map((problem) => ({
    ...problem,
    // validateFormData points into the data itself; the command holds it under "data".
    path: `/data${problem.path}`,
    code: problem.code.startsWith('form.') ? problem.code : `form.${problem.code}`,
  }));
}
