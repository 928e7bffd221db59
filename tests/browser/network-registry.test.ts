/**
 * The registry and the yearly assessment in a real browser. 20 January 2026 (server clock):
 * 绵阳's admin submits the 2025 summary (on time; 德阳 submitted by API); the province rates
 * 绵阳 不合格 with a date deadline, sees the rectification row, and its 摘牌 before the deadline
 * refused with the API's message; 绵阳 reports the rectification; the province closes it, rates
 * 德阳 合格 and publishes; the public page (linked from the home page) shows both ratings. In
 * 平台网络 the province opens 绵阳's detail, moves it delisted → accepted → listed by the legal next
 * statuses (each with a reason, in the history), sees a bad award title warned as typed and
 * refused at the field with the rule's example, and awards 四川省知识产权保护中心绵阳分中心.
 */
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { addDeyang } from '../api/isolation/deyang.js';
import { describeBrowser, openAnotherPage, screenshot, signIn, useStudio } from './support/studio.js';

const YEAR_PAGE = '/studio/assessments?year=2025';

/** The row of a platform in the province's year table. */
const rowOf = (page: Page, platformId: string): Locator => page.getByTestId('assessment-table').locator(`tr[data-row-key="${platformId}"]`);

/** The dialog open now (antd keeps closed ones in the page, hidden). */
const dialog = (page: Page): Locator => page.locator('.ant-modal-wrap:visible .ant-modal');

/** Text that is exactly `text` (a tag's whole content), for `filter({ hasText })`. */
const exactly = (text: string): RegExp => new RegExp(`^\\s*${text}\\s*$`);

async function settled(page: Page): Promise<void> {
  await page.waitForFunction("document.querySelectorAll('.ant-message-notice, .ant-popover:not(.ant-popover-hidden), .ant-modal-wrap:not([style*=\"display: none\"]) .ant-modal').length === 0");
}

