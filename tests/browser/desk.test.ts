/**
 * The desk in Chromium: staff1 works a case zhangsan applied for over the API — verdicts, the
 * one-time notice, acceptance with its receipt after the supplement, two progress nodes,
 * completion; two staff in two browsers act on one case and the second keeps what they typed;
 * counter mode registers an offline application; consultations are answered and go into the
 * FAQ; a bad review's rectification task takes a follow-up visit.
 */
import { expect } from 'chai';
import { runWorkerOnce } from '../../server/worker/worker.js';
import type { ApiClient } from '../support/api-client.js';
import { act, acceptedPledge, submitPledge, tinyPdf } from '../api/support/pledge.js';
import { choose } from './steps/definitions.js';
import { uploadMaterial } from './steps/portal.js';
import { acceptCase, completeCase, issueOneTimeNotice, judgeMaterial, openInboxCase, recordProgress, stillScreenshot } from './steps/desk.js';
import { describeBrowser, openAnotherPage, signIn, useStudio } from './support/studio.js';

/** Material names of the pledge checklist (definitions/province/checklists/patent-pledge-registration.json). */
const CONTRACT = '专利权质押合同';
const APPLICATION_FORM = '专利权质押登记申请表';

describeBrowser('desk', () => {
  const studio = useStudio({ signInAs: 'staff1' });
  let zhangsan: ApiClient;
  let kase: { id: string; number: string; version: number };

  before(async () => {
    zhangsan = await studio.server.client('zhangsan');
  });

  it('lists new applications under 待受理 with the counts of every view, finds one by number and opens it with the keyboard', async () => {
    const { page, server } = studio;
    const lisi = await server.client('lisi');
    expect((await submitPledge(lisi, { hasAgentIdentity: true })).status).to.equal(201);
    expect((await submitPledge(zhangsan, { hasAgentIdentity: false })).status, 'one waits for its supplement').to.equal(201);
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    kase = submitted.body;
    await page.goto('/desk');
    await page.getByTestId(`case-row-${kase.number}`).waitFor();
    await page.getByTestId('tab-toAccept').filter({ hasText: /待受理\s*2/ }).waitFor();
    await page.getByTestId('tab-returned').filter({ hasText: /已退回补正\s*1/ }).waitFor();
    await page.getByTestId('tab-all').filter({ hasText: /全部\s*3/ }).waitFor();
    await page.getByTestId('tab-returned').click();
    await page.locator('[data-testid^="case-row-"]').filter({ hasText: '补正材料' }).waitFor();
    await page.getByTestId('tab-toAccept').click();
    await page.getByTestId(`case-row-${kase.number}`).waitFor();
    expect(await page.getByTestId(`case-row-${kase.number}`).innerText()).to.contain('张三').and.to.contain('专利权质押登记').and.to.contain('申请受理');
    await page.getByTestId('inbox-table').focus();
    await page.keyboard.press('ArrowDown');
    await stillScreenshot(page, 'desk-inbox');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('tab-toAccept').filter({ hasText: 'To accept' }).waitFor();
    await page.getByRole('menuitem', { name: 'Counter' }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('tab-toAccept').filter({ hasText: '待受理' }).waitFor();
    await openInboxCase(page, kase.number, 'toAccept');
  });

  it('shows the form data with the form\'s titles and previews a material file', async () => {
    const { page } = studio;
    await page.getByTestId('form-data').getByText('出质人名称').waitFor();
    expect(await page.getByTestId('form-value-pledgorName').innerText()).to.equal('绵阳某某科技有限公司');
    await page.getByTestId('material-applicationForm').getByRole('button', { name: '专利权质押登记申请表.pdf' }).click();
    await page.locator('[data-testid="file-preview"][data-media-type="application/pdf"] iframe').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('file-preview').waitFor({ state: 'detached' });
  });

  it('judges a deficient contract and issues the one-time notice quoting the reason', async () => {
    const { page } = studio;
    await judgeMaterial(page, APPLICATION_FORM, '合格');
    await judgeMaterial(page, CONTRACT, '不符合要求', '合同缺少质权人签章');
    await page.getByTestId('blocker-accept').waitFor();
    await stillScreenshot(page, 'desk-case');
    const notice = await issueOneTimeNotice(page);
    expect(notice).to.contain(CONTRACT).and.to.contain('合同缺少质权人签章');
    await page.getByTestId('timeline').getByText(`材料不符合要求：${CONTRACT}`).waitFor();
  });

  it('after zhangsan supplements the contract, accepts the case and shows the receipt', async () => {
    const { page } = studio;
    const fresh = (await zhangsan.get(`/api/cases/${kase.id}`)).body;
    const resubmitted = await zhangsan.postMultipart(`/api/cases/${kase.id}/actions/resubmit`, { version: fresh.version }, { pledgeContract: [tinyPdf('专利权质押合同（补正）.pdf')] });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).to.equal(200);
    await openInboxCase(page, kase.number, 'toAccept');
    await judgeMaterial(page, CONTRACT, '合格');
    const receipt = await acceptCase(page);
    expect(receipt).to.contain(kase.number).and.to.contain('受理回执');
    expect(await page.getByTestId('case-assignee').innerText()).to.contain('王敏');
  });

  it('records two progress nodes and completes the case with its result', async () => {
    const { page } = studio;
    await recordProgress(page, '已核验专利法律状态');
    await recordProgress(page, '已向国家知识产权局提交质押登记');
    const result = await completeCase(page, '准予登记，已送达《专利权质押登记通知书》');
    expect(result).to.contain(kase.number);
    const timeline = await page.getByTestId('timeline').innerText();
    expect(timeline.indexOf('已核验专利法律状态')).to.be.lessThan(timeline.indexOf('已向国家知识产权局提交质押登记'));
    const seen = (await zhangsan.get(`/api/cases/${kase.id}`)).body;
    expect(seen.step).to.equal('supervise');
  });

  it('two staff act on the same case: the second gets the conflict message, the fresh state and keeps the typed note', async () => {
    const { page } = studio;
    const staff1Api = await studio.server.client('staff1');
    const accepted = await acceptedPledge({ applicant: zhangsan, staff: staff1Api });
    const second = await openAnotherPage(studio, 'staff2');
    try {
      await openInboxCase(page, accepted.number, 'inProgress');
      await openInboxCase(second.page, accepted.number, 'inProgress');
      await second.page.getByLabel('进展说明').fill('李强：已电话联系申请人');
      await recordProgress(page, '王敏：已核验专利法律状态');
      await second.page.getByTestId('action-progress').click();
      await second.page.getByTestId('conflict-alert').getByText('该办件已被他人处理，已为您刷新为最新状态').waitFor();
      await second.page.getByTestId('timeline').getByText('王敏：已核验专利法律状态').waitFor();
      expect(await second.page.getByLabel('进展说明').inputValue()).to.equal('李强：已电话联系申请人');
      await second.page.locator('[data-testid="action-progress"]:enabled').waitFor();
      await stillScreenshot(second.page, 'desk-conflict');
      await recordProgress(second.page, '李强：已电话联系申请人');
      await second.page.getByTestId('conflict-alert').waitFor({ state: 'detached' });
      expect(second.errors).to.deep.equal([]);
    } finally {
      await second.close();
    }
  });

  it('reassigns the case to another member of staff, after the conflict with staff2\'s note keeps the choice', async () => {
    const { page } = studio;
    await choose(page.getByLabel('转交给'), '窗口工作人员李强（演示）');
    // staff2 recorded a node since this page loaded: the first try meets the newer version.
    await page.getByTestId('reassign').click();
    await page.getByTestId('conflict-alert').waitFor();
    await page.getByTestId('timeline').getByText('李强：已电话联系申请人').waitFor();
    await page.getByTestId('reassign').click();
    await page.getByTestId('case-assignee').filter({ hasText: '李强' }).waitFor();
    await page.getByTestId('conflict-alert').waitFor({ state: 'detached' });
    await page.getByTestId('timeline').getByText(/转办：.*王敏.*→.*李强/).waitFor();
  });

  it('registers an offline application at the counter', async () => {
    const { page } = studio;
    await page.goto('/desk/counter');
    await choose(page.getByLabel('服务事项'), '知识产权政策咨询');
    await page.getByLabel('申请人姓名').fill('王五');
    await page.getByLabel('联系电话').first().fill('13700137000');
    const form = page.getByTestId('counter-form');
    await form.getByLabel('申请人名称（姓名）').fill('绵阳示例科技有限公司');
    await form.getByLabel('统一社会信用代码 / 身份证号码').fill('91350100M000100Y43');
    await form.getByLabel('申请事由').fill('政策咨询');
    await form.getByLabel('具体情况说明').fill('咨询知识产权资助政策的申报条件和材料。');
    await form.getByLabel('联系人').fill('王五');
    await form.getByLabel('联系电话（手机）').fill('13700137000');
    await uploadMaterial(page, 'applicationForm', [tinyPdf('申请表.pdf')]);
    await uploadMaterial(page, 'identity', [tinyPdf('营业执照.pdf')]);
    await page.evaluate('window.scrollTo(0, 0)');
    await stillScreenshot(page, 'desk-counter');
    await page.getByTestId('counter-submit').click();
    await page.waitForURL(/\/desk\/cases\//);
    await page.locator('[data-testid="case-step"][data-step="accept"]').waitFor();
    expect(await page.getByTestId('case-header').innerText()).to.contain('王五');
  });

  it('answers an open consultation and adds it to the FAQ handbook in edited wording', async () => {
    const { page } = studio;
    const asked = await zhangsan.post('/api/consultations', { question: '专利权质押登记需要多长时间？' });
    expect(asked.status, JSON.stringify(asked.body)).to.equal(201);
    await page.goto('/desk/consultations');
    const card = page.getByTestId(`consultation-${asked.body.id}`);
    await card.getByLabel('答复').fill('材料齐全的，自受理之日起 5 个工作日内办结。');
    await card.getByTestId('send-answer').click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('已答复', { exact: true }).click();
    await page.getByTestId(`consultation-${asked.body.id}`).getByTestId('promote').click();
    await page.getByLabel('问题（面向所有人的表述）').fill('办理专利权质押登记需要多长时间？');
    await page.getByRole('dialog').getByRole('button', { name: '加入问答手册' }).click();
    await page.getByTestId(`consultation-${asked.body.id}`).getByText('已收入问答手册').waitFor();
    const faq = await zhangsan.get('/api/platforms/mianyang/faq');
    expect(faq.body.entries.map((e: { question: string }) => e.question)).to.include('办理专利权质押登记需要多长时间？');
  });

  it('shows the rectification task of a bad review with its deadline and records a follow-up visit', async () => {
    const { page } = studio;
    const staff1Api = await studio.server.client('staff1');
    let done = await acceptedPledge({ applicant: zhangsan, staff: staff1Api });
    done = (await act(staff1Api, done, 'complete', { payload: { result: '准予登记' } })).body;
    const evaluated = await act(zhangsan, done, 'evaluate', { payload: { level: 2, comment: '办理进度通知不及时' } });
    expect(evaluated.status, JSON.stringify(evaluated.body)).to.equal(200);
    await page.goto('/desk/reviews');
    const task = page.getByTestId(`task-${done.number}`);
    await task.getByTestId('task-due').filter({ hasText: '2026-10-' }).waitFor();
    await task.getByText('办理进度通知不及时').waitFor();
    await task.getByLabel('回访情况').fill('已电话回访，申请人认可整改措施');
    await choose(task.getByLabel('回访结果'), '满意');
    await task.getByTestId('add-visit').click();
    await task.getByTestId('visit').filter({ hasText: '已电话回访' }).waitFor();
    await task.getByLabel('回复评价').fill('感谢您的意见，我们已改进进度通知。');
    await task.getByRole('button', { name: '回复', exact: true }).or(task.getByRole('button', { name: '回 复' })).click();
    await task.getByTestId('evaluation-reply').filter({ hasText: '感谢您的意见' }).waitFor();
    await stillScreenshot(page, 'desk-reviews');
    const seen = (await zhangsan.get(`/api/cases/${done.id}`)).body;
    expect(seen.evaluation.reply.text).to.equal('感谢您的意见，我们已改进进度通知。');
  });

  it('pages the inbox by the server\'s cursor: 加载更多 appends the next cases without repeating any', async () => {
    const { page, server } = studio;
    const lisi = await server.client('lisi');
    for (let i = 0; i < 20; i++) expect((await submitPledge(lisi, { hasAgentIdentity: true })).status).to.equal(201);
    const total = (await (await server.client('staff1')).get('/api/cases/counts')).body.all as number;
    expect(total).to.be.greaterThan(20);
    await page.goto('/desk?view=all');
    const rows = page.locator('[data-testid^="case-row-"]');
    await page.getByTestId('load-more').waitFor();
    expect(await rows.count()).to.equal(20);
    await page.getByTestId('load-more').click();
    const shown = Math.min(total, 40);
    await rows.nth(shown - 1).waitFor();
    expect(await rows.count()).to.equal(shown);
    const numbers = await Promise.all(Array.from({ length: shown }, (_, i) => rows.nth(i).getAttribute('data-testid')));
    expect(new Set(numbers).size).to.equal(numbers.length);
  });

  it('warns in the inbox and on the case when a case is due soon, then overdue and urged', async () => {
    const { page, server } = studio;
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true });
    const waiting = (await (await server.client('staff1')).get(`/api/cases?view=toAccept&q=${submitted.body.number}`)).body.cases[0];
    expect(waiting.warnAt, 'the accept step warns before its limit').to.be.a('string');

    server.clock.set(new Date(Date.parse(waiting.warnAt) + 60_000).toISOString());
    await runWorkerOnce(server.services, { workerId: 'desk-test' });
    await signIn(page, 'staff1');
    await page.goto(`/desk?view=dueSoon&q=${waiting.number}`);
    await page.getByTestId(`case-row-${waiting.number}`).getByTestId('badge-due-soon').waitFor();

    server.clock.set(new Date(Date.parse(waiting.dueAt) + 60_000).toISOString());
    await runWorkerOnce(server.services, { workerId: 'desk-test' });
    await signIn(page, 'staff1');
    await page.goto(`/desk?view=overdue&q=${waiting.number}`);
    await page.getByTestId(`case-row-${waiting.number}`).getByTestId('badge-overdue').waitFor();
    await openInboxCase(page, waiting.number, 'overdue');
    await page.getByTestId('case-header').getByTestId('badge-overdue').waitFor();
    await page.getByTestId('case-header').getByTestId('badge-urged').waitFor();
    await page.getByTestId('timeline').getByText('超过办理时限（逾期示警）').waitFor();
  });

  /** A second browser context signed in as another member of staff; its page errors are collected too. */
});

