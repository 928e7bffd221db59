/**
 * Who knocks on 绵阳's objects in the isolation matrix: the three 德阳 accounts, the province
 * admin (no grant over 绵阳's cases), lisi (a 绵阳 applicant, facing zhangsan's objects), a
 * 绵阳 account holding no role (no membership), a 绵阳 staff member disabled after signing in,
 * and someone who never signed in. Staff of 绵阳 itself are not callers here: reaching 绵阳's
 * cases is their job, which the service-flow tests cover.
 */
import type { Role } from '../../../engine/kinds/workflow.js';
import type { Access } from '../../../server/http/route.js';
import { ApiClient } from '../../support/api-client.js';
import { DEMO_PASSWORD } from '../../../server/cli/seed-demo.js';
import { hashPassword } from '../../../server/operations/passwords.js';
import type { Services } from '../../../server/services.js';
import { insertUser, setUserDisabled } from '../../../storage/users.js';
import type { TestServer } from '../../support/test-server.js';
import { MIANYANG } from './mianyang-objects.js';

export interface Caller {
  name: string;
  /** Undefined for the anonymous caller. */
  username?: string;
  userId?: string;
  roles: Role[];
  platformId?: string;
  /** Signed in while enabled, then disabled: its session must count for nothing. */
  isDisabled?: boolean;
}

export const callers: Caller[] = [
  { name: 'a 德阳 applicant', username: 'deyang-applicant', userId: 'test-deyang-applicant', roles: ['applicant'], platformId: 'deyang' },
  { name: '德阳 staff', username: 'deyang-staff', userId: 'test-deyang-staff', roles: ['staff'], platformId: 'deyang' },
  { name: 'the 德阳 platform admin', username: 'deyang-admin', userId: 'test-deyang-admin', roles: ['platform-admin'], platformId: 'deyang' },
  { name: 'the province admin (not granted)', username: 'province', userId: 'demo-province', roles: ['province-admin'], platformId: 'sichuan-province' },
  { name: 'lisi, another 绵阳 applicant', username: 'lisi', userId: 'demo-lisi', roles: ['applicant'], platformId: 'mianyang' },
  { name: 'a 绵阳 account with no roles (no membership)', username: 'mianyang-roleless', userId: 'test-mianyang-roleless', roles: [], platformId: 'mianyang' },
  { name: 'a disabled 绵阳 staff member', username: 'mianyang-disabled', userId: 'test-mianyang-disabled', roles: ['staff'], platformId: 'mianyang', isDisabled: true },
  { name: 'an anonymous caller', roles: [] },
];

/** The 绵阳 accounts among the callers that the demo data does not have. */
export async function addCallerAccounts(services: Services): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = services.now().toISOString();
  for (const caller of callers.filter((c) => c.userId?.startsWith('test-mianyang-'))) {
    const username = caller.username as string;
    await insertUser(services.db.knex, { id: caller.userId as string, username, displayName: `${username}（测试）`, platformId: MIANYANG, roles: caller.roles, passwordHash, createdAt });
  }
}

/** A new client for the caller: signed in, or anonymous. */
export async function clientFor(server: TestServer, caller: Caller): Promise<ApiClient> {
  if (!caller.username) return new ApiClient(server.url);
  if (!caller.isDisabled) return server.client(caller.username);
  await setUserDisabled(server.services.db.knex, { id: caller.userId as string, isDisabled: false });
  const client = await server.client(caller.username);
  await setUserDisabled(server.services.db.knex, { id: caller.userId as string, isDisabled: true });
  return client;
}

/** 401 for anonymous callers of non-public routes, 403 for a role the route does not allow, else undefined. */
export function denialFor(access: Access, caller: Caller): 401 | 403 | undefined {
  if (access === 'public') return undefined;
  if (caller.username === undefined || caller.isDisabled) return 401;
  if (access === 'signedIn') return undefined;
  return access.some((role) => caller.roles.includes(role)) ? undefined : 403;
}
