/**
 * Who knocks on 绵阳's objects in the isolation matrix: the three 德阳 accounts, the province
 * admin (no grant over 绵阳's cases), lisi (a 绵阳 applicant, facing zhangsan's objects) and
 * someone who never signed in.
 */
import type { Role } from '../../../engine/kinds/workflow.js';
import type { Access } from '../../../server/http/route.js';
import { ApiClient } from '../../support/api-client.js';
import type { TestServer } from '../../support/test-server.js';

export interface Caller {
  name: string;
  /** Undefined for the anonymous caller. */
  username?: string;
  userId?: string;
  roles: Role[];
  platformId?: string;
}

export const callers: Caller[] = [
  { name: 'a 德阳 applicant', username: 'deyang-applicant', userId: 'test-deyang-applicant', roles: ['applicant'], platformId: 'deyang' },
  { name: '德阳 staff', username: 'deyang-staff', userId: 'test-deyang-staff', roles: ['staff'], platformId: 'deyang' },
  { name: 'the 德阳 platform admin', username: 'deyang-admin', userId: 'test-deyang-admin', roles: ['platform-admin'], platformId: 'deyang' },
  { name: 'the province admin (not granted)', username: 'province', userId: 'demo-province', roles: ['province-admin'], platformId: 'sichuan-province' },
  { name: 'lisi, another 绵阳 applicant', username: 'lisi', userId: 'demo-lisi', roles: ['applicant'], platformId: 'mianyang' },
  { name: 'an anonymous caller', roles: [] },
];

/** A new client for the caller: signed in, or anonymous. */
export async function clientFor(server: TestServer, caller: Caller): Promise<ApiClient> {
  return caller.username ? server.client(caller.username) : new ApiClient(server.url);
}

/** 401 for anonymous callers of non-public routes, 403 for a role the route does not allow, else undefined. */
export function denialFor(access: Access, caller: Caller): 401 | 403 | undefined {
  if (access === 'public') return undefined;
  if (caller.username === undefined) return 401;
  if (access === 'signedIn') return undefined;
  return access.some((role) => caller.roles.includes(role)) ? undefined : 403;
}
