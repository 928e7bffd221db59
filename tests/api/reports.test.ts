/**
 * The supervision reports over the month of cases played across 国庆 (statistics-month.ts),
 * on both databases and over real HTTP: the HTML report holds the figures the statistics API
 * gives for the same period and platform, the per-item satisfaction the test counts from its
 * own record, and the charts as inline SVG; the annual summary holds the year by month, class
 * and platform. Then who may report on what (403 / 404, like the statistics), the file name,
 * the page's headers (no script may run in it) and the audit record.
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { listAuditRecords } from '../../storage/audit-records.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { chartIn, figureIn, printedRate, tableIn } from './support/report-html.js';
import { MONTH, playMonth, PUBLIC_ITEM, type Month } from './statistics-month.js';

const COUNTY = 'anzhou';
const evaluationPath = (params: Record<string, string> = {}) => `/api/reports/evaluation?${new URLSearchParams({ ...MONTH, ...params })}`;

/** The file name a Content-Disposition carries in its RFC 5987 `filename*`. */
function fileNameOf(disposition: string | null): string {
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return encoded ? decodeURIComponent(encoded[1] as string) : '';
}

forEachDatabase('API: the service evaluation report and the annual summary over a month across 国庆', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let month: Month;
  const clients: Record<string, ApiClient> = {};

  before(async function () {
    this.timeout(600_000);
    const { services } = suite.server;
    const now = services.now().toISOString();
    await insertPlatform(services.db.knex, { id: COUNTY, parentId: 'mianyang', level: 'county', title: '绵阳市安州区知识产权工作站（测试）', body: {}, createdAt: now });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await insertUser(services.db.knex, { id: 'test-anzhou-admin', username: 'anzhou-admin', displayName: '安州管理员（测试）', platformId: COUNTY, roles: ['platform-admin'], passwordHash, createdAt: now });
    month = await playMonth(services, suite.server.clock, 20261001);
    for (const name of ['admin', 'staff1', 'province', 'anzhou-admin', 'zhangsan']) clients[name] = await suite.server.client(name);
  });

  it('given the month, when the platform admin asks for the evaluation report, then the page holds the statistics’ figures for the same period', async () => {
    const figures = (await clients.admin!.get(`/api/statistics?${new URLSearchParams(MONTH)}`)).body.total;
    const answer = await clients.admin!.get(evaluationPath());
    expect(answer.status, String(answer.body).slice(0, 300)).to.equal(200);
    const html = answer.body as string;
    expect(html).to.match(/^<!DOCTYPE html>/).and.contain('<h1>服务评价报告</h1>').and.contain('四川省（绵阳）知识产权公共服务平台').and.contain(`${MONTH.from} 至 ${MONTH.to}`);
    expect(html).to.contain('生成时间');
    expect(figureIn(html, 'applied')).to.equal(String(figures.applied));
    expect(figureIn(html, 'served')).to.equal(String(figures.served));
    expect(figureIn(html, 'evaluations')).to.equal(String(figures.satisfaction.total));
    expect(figureIn(html, 'goodRate')).to.equal(printedRate(figures.satisfaction.goodRate));
    const bad = figures.satisfaction.levels.filter((l: { level: number }) => l.level <= 2).reduce((sum: number, l: { count: number }) => sum + l.count, 0);
    expect(bad).to.be.greaterThan(0);
    expect(figureIn(html, 'badReviews')).to.equal(String(bad));
    expect(figureIn(html, 'rectificationRate')).to.equal(printedRate(figures.rectification.rate));
    expect(figureIn(html, 'visitRate')).to.equal(printedRate(figures.rectification.visitRate));
    const levels = tableIn(html, 'satisfaction').slice(1, 6);
    expect(levels.map((row) => [row[0], Number(row[1])])).to.deep.equal(figures.satisfaction.levels.map((l: { label: string; count: number }) => [l.label, l.count]));
    const { opened, closed, closedOnTime, visited } = figures.rectification;
    expect(tableIn(html, 'rectification')[1]?.slice(0, 5)).to.deep.equal([bad, opened, closed, closedOnTime, visited].map(String));
  });

  it("given the month, when the report lists satisfaction per item, then each item's levels are the test's own count", async () => {
    const html = (await clients.admin!.get(evaluationPath())).body as string;
    const rows = tableIn(html, 'byItem');
    const row = rows.find((r) => r[0] === '知识产权政策咨询');
    expect(row, JSON.stringify(rows)).to.not.equal(undefined);
    const rated = month.stories.filter((s) => s.itemId === PUBLIC_ITEM && s.evaluation !== undefined && s.evaluation.day >= MONTH.from && s.evaluation.day <= MONTH.to);
    const count = (level: number) => rated.filter((s) => s.evaluation?.level === level).length;
    expect(row!.slice(1, 7).map(Number)).to.deep.equal([rated.length, count(5), count(4), count(3), count(2), count(1)]);
    expect(row![7]).to.equal(printedRate(rated.length === 0 ? null : (count(5) + count(4) + count(3)) / rated.length));
  });

  it('given the month, when the report lists the items flagged for review, then they are those the item review flags', async () => {
    const review = (await clients.admin!.get('/api/statistics/item-review')).body;
    const flagged = review.items.filter((i: { reasons: string[] }) => i.reasons.length > 0);
    expect(flagged).to.not.be.empty;
    const html = (await clients.admin!.get(evaluationPath())).body as string;
    const rows = tableIn(html, 'flaggedItems').slice(1);
    expect(rows).to.have.length(flagged.length);
    expect(rows.map((r) => Number(r[3]))).to.deep.equal(flagged.map((i: { recentApplied: number }) => i.recentApplied));
    // The review's own windows, counted back from today, said beside the table.
    expect(html).to.contain('近 180 天无人申请').and.contain('近 365 天评价不少于 5 条且差评占比超过 10 %');
    const staffHtml = (await clients.staff1!.get(evaluationPath())).body as string;
    expect(tableIn(staffHtml, 'flaggedItems')).to.deep.equal([]);
    expect(staffHtml).to.contain('事项动态管理由平台管理员查看');
  });

  it('given the report, when its charts are read, then each is an inline SVG drawn from the same figures, and the page runs no script', async () => {
    const answer = await clients.admin!.get(evaluationPath());
    const html = answer.body as string;
    for (const name of ['satisfaction', 'rates', 'byMonth', 'byChannel']) expect(chartIn(html, name), name).to.match(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const satisfaction = chartIn(html, 'satisfaction') as string;
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(satisfaction).to.contain(`>${label}<`);
    const byMonth = chartIn(html, 'byMonth') as string;
    expect(byMonth).to.contain('>2026-09<').and.contain('>2026-10<').and.contain('网上申请');
    expect(chartIn(html, 'rates')).to.contain('好评率');
    expect(html).not.to.match(/<script|\son[a-z]+=/i);
    expect(answer.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).to.contain("default-src 'none'").and.not.contain('script-src');
    expect(answer.headers.get('content-disposition')).to.match(/^inline; /);
    expect(fileNameOf(answer.headers.get('content-disposition'))).to.equal(`服务评价报告-四川省（绵阳）知识产权公共服务平台-${MONTH.from}至${MONTH.to}.html`);
  });

  it('given a whole month, when reported, then the file name names the month, and the audit trail records who reported on what', async () => {
    const answer = await clients.admin!.get('/api/reports/evaluation?from=2026-10-01&to=2026-10-31');
    expect(answer.status).to.equal(200);
    expect(fileNameOf(answer.headers.get('content-disposition'))).to.equal('服务评价报告-四川省（绵阳）知识产权公共服务平台-2026-10.html');
    const records = await listAuditRecords(suite.store.db.knex, { platformIds: ['mianyang'], limit: 50, action: 'report.evaluation' });
    expect(records[0]).to.include({ userId: 'demo-admin', status: 200, result: 'success' });
    expect(records[0]?.detail).to.deep.include({ report: 'evaluation', platformId: 'mianyang', from: '2026-10-01', to: '2026-10-31', format: 'html' });
  });

  it('given the year, when the admin asks for the annual summary, then it holds the year so far by month, class and platform as the statistics give them', async () => {
    const today = suite.server.services.now().toISOString();
    const year = { from: '2026-01-01', to: new Date(Date.parse(today) + 8 * 3600_000).toISOString().slice(0, 10) };
    const stats = (await clients.admin!.get(`/api/statistics?${new URLSearchParams(year)}`)).body;
    const answer = await clients.admin!.get('/api/reports/annual?year=2026');
    expect(answer.status, String(answer.body).slice(0, 300)).to.equal(200);
    const html = answer.body as string;
    expect(html).to.contain('<h1>年度总结</h1>').and.contain(`2026 年（截至 ${year.to}）`);
    expect(fileNameOf(answer.headers.get('content-disposition'))).to.equal('年度总结-四川省（绵阳）知识产权公共服务平台-2026.html');
    expect(figureIn(html, 'applied')).to.equal(String(stats.total.applied));
    expect(figureIn(html, 'onTimeRate')).to.equal(printedRate(stats.total.onTimeRate));
    expect(figureIn(html, 'oneVisitRate')).to.equal(printedRate(stats.total.oneVisitRate));
    expect(figureIn(html, 'avgWorkingDays')).to.equal(String(Math.round(stats.total.avgWorkingDays * 10) / 10));
    const months = tableIn(html, 'byMonth');
    expect(months[0]).to.have.length(14);
    const applied = months.find((row) => row[0] === '申请量') as string[];
    const monthly = (m: string) => stats.byMonth.find((r: { month: string }) => r.month === m)?.applied ?? 0;
    expect(applied.slice(1).map(Number)).to.deep.equal([...Array.from({ length: 12 }, (_, i) => monthly(`2026-${String(i + 1).padStart(2, '0')}`)), stats.total.applied]);
    const publicClass = (await clients.admin!.get(`/api/statistics?${new URLSearchParams({ ...year, class: 'public' })}`)).body.total;
    expect(tableIn(html, 'byClass').find((row) => row[0] === '公共服务')?.slice(1, 3)).to.deep.equal([String(publicClass.applied), String(publicClass.served)]);
    expect(tableIn(html, 'platforms').slice(1).map((row) => row[0])).to.deep.equal(stats.platforms.map((p: { title: string }) => p.title));
    for (const name of ['byMonth', 'byChannel', 'satisfaction', 'byItem', 'rates', 'workingDaysByPlatform']) expect(chartIn(html, name), name).to.match(/^<svg/);
  });

  it('given the province admin, when it reports on 绵阳, then the report is 绵阳’s; a county admin or staff reaching above or beside get 404, an applicant 403', async () => {
    const drilled = await clients.province!.get(evaluationPath({ platformId: 'mianyang' }));
    expect(drilled.status).to.equal(200);
    const figures = (await clients.admin!.get(`/api/statistics?${new URLSearchParams(MONTH)}`)).body.total;
    expect(figureIn(drilled.body, 'applied')).to.equal(String(figures.applied));
    expect((await clients.province!.get('/api/reports/annual?year=2026')).body).to.contain('四川省知识产权公共服务平台');
    for (const platformId of ['mianyang', 'sichuan-province', 'no-such-platform']) {
      expect((await clients['anzhou-admin']!.get(evaluationPath({ platformId }))).status, platformId).to.equal(404);
      expect((await clients['anzhou-admin']!.get(`/api/reports/annual?year=2026&platformId=${platformId}&format=pdf`)).status, platformId).to.equal(404);
    }
    expect((await clients.staff1!.get(evaluationPath({ platformId: COUNTY }))).status).to.equal(404);
    expect((await clients.zhangsan!.get(evaluationPath())).status).to.equal(403);
    expect((await clients.zhangsan!.get('/api/reports/annual?format=pdf')).status).to.equal(403);
  });

  it('given a platform whose title is markup, when reported on, then the page shows it as text everywhere: header, tables, charts and file name', async () => {
    const { services } = suite.server;
    const title = '<img src=x onerror="alert(1)">测试平台 & 站';
    await insertPlatform(services.db.knex, { id: 'markup-title', parentId: 'mianyang', level: 'workstation', title, body: {}, createdAt: services.now().toISOString() });
    const own = await clients.province!.get('/api/reports/evaluation?platformId=markup-title&from=2026-10-01&to=2026-10-31');
    expect(own.status).to.equal(200);
    const city = await clients.admin!.get('/api/reports/annual?year=2026');
    for (const html of [own.body as string, city.body as string]) {
      expect(html).not.to.contain('<img').and.not.to.contain('onerror="');
      expect(html).to.contain('&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt;测试平台 &amp; 站');
    }
    expect(chartIn(city.body, 'workingDaysByPlatform')).to.contain('&lt;img');
    expect(fileNameOf(own.headers.get('content-disposition'))).to.equal('服务评价报告-_img_src=x_onerror=_alert(1)_测试平台_&_站-2026-10.html');
  });

  it('given a wrong format, year or period, when asked, then 400 naming the parameter', async () => {
    const format = await clients.admin!.get(evaluationPath({ format: 'docx' }));
    expect(format.status).to.equal(400);
    expect(format.body.problems[0]).to.include({ path: '/format' });
    const year = await clients.admin!.get('/api/reports/annual?year=20x6');
    expect(year.status).to.equal(400);
    expect(year.body.problems[0]).to.include({ path: '/year' });
    expect((await clients.admin!.get('/api/reports/annual?year=2999')).status).to.equal(400);
    expect((await clients.admin!.get(evaluationPath({ from: '2026-10-21', to: '2026-10-20' }))).status).to.equal(400);
  });
});
