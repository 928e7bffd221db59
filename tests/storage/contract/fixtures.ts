/** Real objects the storage suites store: platforms, users and engine cases. */
import type { Knex } from 'knex';
import type { Case } from '../../../engine/runtime/case.js';
import { insertPlatform } from '../../../storage/platforms.js';
import { insertUser } from '../../../storage/users.js';
import type { Role } from '../../../engine/kinds/workflow.js';

export const T0 = '2025-03-03T01:00:00.000Z';

/** An instant `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

/** The province and one city platform under it. */
export async function seedPlatforms(db: Knex): Promise<{ province: string; city: string }> {
  await insertPlatform(db, { id: 'sc', parentId: null, level: 'province', title: '四川省知识产权公共服务平台', body: {}, createdAt: T0 });
  await insertPlatform(db, { id: 'sc-my', parentId: 'sc', level: 'city', title: '四川省（绵阳）知识产权公共服务平台', body: {}, createdAt: T0 });
  return { province: 'sc', city: 'sc-my' };
}

export async function seedUser(db: Knex, user: { id: string; platformId: string; roles: Role[]; email?: string; phone?: string }): Promise<void> {
  await insertUser(db, {
    id: user.id,
    platformId: user.platformId,
    username: user.id,
    displayName: `用户 ${user.id}`,
    roles: user.roles,
    email: user.email ?? null,
    phone: user.phone ?? null,
    createdAt: T0,
  });
}

/** A case in the acceptance step with one running clock. */
export function sampleCase(overrides: Partial<Case> & { id: string; platformId: string }): Case {
  return {
    // Upper case like real numbers (USCC, codes, digits): searches upper-case what is typed.
    number: `MY-20250303-${overrides.id.toUpperCase()}`,
    applicantId: 'applicant-1',
    pins: {
      item: { id: 'patent-pledge', version: 1 },
      form: { id: 'patent-pledge-form', version: 1 },
      checklist: { id: 'patent-pledge-materials', version: 1 },
      workflow: { id: 'standard-service', version: 1 },
      templates: { 'acceptance-receipt': 1 },
    },
    step: 'accept',
    status: 'open',
    data: { 企业名称: '绵阳某某科技有限公司' },
    materials: {},
    clocks: {
      accept: { limit: { value: 2, unit: 'workingDay' }, startedAt: T0, dueAt: '2025-03-05T09:00:00.000Z', status: 'running' },
    },
    fields: {},
    evaluations: [],
    version: 0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}
