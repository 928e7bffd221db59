/**
 * The statistics dashboard in Chromium over a month of real cases on 绵阳 across 国庆 2026
 * (tests/api/statistics-month.ts plays them through the engine) and a county below it: the
 * province admin's cards show exactly the API's figures, every chart is drawn, the platforms
 * table drills down into 绵阳 (by click and by keyboard) and the breadcrumb climbs back; 绵阳's
 * admin sees 绵阳 and below (an item filter too), never the province; staff see their own
 * platform on the desk. The screenshot goes to docs/screenshots/dashboard.png.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { formatDays, formatRate } from '../../engine/statistics/figure-format.js';
import type { StatisticsFigures, StatisticsResponse } from '../../engine/statistics/statistics-response.js';
import { hashPassword } from '../../server/operations/passwords.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import { MONTH, playMonth, PUBLIC_ITEM } from '../api/statistics-month.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { join } from 'node:path';
import { describeBrowser, openAnotherPage, screenshotsDir, signIn, useStudio } from './support/studio.js';

const COUNTY = 'anzhou';
const PERIOD = `from=${MONTH.from}&to=${MONTH.to}`;
const CHARTS = ['volumeByMonth', 'volumeByChannel', 'satisfaction', 'rates', 'volumeByItem', 'workingDaysByPlatform'];

/** What each card must read for these figures: the API's numbers, rates in percent, "—" without a value. */
function expectedCards(f: StatisticsFigures): Record<string, string> {
  return {
    applied: String(f.applied),
    served: String(f.served),
    onTimeRate: formatRate(f.onTimeRate),
    avgWorkingDays: formatDays(f.avgWorkingDays),
    oneVisitRate: formatRate(f.oneVisitRate),
    goodRate: formatRate(f.satisfaction.goodRate),
    rectificationRate: formatRate(f.rectification.rate),
    visitRate: formatRate(f.rectification.visitRate),
    overdue: String(f.overdue),
    // Shown once the server counts them (follow-up tasks, feedback).
    ...(f.followUp ? { followUpRate: formatRate(f.followUp.rate) } : {}),
    ...(f.feedback ? { feedbackOnTimeRate: formatRate(f.feedback.onTimeRate) } : {}),
  };
}

async function shownCards(page: Page): Promise<Record<string, string>> {
  const cards: Record<string, string> = {};
  for (const card of await page.getByTestId('dashboard-kpis').locator('[data-testid^="kpi-"]').all()) {
    const key = ((await card.getAttribute('data-testid')) ?? '').slice('kpi-'.length);
    cards[key] = (await card.locator('.ant-statistic-content').innerText()).replace(/\s+/g, ' ').trim();
  }
  return cards;
}

/** Waits until the dashboard shows the answer to what its address asks. */
async function loaded(page: Page): Promise<void> {
  await page.locator('[data-testid="dashboard"][aria-busy="false"]').waitFor();
  await page.getByTestId('dashboard-kpis').waitFor();
}

