/**
 * Revealing one masked value of a case (goal F1): staff of the case's platform see a plain ID
 * number or phone when they give a reason; the router's audit record carries the path and the
 * reason (never the value). A case of another platform answers 404 like a missing one.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { isPersonalValue } from '../../engine/forms/personal-values.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { visibleCase } from './case-access.js';

export interface RevealRequest {
  /** JSON Pointer of a masked value, as the case view lists it in `masked` (`/data/agentIdNumber`). */
  path: string;
  /** Why the plain value is needed; at least 2 characters. */
  reason: string;
}

/** The value at a JSON Pointer of `root`, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The plain value at `path` of a case the actor may see; throws a problem naming the field otherwise. */
export async function revealCaseValue(services: Services, actor: Actor, caseId: string, request: RevealRequest): Promise<{ path: string; value: string }> {
  const kase = await visibleCase(services, actor, caseId);
  const reason = request.reason.trim();
  if (reason.length < 2) {
    throw Failure.fromProblems([{ code: 'reveal.reason-required', path: '/reason', message: '请填写查看完整信息的理由（至少 2 个字），例如“核对申请人身份”。Give the reason for seeing the full value (at least 2 characters).' }]);
  }
  const isCaseValue = request.path.startsWith('/data/') || request.path.startsWith('/fields/');
  const value = isCaseValue ? valueAt(kase, request.path) : undefined;
  if (typeof value !== 'string' || !isPersonalValue(value)) {
    throw Failure.fromProblems([
      {
        code: 'reveal.not-masked',
        path: '/path',
        message: `“${request.path}”处没有被遮盖的身份证号或手机号；请使用办件 masked 列表中的路径。There is no masked value at "${request.path}"; use a path from the case's "masked" list.`,
      },
    ]);
  }
  return { path: request.path, value };
}
