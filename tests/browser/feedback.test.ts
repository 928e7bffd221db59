/**
 * Feedback in a real browser: zhangsan files a complaint on the portal (a blank one is refused
 * at the field), staff answer it in the desk's 反馈 inbox, she sees the answer under 我的反馈;
 * the admin's published improvement measure shows on the public 改进举措公开 page without her
 * name or words, and the admin moves it on in the improvements screen.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { signInToPortal } from './steps/portal.js';
import { stillScreenshot } from './steps/desk.js';
import { describeBrowser, openAnotherPage, useStudio } from './support/studio.js';

const COMPLAINT = '大厅取号机坏了两天，没人处理。';
const ANSWER = '取号机已修复，并增加了备用设备。';

describeBrowser('feedback: complain on the portal, answer at the desk, publish the measure', () => {
  const studio = useStudio();
  let admin: ApiClient;

  before(async () => {
    admin = await studio.server.client('admin');
  });

  it('given zhangsan on 投诉与建议, when she submits nothing and then her complaint, then the field says what is missing and the complaint is listed awaiting an answer', async () => {
    const { page } = studio;
    await signInToPortal(page, 'zhangsan', '/portal/feedback');
    await page.getByTestId('submit-feedback').click();
    await page.getByText('请填写反馈内容').waitFor();
    await page.getByLabel('内容').fill(COMPLAINT);
    await page.getByTestId('submit-feedback').focus();
    await page.keyboard.press('Enter');
    const mine = page.getByTestId('my-feedback').getByTestId('feedback');
    await mine.filter({ hasText: COMPLAINT }).waitFor();
    expect(await mine.first().innerText()).to.contain('待答复');
  });

  it('given the complaint, when staff answer it in the 反馈 inbox, then zhangsan sees the answer on the portal', async () => {
    const staff = await openAnotherPage(studio, 'staff1');
    try {
      await staff.page.goto('/desk/feedback');
      const card = staff.page.locator('[data-testid^="feedback-"]').filter({ hasText: COMPLAINT });
      await card.getByLabel('答复').fill(ANSWER);
      await card.locator('[data-testid="send-feedback-answer"]:not([disabled])').waitFor();
      await stillScreenshot(staff.page, 'desk-feedback');
      await card.getByTestId('send-feedback-answer').click();
      await staff.page.getByText('已答复，反馈人将收到站内消息').waitFor();
      expect(staff.errors).to.deep.equal([]);
    } finally {
      await staff.close();
    }
    const { page } = studio;
    await page.reload();
    await page.getByTestId('feedback-answer').filter({ hasText: ANSWER }).waitFor();
  });

  it('given a published measure answering the complaint, when anyone opens 改进举措公开, then it shows without the complainant', async () => {
    const complaintId = ((await (await studio.server.client('staff1')).get('/api/feedback')).body.feedback as Array<{ id: string }>)[0]?.id;
    const created = await admin.post('/api/improvements', {
      title: '取号设备双机备份', description: '取号机故障时启用备用机。', source: 'feedback', feedbackIds: [complaintId], department: '综合窗口', targetDate: '2026-12-31', isPublished: true,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const visitor = await studio.browser.newContext({ baseURL: studio.server.url, locale: 'zh-CN' });
    try {
      const page = await visitor.newPage();
      await page.goto('/portal/improvements');
      const measure = page.getByTestId('public-measure').filter({ hasText: '取号设备双机备份' });
      await measure.waitFor();
      const text = await page.locator('body').innerText();
      for (const secret of ['张三', COMPLAINT]) expect(text).not.to.contain(secret);
    } finally {
      await visitor.close();
    }
  });

  it('given the measure, when the admin moves it to 实施中 on the improvements screen, then it shows in progress with the change in its history', async () => {
    const adminPage = await openAnotherPage(studio, 'admin');
    try {
      await adminPage.page.goto('/desk/improvements');
      const card = adminPage.page.locator('[data-testid^="measure-"]').filter({ hasText: '取号设备双机备份' });
      await card.getByRole('button', { name: '改为“实施中”' }).click();
      await adminPage.page.getByLabel('说明（可选）').fill('备用机已到货');
      await adminPage.page.getByRole('dialog').getByRole('button', { name: '改为“实施中”' }).click();
      await adminPage.page.getByText('举措已更新').waitFor();
      await card.getByText('实施中', { exact: true }).waitFor();
      await card.getByText('变更记录').click();
      await card.getByText(/计划中 → 实施中 · 已公开 · 备用机已到货/).waitFor();
      expect(adminPage.errors).to.deep.equal([]);
    } finally {
      await adminPage.close();
    }
  });
});
