/**
 * A second city platform, 德阳, next to the demo city 绵阳: its Platform definition is the
 * demo 绵阳 document re-identified, inserted and imported the way seed-demo does it, with its
 * own platform admin, staff member and applicant.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../../engine/kinds/workflow.js';
import { DEMO_PASSWORD } from '../../../server/cli/seed-demo.js';
import { importDefinitions } from '../../../server/operations/import-definitions.js';
import { hashPassword } from '../../../server/operations/passwords.js';
import { definitionsDir } from '../../../server/paths.js';
import type { Services } from '../../../server/services.js';
import { insertPlatform } from '../../../storage/platforms.js';
import { insertUser } from '../../../storage/users.js';

export const DEYANG = 'deyang';

/** The 德阳 accounts; they sign in with DEMO_PASSWORD. */
export const deyangUsers: Array<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'deyang-admin', displayName: '德阳平台管理员（测试）', roles: ['platform-admin'] },
  { username: 'deyang-staff', displayName: '德阳窗口工作人员（测试）', roles: ['staff'] },
  { username: 'deyang-applicant', displayName: '德阳申请人（测试）', roles: ['applicant'] },
];

/** The demo 绵阳 Platform document re-identified by `changes` (id, title, region, level, parent …). */
async function platformLikeMianyang(changes: Record<string, unknown>): Promise<Record<string, unknown>> {
  const text = await readFile(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8');
  return { ...(JSON.parse(text) as Record<string, unknown>), ...changes };
}

/**
 * Adds a platform made from 绵阳's document with `changes`, inserted and imported the way
 * seed-demo does it, and its accounts (ids `test-<username>`, password DEMO_PASSWORD).
 */
export async function addPlatformLikeMianyang(services: Services, input: { changes: Record<string, unknown> & { id: string }; users: typeof deyangUsers }): Promise<void> {
  const doc = await platformLikeMianyang(input.changes);
  const at = services.now().toISOString();
  await insertPlatform(services.db.knex, {
    id: input.changes.id,
    parentId: doc.parent as string,
    level: doc.level as string,
    title: doc.title as string,
    body: doc,
    createdAt: at,
  });
  await importDefinitions(services, { platformId: input.changes.id, files: [{ file: `memory/${input.changes.id}/platform.json`, doc }], by: 'test' });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of input.users) {
    await insertUser(services.db.knex, { id: `test-${user.username}`, platformId: input.changes.id, ...user, passwordHash, createdAt: at });
  }
}

/** Adds the platform 德阳 (a child of the province, like 绵阳) and its three accounts. */
export async function addDeyang(services: Services): Promise<void> {
  await addPlatformLikeMianyang(services, {
    changes: {
      id: DEYANG,
      title: '四川省（德阳）知识产权公共服务平台',
      region: { code: '510600', name: '德阳' },
      organization: { name: '德阳市知识产权公共服务平台建设主体（示例）', uscc: '12510600MB0000005X' },
    },
    users: deyangUsers,
  });
}
