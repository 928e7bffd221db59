/** Free text a person must write (a question, an answer, a visit note): trimmed, not blank. */
import { Failure } from '../http/failure.js';

/** The trimmed text; blank text fails with `code`, a problem at `path` naming `what` in Chinese. */
export function requiredText(value: string | undefined, problem: { path: string; code: string; what: string }): string {
  const text = (value ?? '').trim();
  if (text === '') {
    throw new Failure(problem.code, `${problem.what}不能为空。`, [{ code: problem.code, path: problem.path, message: `请填写${problem.what}。` }]);
  }
  return text;
}
