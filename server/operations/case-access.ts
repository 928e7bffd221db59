/**
 * Who may see a case. A case outside the caller's platform, or another applicant's case,
 * answers exactly like a missing one (404), so ids cannot be probed across platforms.
 */
import type { Actor, Case } from '../../engine/runtime/case.js';
import { getCase } from '../../storage/cases.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';

const platformRoles = new Set(['staff', 'platform-admin', 'province-admin', 'auditor']);

export function isStaffLike(actor: Actor): boolean {
  return actor.roles.some((role) => platformRoles.has(role));
}

export function canSeeCase(actor: Actor, kase: Case): boolean {
  if (kase.platformId !== actor.platformId) return false;
  return isStaffLike(actor) || kase.applicantId === actor.id;
}

/** The case if the actor may see it; otherwise the same not-found a missing case gives. */
export async function visibleCase(services: Services, actor: Actor, caseId: string): Promise<Case> {
  const kase = await getCase(services.db.knex, caseId);
  if (!kase || !canSeeCase(actor, kase)) throw Failure.notFound('Case', caseId);
  return kase;
}
