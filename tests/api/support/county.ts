/**
 * A county platform below the demo city 绵阳 (涪城区), with one staff member: its Platform
 * definition is 绵阳's document re-identified, imported the way seed-demo does it. The county
 * sees its own cases only, though it sits in 绵阳's lineage.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../../server/cli/seed-demo.js';
import { importDefinitions } from '../../../server/operations/import-definitions.js';
import { hashPassword } from '../../../server/operations/passwords.js';
import { definitionsDir } from '../../../server/paths.js';
import type { Services } from '../../../server/services.js';
import { insertPlatform } from '../../../storage/platforms.js';
import { insertUser } from '../../../storage/users.js';

export const COUNTY = 'mianyang-fucheng';

/** Adds 涪城区 below 绵阳 and its staff member `county-staff` (password DEMO_PASSWORD). */
export async function addCounty(services: Services): Promise<void> {
  const mianyang = JSON.parse(await readFile(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8')) as Record<string, unknown>;
  const title = '四川省（绵阳涪城）知识产权公共服务工作站';
  const doc = { ...mianyang, id: COUNTY, title, level: 'county', parent: 'mianyang', region: { code: '510703', name: '涪城区' } };
  const at = services.now().toISOString();
  await insertPlatform(services.db.knex, { id: COUNTY, parentId: 'mianyang', level: 'county', title, body: doc, createdAt: at });
  await importDefinitions(services, { platformId: COUNTY, files: [{ file: `memory/${COUNTY}/platform.json`, doc }], by: 'test' });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertUser(services.db.knex, { id: 'test-county-staff', platformId: COUNTY, username: 'county-staff', displayName: '涪城区窗口工作人员（测试）', roles: ['staff'], passwordHash, createdAt: at });
}
