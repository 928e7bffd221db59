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

async function deyangPlatformDocument(): Promise<Record<string, unknown>> {
  const text = await readFile(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8');
  const mianyang = JSON.parse(text) as Record<string, unknown>;
  return {
    ...mianyang,
    id: DEYANG,
    title: '四川省（德阳）知识产权公共服务平台',
    region: { code: '510600', name: '德阳' },
    organization: { name: '德阳市知识产权公共服务平台建设主体（示例）', uscc: '12510600MB0000005X' },
  };
}

/** Adds the platform 德阳 (a child of the province, like 绵阳) and its three accounts. */
export async function addDeyang(services: Services): Promise<void> {
  const doc = await deyangPlatformDocument();
  const at = services.now().toISOString();
  await insertPlatform(services.db.knex, {
    id: DEYANG,
    parentId: doc.parent as string,
    level: doc.level as string,
    title: doc.title as string,
    body: doc,
    createdAt: at,
  });
  await importDefinitions(services, { platformId: DEYANG, files: [{ file: 'memory/deyang/platform.json', doc }], by: 'test' });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of deyangUsers) {
    await insertUser(services.db.knex, { id: `test-${user.username}`, platformId: DEYANG, ...user, passwordHash, createdAt: at });
  }
}