describeBrowser('statistics dashboard', () => {
  const studio = useStudio({ timeoutMs: 30_000 });
  let network: StatisticsResponse;
  let mianyang: StatisticsResponse;

  before(async function () {
    this.timeout(600_000);
    const { server } = studio;
    const now = server.clock.now().toISOString();
    await insertPlatform(server.services.db.knex, { id: COUNTY, parentId: 'mianyang', level: 'county', title: '绵阳市安州区知识产权工作站（测试）', body: {}, createdAt: now });
    await insertUser(server.services.db.knex, { id: 'test-anzhou-admin', username: 'anzhou-admin', displayName: '安州管理员（测试）', platformId: COUNTY, roles: ['platform-admin'], passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: now });
    await playMonth(server.services, server.clock, 20261001);
    const province = await server.client('province');
    network = (await province.get(`/api/statistics?${PERIOD}`)).body as StatisticsResponse;
    mianyang = (await province.get(`/api/statistics?${PERIOD}&platformId=mianyang`)).body as StatisticsResponse;
    expect(mianyang.total.applied, 'the month was played').to.be.greaterThan(30);
    await signIn(studio.page, 'province');
  });

  it('given the province admin, when the dashboard opens on the month, then the cards read the API\'s rolled-up figures and every chart is drawn', async () => {
    const { page } = studio;
    await page.goto('/studio');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.waitForURL(/\/studio\/dashboard/);
    await page.goto(`/studio/dashboard?${PERIOD}`);
    await loaded(page);
    expect(network.root).to.equal('sichuan-province');
    expect(await shownCards(page)).to.deep.equal(expectedCards(network.total));
    for (const chart of CHARTS) {
      const drawing = page.getByTestId(`chart-${chart}`).locator('svg').first();
      await drawing.waitFor();
      const box = await drawing.boundingBox();
      expect(box && box.width > 100 && box.height > 100, `${chart} drawn with a size`).to.equal(true);
      expect(await page.getByTestId(`chart-${chart}`).locator('svg path, svg rect').count(), `${chart} has shapes`).to.be.greaterThan(3);
    }
    const satisfaction = await page.getByTestId('chart-satisfaction').innerHTML();
    for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(satisfaction).to.contain(level);
    expect(await page.getByTestId('dashboard-platforms').locator('tbody tr').count()).to.equal(network.platforms.length);
    await page.getByTestId('dashboard-item-review').waitFor();
  });

  it('given the platforms table, when 绵阳 is clicked, then the dashboard shows 绵阳 and below, and the breadcrumb climbs back to the province', async () => {
    const { page } = studio;
    await page.getByTestId('drill-mianyang').click();
    await page.waitForURL(/platform=mianyang/);
    await loaded(page);
    expect(await shownCards(page)).to.deep.equal(expectedCards(mianyang.total));
    const breadcrumb = page.getByTestId('dashboard-breadcrumb');
    expect(await breadcrumb.innerText()).to.contain(network.platforms[0]!.title).and.contain(mianyang.platforms[0]!.title);
    expect(await page.getByTestId('dashboard-platforms').locator('tbody tr').count()).to.equal(2);
    await page.getByTestId(`drill-${COUNTY}`).waitFor();
    await screenshotDashboard(page);
    await page.getByTestId('crumb-home').click();
    await loaded(page);
    expect(page.url()).not.to.contain('platform=');
    expect(await shownCards(page)).to.deep.equal(expectedCards(network.total));
  });

  it('given the keyboard, when a platform row is focused and Enter pressed, then it drills down, and a quick pick changes the period', async () => {
    const { page } = studio;
    await page.getByTestId('drill-mianyang').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/platform=mianyang/);
    await loaded(page);
    expect((await shownCards(page)).applied).to.equal(String(mianyang.total.applied));
    await page.getByTestId('period-lastYear').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/from=\d{4}-01-01&to=\d{4}-12-31/);
    await loaded(page);
    await page.getByTestId('dashboard-empty').filter({ hasText: '此期间无数据' }).waitFor();
    expect((await shownCards(page)).onTimeRate).to.equal('—');
  });

  it('given 绵阳\'s admin, then the dashboard starts at 绵阳, lists no platform above it, and the province is not reachable', async () => {
    const admin = await openAnotherPage(studio, 'admin');
    try {
      await admin.page.goto(`/studio/dashboard?${PERIOD}`);
      await loaded(admin.page);
      expect(await shownCards(admin.page)).to.deep.equal(expectedCards(mianyang.total));
      const rows = admin.page.getByTestId('dashboard-platforms').locator('tbody tr');
      expect(await rows.count()).to.equal(2);
      expect(await admin.page.getByTestId('dashboard-platforms').innerText()).not.to.contain(network.platforms[0]!.title);
      const publicItem = (await (await studio.server.client('admin')).get(`/api/statistics?${PERIOD}&itemId=${PUBLIC_ITEM}`)).body as StatisticsResponse;
      await admin.page.goto(`/studio/dashboard?${PERIOD}&item=${PUBLIC_ITEM}`);
      await loaded(admin.page);
      expect(await shownCards(admin.page), 'filtered by item').to.deep.equal(expectedCards(publicItem.total));
      expect(publicItem.total.applied).to.be.lessThan(mianyang.total.applied);
      await admin.page.goto(`/studio/dashboard?${PERIOD}&platform=sichuan-province`);
      await admin.page.getByTestId('dashboard-error').waitFor();
      expect(await admin.page.getByTestId('dashboard-kpis').count()).to.equal(0);
      expect(admin.errors).to.deep.equal([]);
    } finally {
      await admin.close();
    }
  });

  it('given staff, then the desk\'s 统计分析 shows their own platform alone, without the item review, in Chinese or English', async () => {
    const staff = await openAnotherPage(studio, 'staff1');
    try {
      await staff.page.goto(`/desk/statistics?${PERIOD}`);
      await loaded(staff.page);
      expect(await staff.page.getByTestId('dashboard-platforms').locator('tbody tr').count()).to.equal(1);
      expect(await staff.page.getByTestId('dashboard-item-review').count()).to.equal(0);
      await staff.page.getByTestId('language-switch').click();
      await staff.page.getByTestId('kpi-applied').filter({ hasText: 'Applications' }).waitFor();
      await staff.page.getByTestId('chart-satisfaction').filter({ hasText: 'Very dissatisfied' }).waitFor();
      await staff.page.getByRole('menuitem', { name: 'Statistics' }).waitFor();
      await staff.page.getByTestId('language-switch').click();
      expect(staff.errors).to.deep.equal([]);
    } finally {
      await staff.close();
    }
  });
});

/** docs/screenshots/dashboard.png: the whole page of 绵阳's month (cards, charts, platforms, item review). */
async function screenshotDashboard(page: Page): Promise<void> {
  await page.getByTestId('dashboard-item-review').locator('.ant-card-body').waitFor();
  await page.screenshot({ path: join(screenshotsDir, 'dashboard.png'), fullPage: true, animations: 'disabled' });
}
