/**
 * The studio's 平台网络 screen in a real browser, as the province admin: 绵阳 and 德阳 under the
 * province in the tree with their level and status, each platform's figures (counts only) beside
 * it, and the template adoption table marking 绵阳's localization of 专利权质押登记 as 待升级
 * once the province published v2.
 */
import { expect } from 'chai';
import { addDeyang } from '../api/isolation/deyang.js';
import type { ApiClient } from '../support/api-client.js';
import { act, acceptedPledge, PLEDGE_ITEM, submitPledge } from '../api/support/pledge.js';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;

describeBrowser('platform network', () => {
  const studio = useStudio();

  before(async () => {
    const { server } = studio;
    await addDeyang(server.services);
    const [zhangsan, staff1, deyangApplicant, admin, province] = (await Promise.all(
      ['zhangsan', 'staff1', 'deyang-applicant', 'admin', 'province'].map((name) => server.client(name)),
    )) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
    // 绵阳: two accepted, one of them completed and rated; 德阳: one waiting for acceptance.
    const done = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    const completed = await act(staff1, done, 'complete', { payload: { result: '准予登记' } });
    expect((await act(zhangsan, completed.body, 'evaluate', { payload: { level: 5 } })).status).to.equal(200);
    expect((await submitPledge(deyangApplicant, { hasAgentIdentity: true })).status).to.equal(201);
    // 绵阳 localizes the pledge item at v1; the province then publishes v2.
    const { version: _version, ...item } = (await admin.get(ITEM_PATH)).body.versions.at(-1).body;
    expect((await admin.put(ITEM_PATH, { ...item, channelNote: '绵阳窗口办理（示例）', extends: { platform: 'sichuan-province', version: 1 } })).status).to.equal(200);
    expect((await admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
    expect((await province.put(ITEM_PATH, { ...item, channelNote: '线上线下均可办理（v2）' })).status).to.equal(200);
    expect((await province.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
  });

  it('shows the province the hierarchy, each platform\'s figures and who is behind on a template', async () => {
    const { page } = studio;
    await signIn(page, 'province');
    await page.goto('/studio');
    await page.getByRole('menuitem', { name: '平台网络' }).click();
    await page.waitForURL('**/studio/network');
    // The screen shows nothing until the overview arrives; wait for each expected text, never read once.
    const tree = page.getByTestId('network-tree');
    await tree.getByTestId('network-node-mianyang').filter({ hasText: '市州' }).filter({ hasText: '已挂牌' }).waitFor();
    await tree.getByTestId('network-node-deyang').filter({ hasText: '四川省（德阳）知识产权公共服务平台' }).waitFor();

    const figures = page.getByTestId('network-figures');
    const cells = async (title: string) => {
      const row = figures.locator('tr', { hasText: title });
      await row.waitFor();
      return row.locator('td').allInnerTexts();
    };
    // 平台, 层级, 办件总量, 2026 年办件, 已办结, 按时办结率, 逾期未办结
    expect(await cells('四川省（绵阳）')).to.deep.equal(['四川省（绵阳）知识产权公共服务平台', '市州', '2', '2', '1', '100.0%', '0']);
    expect(await cells('四川省（德阳）')).to.deep.equal(['四川省（德阳）知识产权公共服务平台', '市州', '1', '1', '0', '—', '0']);

    await page.getByTestId(`adoption-${PLEDGE_ITEM}-mianyang`).filter({ hasText: '基于 v1' }).filter({ hasText: '待升级' }).waitFor();
    await page.getByTestId(`adoption-${PLEDGE_ITEM}-deyang`).filter({ hasText: '沿用上级' }).waitFor();
    await screenshot(page, 'studio-network');
  });
});
