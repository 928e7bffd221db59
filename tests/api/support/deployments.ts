/**
 * A second deployment for package and federation tests: a city deployment that knows the
 * province platform and 绵阳 as platform records, with 绵阳's admin, but none of the province's
 * definitions. And the helpers to change one byte of a package file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../../../engine/kinds/platform.js';
import { textOf } from '../../../engine/text.js';
import { DEMO_PASSWORD } from '../../../server/cli/seed-demo.js';
import { hashPassword } from '../../../server/operations/passwords.js';
import { definitionsDir } from '../../../server/paths.js';
import type { Database } from '../../../storage/database.js';
import { insertPlatform } from '../../../storage/platforms.js';
import { insertUser } from '../../../storage/users.js';

async function platformDoc(path: string): Promise<Platform> {
  return JSON.parse(await readFile(join(definitionsDir, path), 'utf8')) as Platform;
}

/** The platform records of the province and 绵阳 and 绵阳's admin (username `admin`, the demo password). */
export async function prepareCityDeployment(db: Database, at = '2026-09-01T00:00:00.000Z'): Promise<void> {
  for (const doc of [await platformDoc('province/platforms/sichuan-province.json'), await platformDoc('demo/mianyang/platform.json')]) {
    await insertPlatform(db.knex, { id: doc.id, parentId: doc.parent ?? null, level: doc.level, title: textOf(doc.title), body: doc as unknown as Record<string, unknown>, createdAt: at });
  }
  await insertUser(db.knex, {
    id: 'city-admin',
    platformId: 'mianyang',
    username: 'admin',
    displayName: '绵阳平台管理员（城市部署）',
    roles: ['platform-admin'],
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: at,
  });
}

/** The bytes with the one at `index` changed to `to` (default: its lowest bit flipped). */
export function withByte(bytes: Buffer, index: number, to?: number): Buffer {
  const changed = Buffer.from(bytes);
  changed[index] = to ?? ((bytes[index] as number) ^ 1);
  return changed;
}

/** The byte offset of the `nth` (0-based) occurrence of `needle` in the bytes, after `from`. */
export function offsetOf(bytes: Buffer, needle: string, from = 0): number {
  const index = bytes.indexOf(Buffer.from(needle, 'utf8'), from);
  if (index < 0) throw new Error(`"${needle}" is not in the package`);
  return index;
}
