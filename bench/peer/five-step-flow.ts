/**
 * The peer benchmark, our side: cases of the shipped item 知识产权政策咨询 (workflow
 * `standard-service`) taken by five human commands through the five stages of 附录E to the
 * end, each command one persisted transaction through the same operations the routes call.
 *
 * | # | who       | command                          | stage after it                        |
 * |---|-----------|----------------------------------|---------------------------------------|
 * | 1 | applicant | start + submit with materials    | 服务咨询 → (check) → 申请受理            |
 * | 2 | staff     | accept                           | 服务实施                              |
 * | 3 | staff     | progress (记录进度节点)           | 服务实施                              |
 * | 4 | staff     | complete (办结)                   | 结果反馈 (notices) → 质量监督           |
 * | 5 | applicant | evaluate (好差评, level 5)        | closed                                |
 *
 * 结果反馈 has no human action in the shipped workflow (it notifies and moves on), so the fifth
 * human step is the progress note every 服务实施 records; the case still crosses all five stages.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Case, FileRef } from '../../engine/runtime/case.js';
import { actOnCase, startCase } from '../../server/operations/cases.js';
import type { Services } from '../../server/services.js';
import { consultationData } from '../../tests/fixtures/form-data.js';

/** The shipped item every case is of; its workflow is `standard-service`. */
export const flowItemId = 'ip-policy-consulting';

/** The five human steps, in order, as the report names them. */
export const flowSteps = ['start + submit', 'accept', 'progress', 'complete', 'evaluate'] as const;

const applicant: Actor = { id: 'demo-zhangsan', roles: ['applicant'], platformId: 'mianyang', name: '张三' };
const staff: Actor = { id: 'demo-staff1', roles: ['staff'], platformId: 'mianyang', name: '王敏' };

/**
 * The required materials of the item's checklist as already-stored uploads, as the upload
 * route hands them to `startCase` (the bytes themselves are not part of the flow measured).
 */
function materials(): Record<string, FileRef[]> {
  const file = (name: string): FileRef[] => [{ id: randomUUID(), name, size: 20_480, sha256: 'a'.repeat(64), mediaType: 'application/pdf' }];
  return { applicationForm: file('申请表.pdf'), identity: file('营业执照.pdf') };
}

/**
 * Takes one new case through the five human steps; answers the closed case.
 *
 * @example const closed = await runFiveSteps(services); closed.status // 'completed'
 */
export async function runFiveSteps(services: Services): Promise<Case> {
  let kase = await startCase(services, applicant, { itemId: flowItemId, data: consultationData(), files: materials() });
  const act = async (actor: Actor, action: string, payload?: Record<string, unknown>) => {
    kase = await actOnCase(services, actor, kase.id, { action, version: kase.version, ...(payload ? { payload } : {}) });
  };
  await act(staff, 'accept');
  await act(staff, 'progress', { note: '已解答申请人关于资助政策的问题' });
  await act(staff, 'complete', { result: '已书面答复咨询事项' });
  await act(applicant, 'evaluate', { level: 5 });
  return kase;
}

/** Cases of the flow's item by status, as stored: how the benchmark proves every case closed. */
export async function storedStatuses(services: Services): Promise<Record<string, number>> {
  const rows = await services.db.knex('cases').where({ item_id: flowItemId }).select('status').count({ n: '*' }).groupBy('status');
  return Object.fromEntries(rows.map((row: Record<string, unknown>) => [String(row.status), Number(row.n)]));
}
