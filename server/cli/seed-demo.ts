/**
 * The demo of `make run`: the province library on the Sichuan province platform, the demo city
 * platform 绵阳, and demo accounts (marked demo: refused in production mode). Running it again
 * changes nothing.
 */
import { join } from 'node:path';
import type { Platform } from '../../engine/kinds/platform.js';
import type { Role } from '../../engine/kinds/workflow.js';
import { textOf } from '../../engine/text.js';
import { getPlatform, insertPlatform } from '../../storage/platforms.js';
import { findUserByUsername, insertUser } from '../../storage/users.js';
import { readDefinitionFiles, type DefinitionFile } from '../definition-files.js';
import { importDefinitions, type ImportProgress } from '../operations/import-definitions.js';
import { hashPassword } from '../operations/passwords.js';
import { definitionsDir } from '../paths.js';
import type { Services } from '../services.js';

/** Shared by every demo account; demo accounts cannot sign in when NODE_ENV=production. */
export const DEMO_PASSWORD = 'Demo@2026';

export const demoUsers: Array<{ username: string; displayName: string; platformId: string; roles: Role[]; phone?: string; email?: string }> = [
  { username: 'province', displayName: '省平台管理员（演示）', platformId: 'sichuan-province', roles: ['province-admin'] },
  { username: 'admin', displayName: '绵阳平台管理员（演示）', platformId: 'mianyang', roles: ['platform-admin'], email: 'admin@example.com' },
  { username: 'staff1', displayName: '窗口工作人员王敏（演示）', platformId: 'mianyang', roles: ['staff'], email: 'staff1@example.com' },
  { username: 'staff2', displayName: '窗口工作人员李强（演示）', platformId: 'mianyang', roles: ['staff'], email: 'staff2@example.com' },
  { username: 'auditor', displayName: '监督员（演示）', platformId: 'mianyang', roles: ['auditor'] },
  { username: 'zhangsan', displayName: '张三（演示申请人）', platformId: 'mianyang', roles: ['applicant'], phone: '13800138000', email: 'zhangsan@example.com' },
  { username: 'lisi', displayName: '李四（演示申请人）', platformId: 'mianyang', roles: ['applicant'], phone: '13900139000' },
  // The 建设主体 applying to the province for a new platform (the construction application).
  { username: 'jianshe', displayName: '建设主体申请人（演示）', platformId: 'sichuan-province', roles: ['applicant'], phone: '13700137000' },
];

/** Creates the platform of a Platform document unless it exists. */
export async function ensurePlatform(services: Services, doc: Platform): Promise<void> {
  if (await getPlatform(services.db.knex, doc.id)) return;
  await insertPlatform(services.db.knex, {
    id: doc.id,
    parentId: doc.parent ?? null,
    level: doc.level,
    title: textOf(doc.title),
    body: doc as unknown as Record<string, unknown>,
    createdAt: services.now().toISOString(),
  });
}

function platformsIn(files: DefinitionFile[]): Platform[] {
  return files.map((f) => f.doc as { kind?: string }).filter((d): d is Platform => d.kind === 'Platform');
}

async function loadSet(services: Services, dir: string, platformId: string, report: Reporter): Promise<void> {
  const { files, errors } = await readDefinitionFiles([dir]);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  for (const platform of platformsIn(files)) await ensurePlatform(services, platform);
  const published = await importDefinitions(services, { platformId, files, by: 'seed-demo', onProgress: report.progress });
  report.log(`${platformId}: ${files.length} definitions, ${published.length} newly published`);
}

/** Where seeding reports: progress of long loads, and one line per finished step. */
export interface Reporter {
  progress: (p: ImportProgress) => void;
  log: (line: string) => void;
}

export const silentReporter: Reporter = { progress: () => undefined, log: () => undefined };

export async function seedDemo(services: Services, report: Reporter): Promise<void> {
  await loadSet(services, join(definitionsDir, 'province'), 'sichuan-province', report);
  await loadSet(services, join(definitionsDir, 'demo', 'mianyang'), 'mianyang', report);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of demoUsers) {
    if (await findUserByUsername(services.db.knex, user.username)) continue;
    await insertUser(services.db.knex, { id: `demo-${user.username}`, ...user, passwordHash, isDemo: true, createdAt: services.now().toISOString() });
  }
  report.log(`${demoUsers.length} demo accounts ready (password ${DEMO_PASSWORD})`);
}

/** The demo logins as a table for the console, or a note when there are none. */
export async function demoLogins(services: Services): Promise<string> {
  const lines = [];
  for (const user of demoUsers) {
    const stored = await findUserByUsername(services.db.knex, user.username);
    if (stored?.isDemo) lines.push(`  ${user.username.padEnd(10)} ${user.roles.join(',').padEnd(16)} ${user.platformId.padEnd(18)} ${user.displayName}`);
  }
  if (lines.length === 0) return 'No demo accounts (run `ipsp seed-demo` to add them).';
  return [`Demo logins (password ${DEMO_PASSWORD}, demo data, refused in production):`, ...lines].join('\n');
}
