/**
 * The one error type operations throw. It carries a stable code and problems, never an HTTP
 * status: http/problem-response.ts is the only place that turns codes into statuses.
 */
import type { Problem } from '../../engine/problem.js';

export class Failure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Failure';
  }

  /** A failure from engine problems: the first problem's code leads. */
  static fromProblems(problems: Problem[], message?: string): Failure {
    const first = problems[0];
    return new Failure(first?.code ?? 'invalid', message ?? first?.message ?? 'Invalid request', problems);
  }

  static notFound(what: string, id: string): Failure {
    return new Failure('not-found', `${what} "${id}" was not found.`);
  }
}