describeBrowser('platform registry and yearly assessment', () => {
  const studio = useStudio();
  let province: { page: Page; errors: string[]; close(): Promise<void> };

  before(async () => {
    const { server } = studio;
    server.clock.set('2026-01-20T02:00:00.000Z');
    await addDeyang(server.services);
    const deyang = await server.client('deyang-admin');
    expect((await deyang.post('/api/network/assessments/2025/summary', { summary: '德阳 2025 年度工作总结：受理服务事项 800 件。' })).status).to.equal(200);
    province = await openAnotherPage(studio, 'province');
  });

  after(async () => province?.close());
  afterEach(() => expect(province?.errors.splice(0) ?? [], 'errors in the province page').to.deep.equal([]));

  it('绵阳 submits its 2025 summary on time from the 年度评估 menu', async () => {
    const { page } = studio;
    await signIn(page, 'admin');
    await page.goto('/studio');
    await page.getByRole('menuitem', { name: '年度评估' }).click();
    await page.waitForURL('**/studio/assessments');
    await page.goto(YEAR_PAGE);
    const own = page.getByTestId('own-summary');
    await own.getByTestId('summary-state').filter({ hasText: exactly('未提交') }).waitFor();
    await page.getByLabel('年度总结').fill('2025年度：受理服务事项1200件，按时办结率98%，新建园区工作站2个。');
    await page.getByTestId('summary-submit').click();
    await own.getByText('提交于').waitFor();
    await own.getByTestId('summary-state').filter({ hasText: exactly('已提交') }).waitFor();
    await page.getByTestId('summary-submit').filter({ hasText: '重新提交' }).waitFor();
  });

  it('the province rates 绵阳 不合格 with a deadline; 摘牌 before it is refused with the reason', async () => {
    const { page } = province;
    await page.goto(YEAR_PAGE);
    const mianyang = rowOf(page, 'mianyang');
    await mianyang.getByTestId('summary-state').filter({ hasText: exactly('已提交') }).waitFor();
    await rowOf(page, 'deyang').filter({ hasText: '已提交' }).waitFor();
    await mianyang.getByTestId('rate').click();
    const rating = dialog(page);
    await rating.getByText('不合格', { exact: true }).click();
    await rating.getByLabel('评定意见').fill('服务台账不全，回访率偏低。');
    await rating.getByText('指定日期').click();
    await rating.getByLabel('截止日期').fill('2026-03-31');
    await page.getByTestId('rating-confirm').click();
    await mianyang.getByTestId('rating').filter({ hasText: exactly('不合格') }).waitFor();
    await mianyang.getByTestId('rectification-status').filter({ hasText: exactly('待整改') }).waitFor();

    await mianyang.getByTestId('delist').click();
    await dialog(page).getByLabel('摘牌理由').fill('未按期整改');
    await page.getByTestId('delist-confirm').click();
    await page.getByTestId('delist-failure').filter({ hasText: '整改期限' }).filter({ hasText: '未到' }).waitFor();
    await dialog(page).getByRole('button', { name: /取\s*消/ }).click();
    await mianyang.getByTestId('rectification-status').filter({ hasText: exactly('待整改') }).waitFor();
  });

  it('绵阳 sees its rating and reports the rectification', async () => {
    const { page } = studio;
    await page.goto(YEAR_PAGE);
    const rating = page.getByTestId('own-rating');
    await rating.getByTestId('rating').filter({ hasText: exactly('不合格') }).waitFor();
    await page.getByTestId('own-summary').filter({ hasText: '已评定' }).waitFor();
    await page.getByLabel('整改情况').fill('已建立服务台账与回访制度，回访率达100%。');
    await page.getByTestId('rectification-report-submit').click();
    await rating.getByText('已报送整改').waitFor();
  });

  it('the province closes the rectification, rates 德阳 合格 and publishes the year', async () => {
    const { page } = province;
    await page.goto(YEAR_PAGE);
    const mianyang = rowOf(page, 'mianyang');
    await mianyang.getByText('已报送整改').waitFor();
    await mianyang.getByTestId('close-rectification').click();
    await dialog(page).getByLabel('整改验收意见').fill('整改到位。');
    await page.getByTestId('close-confirm').click();
    await mianyang.getByText('整改已关闭').waitFor();

    const deyang = rowOf(page, 'deyang');
    await deyang.getByTestId('rate').click();
    await dialog(page).getByText('合格', { exact: true }).click();
    await dialog(page).getByLabel('评定意见').fill('工作扎实。');
    await page.getByTestId('rating-confirm').click();
    await deyang.getByTestId('rating').filter({ hasText: exactly('合格') }).waitFor();

    await page.getByTestId('publish').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '发布结果' }).click();
    await page.getByTestId('publication').getByText('结果已于').waitFor();
    await settled(page);
    await screenshot(page, 'studio-assessments');
  });

  it('the public results page, linked from the home page, shows the published ratings', async () => {
    const context = await studio.browser.newContext({ baseURL: studio.server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page.getByTestId('to-assessments').click();
      await page.waitForURL('**/assessments');
      await page.goto('/assessments?year=2025');
      const table = page.getByTestId('results-table');
      await table.locator('tr', { hasText: '四川省（绵阳）' }).filter({ hasText: '不合格' }).waitFor();
      await table.locator('tr', { hasText: '四川省（德阳）' }).filter({ hasText: '合格' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('in 平台网络 the province opens 绵阳: status, history, next statuses; a bad award title is refused at the field; a good one is awarded', async () => {
    const { page } = province;
    await page.goto('/studio/network');
    await page.getByTestId('network-tree').getByTestId('network-node-mianyang').click();
    const detail = page.getByTestId('platform-detail');
    await detail.getByTestId('platform-status').filter({ hasText: exactly('已挂牌') }).waitFor();
    await detail.getByTestId('status-next').filter({ hasText: '改为“已摘牌”' }).waitFor();

    // The lifecycle by hand: delisted comes back through re-acceptance, then listing.
    const change = async (to: string, reason: string, shown: string) => {
      await detail.getByTestId(`status-to-${to}`).click();
      await dialog(page).getByLabel('原因').fill(reason);
      await page.getByTestId('status-confirm').click();
      await detail.getByTestId('platform-status').getByText(shown).waitFor();
    };
    await change('delisted', '演示：暂停挂牌', '已摘牌');
    await detail.getByTestId('status-next').filter({ hasText: '改为“已验收”' }).filter({ hasNotText: '已挂牌' }).waitFor();
    await change('accepted', '重新验收合格', '已验收');
    await change('listed', '重新挂牌运行', '已挂牌');
    const history = detail.getByTestId('platform-history').locator('tbody tr');
    await history.first().filter({ hasText: '已验收 → 已挂牌' }).filter({ hasText: '重新挂牌运行' }).filter({ hasText: 'demo-province' }).waitFor();
    expect(await history.count()).to.equal(3);

    const titleItem = detail.locator('.ant-form-item', { has: page.getByLabel('授牌名称') });
    await detail.getByLabel('授牌名称').fill('四川省知识产权保护中心绵阳市分中心');
    // Checked as typed against the province's award rule (the engine's check), then refused by the server.
    await titleItem.locator('.ant-form-item-explain-warning').filter({ hasText: '例：四川省知识产权保护中心德阳分中心' }).waitFor();
    await detail.getByLabel('服务模块').fill('知识产权保护');
    await detail.getByTestId('award-submit').click();
    await titleItem.locator('.ant-form-item-explain-error').filter({ hasText: '例：四川省知识产权保护中心德阳分中心' }).waitFor();

    await detail.getByLabel('授牌名称').fill('四川省知识产权保护中心绵阳分中心');
    await detail.getByTestId('award-submit').click();
    await detail.getByTestId('award-list').getByText('四川省知识产权保护中心绵阳分中心').waitFor();
    await page.getByTestId('network-node-mianyang').getByText('四川省知识产权保护中心绵阳分中心').waitFor();
    await settled(page);
    await screenshot(page, 'studio-platform-detail');
  });
});
