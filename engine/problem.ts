/**
 * Problems are how the engine says no: a list, each with a JSON Pointer into the document it
 * is about, a stable code, and a message that names the thing and the fix. They never carry
 * HTTP statuses; exactly one place in server/ maps codes to statuses.
 */
export interface Problem {
  /** Stable machine code, e.g. "workflow.action.target-unknown". */
  code: string;
  /** JSON Pointer (RFC 6901) to the offending value, "" for the whole document. */
  path: string;
  /** A sentence a person can act on. */
  message: string;
  /** The file the document came from, when it came from one. */
  file?: string;
  /** A suggested replacement, when one is known ("did you mean"). */
  suggestion?: string;
}

/** The result of an operation that may fail with problems. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** Escapes one reference token of a JSON Pointer (RFC 6901 §3). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins tokens into a JSON Pointer: pointer('steps', 'accept') === '/steps/accept'. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join('');
}

/** Raised for a problem the caller could not have prevented by validation: a bug or a broken invariant. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
