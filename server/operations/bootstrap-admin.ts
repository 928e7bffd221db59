/**
 * The first province admin of a fresh install (goal C7): no account ships with a known
 * password; `ipsp bootstrap-admin` creates one with a random one-time password, printed once,
 * that works for one sign-in within 24 hours and must then be replaced.
 */
import { randomInt } from 'node:crypto';
import type { Platform } from '../../engine/kinds/platform.js';
import { getPlatform } from '../../storage/platforms.js';
import { setPassword } from '../../storage/passwords.js';
import { findUserByUsername, insertUser } from '../../storage/users.js';
import { ensurePlatform } from '../cli/seed-demo.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { hashPassword } from './passwords.js';
import { PASSWORD_HISTORY } from './password-rules.js';

/** How long a one-time password works. */
export const ONE_TIME_PASSWORD_HOURS = 24;

// No look-alikes (0/O, 1/l/I), so it can be read off a screen and typed.
const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+=@'];

/** 20 random characters with every class present: about 118 bits, far outside any list. */
export function oneTimePassword(length = 20): string {
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

export interface BootstrapInput {
  platformId: string;
  username: string;
  /** The Platform document to create the platform from when the database has none yet. */
  platformDocs: Platform[];
  /** Give an existing province admin a new one-time password (a lost first password). */
  isReset?: boolean;
}

export interface BootstrapResult {
  userId: string;
  password: string;
  expiresAt: string;
  isPlatformCreated: boolean;
}

/** Creates (or with `isReset`, re-keys) a province admin with a one-time password. */
export async function bootstrapAdmin(services: Services, input: BootstrapInput): Promise<BootstrapResult> {
  const { knex } = services.db;
  let isPlatformCreated = false;
  if (!(await getPlatform(knex, input.platformId))) {
    const doc = input.platformDocs.find((d) => d.id === input.platformId);
    if (!doc) throw new Failure('platform.not-found', `平台 "${input.platformId}" 不存在，定义目录中也没有这个 Platform 文档。Platform "${input.platformId}" is neither in the database nor among the given Platform documents.`);
    await ensurePlatform(services, doc);
    isPlatformCreated = true;
  }
  const platform = await getPlatform(knex, input.platformId);
  if (platform?.level !== 'province') throw new Failure('platform.not-province', `平台 "${input.platformId}" 不是省级平台。Platform "${input.platformId}" is not a province platform; the first admin belongs to the province.`);
  const existing = await findUserByUsername(knex, input.username);
  if (existing && !(input.isReset && existing.platformId === input.platformId && existing.roles.includes('province-admin'))) {
    throw new Failure('platform.admin-exists', `用户名 "${input.username}" 已存在。The username "${input.username}" exists; choose another, or pass --reset to give that province admin a new one-time password.`);
  }
  const now = services.now();
  const userId = existing?.id ?? `admin-${services.newId()}`;
  if (!existing) {
    await insertUser(knex, { id: userId, platformId: input.platformId, username: input.username, displayName: `${platform.title}管理员`, roles: ['province-admin'], createdAt: now.toISOString() });
  }
  const password = oneTimePassword();
  const expiresAt = new Date(now.getTime() + ONE_TIME_PASSWORD_HOURS * 3600_000).toISOString();
  // Not kept in the history: it is used up at the first sign-in and nothing of it may stay (F7).
  await setPassword(knex, { id: userId, passwordHash: await hashPassword(password), at: now.toISOString(), oneTime: { expiresAt }, keep: PASSWORD_HISTORY });
  return { userId, password, expiresAt, isPlatformCreated };
}
