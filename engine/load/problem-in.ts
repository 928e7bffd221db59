import type { Problem } from '../problem.js';
import { pointer } from '../problem.js';

/** What a semantic check found, before it is tied to a file. */
export interface Finding {
  code: string;
  /** JSON Pointer tokens into the document. */
  at: Array<string | number>;
  message: string;
  suggestion?: string;
}

/** A Problem about the document that came from `source.file`. */
export function problemIn(source: { file?: string }, finding: Finding): Problem {
  return {
    code: finding.code,
    path: pointer(...finding.at),
    message: finding.message,
    ...(source.file === undefined ? {} : { file: source.file }),
    ...(finding.suggestion === undefined ? {} : { suggestion: finding.suggestion }),
  };
}
