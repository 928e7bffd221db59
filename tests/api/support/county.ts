/**
 * A county platform below the demo city 绵阳 (涪城区), with one staff member, made the way 德阳
 * is (isolation/deyang.ts). The county sees its own cases only, though it sits in 绵阳's lineage.
 */
import type { Services } from '../../../server/services.js';
import { addPlatformLikeMianyang } from '../isolation/deyang.js';

export const COUNTY = 'mianyang-fucheng';

/** Adds 涪城区 below 绵阳 and its staff member `county-staff` (password DEMO_PASSWORD). */
export async function addCounty(services: Services): Promise<void> {
  await addPlatformLikeMianyang(services, {
    changes: { id: COUNTY, title: '四川省（绵阳涪城）知识产权公共服务工作站', level: 'county', parent: 'mianyang', region: { code: '510703', name: '涪城区' } },
    users: [{ username: 'county-staff', displayName: '涪城区窗口工作人员（测试）', roles: ['staff'] }],
  });
}
