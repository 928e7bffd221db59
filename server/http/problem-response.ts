/**
 * The only place that maps error codes to HTTP statuses and writes application/problem+json
 * (RFC 9457). Unknown errors become a 500 that leaks nothing but a reference id.
 */
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../engine/problem.js';
import { ConflictError } from '../../storage/errors.js';

const statusByCode: Array<[RegExp, number]> = [
  [/^auth\.required$/, 401],
  [/^auth\.(forbidden|role)/, 403],
  // Signed in, but the password must be changed first (expired or one-time).
  [/^auth\.password-expired$/, 403],
  [/^csrf\.refused$/, 403],
  [/^auth\.(invalid-credentials|locked)/, 401],
  [/not-found$/, 404],
  // Nothing to upgrade: the platform has no localization of the inherited item.
  [/^definition\.not-adopted$/, 404],
  // The upgrade named a version that is no longer the latest above.
  [/^definition\.upgrade-stale$/, 409],
  [/^case\.version-conflict$/, 409],
  [/^case\.closed$/, 409],
  [/^definition\.no-drafts$/, 409],
  [/^request\./, 400],
  // A new password that breaks the rules, or a wrong current password when changing it.
  [/^password\./, 422],
  // Idempotency-Key: a request with the key still running (or committing) → 409; the key used for another request → 422.
  [/^idempotency\.(in-flight|recorded)$/, 409],
  [/^idempotency\./, 422],
  [/^payload\.too-large$|^material\.file-size$|^file\.too-large$/, 413],
  [/^case\.forbidden$/, 403],
  [/^federation\.no-source$|^key\.already-revoked$/, 409],
  [/^federation\.(unreachable|http-status|too-large|not-a-package)$/, 502],
  // A report's PDF needs Chromium on the server (missing, or it did not finish in time); its HTML version still works.
  [/^report\.pdf-(unavailable|timeout)$/, 503],
  [/^(package|key|federation)\./, 422],
  // What a case would run on is incomplete on this platform (e.g. its own Platform document was never
  // published): the request is fine, the platform's configuration is not.
  [/^bundle\./, 409],
  // The state changed under the caller (answered, replied to, closed by someone else): 409.
  [/^(consultation|evaluation|task)\.(already-|not-answered$|not-evaluated$)/, 409],
  // Feedback answered, or an improvement measure changed, by someone else meanwhile: 409.
  [/^feedback\.already-answered$|^improvement\.already-changed$/, 409],
  [/^(feedback|improvement)\./, 422],
  // The registry or an assessment changed under the caller: 409.
  [/^platform\.status-conflict$|^assessment\.already-/, 409],
  // Revealing a masked value without a reason, or at a path that holds none.
  [/^reveal\./, 422],
  [/^(shape|form|material|case|rule|workflow|template|checklist|item|list|platform|definition|calendar|adoption|consultation|evaluation|task|assessment|identity)\./, 422],
];

export function statusFor(code: string): number {
  for (const [pattern, status] of statusByCode) if (pattern.test(code)) return status;
  return 500;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  problems: Problem[];
  [extra: string]: unknown;
}

export function sendProblem(res: Response, error: unknown): void {
  const body = problemBody(error);
  if (body.status === 500) console.error(`[${body.reference as string}]`, error);
  res.status(body.status).type('application/problem+json').json(body);
}

function problemBody(error: unknown): ProblemBody {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const status = code === '' ? 500 : statusFor(code);
  if (status === 500) {
    const reference = randomUUID();
    return {
      type: 'about:blank',
      title: 'Internal Server Error',
      status,
      code: 'internal',
      detail: `服务器内部错误，请联系管理员并提供编号 ${reference}。`,
      problems: [],
      reference,
    };
  }
  const err = error as { message?: string; problems?: Problem[]; extra?: Record<string, unknown> };
  return {
    type: `https://ipsp.dev/problems/${code}`,
    title: code,
    status,
    code,
    detail: err.message ?? code,
    problems: err.problems ?? [],
    ...(err.extra ?? {}),
    // A conflict found on write (after the version check passed) tells the version it lost to, like the check does.
    ...(error instanceof ConflictError && error.currentVersion !== null ? { currentVersion: error.currentVersion } : {}),
  };
}
