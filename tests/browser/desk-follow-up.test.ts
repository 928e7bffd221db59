/**
 * The desk's tasks screen in Chromium with the follow-up rules at work: 绵阳 samples every good
 * review (sampleRate 100) and gives rectifications 2 working days with the reminder 3 working
 * days before, so the worker reminds a fresh one at once. staff1 sees the rectification marked
 * 已催办, closes a follow-up visit task with one outcome button, and reads both visit rates.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { act, completedPledge } from '../api/support/pledge.js';
import { stillScreenshot } from './steps/desk.js';
import { describeBrowser, useStudio } from './support/studio.js';

describeBrowser('desk: follow-up visits and reminders', () => {
  const studio = useStudio({ signInAs: 'staff1' });
  let bad: { id: string; number: string };
  let good: { id: string; number: string };

  before(async () => {
    const { server } = studio;
    const admin = await server.client('admin');
    const platform = JSON.parse(await readFile(join(process.cwd(), 'definitions', 'demo', 'mianyang', 'platform.json'), 'utf8'));
    platform.settings.rectification = { ...platform.settings.rectification, value: 2, remindBefore: 3 };
    platform.settings.followUp = { ...platform.settings.followUp, sampleRate: 100 };
    expect((await admin.put('/api/definitions/Platform/mianyang', platform)).status).to.equal(200);
    expect((await admin.post('/api/definitions/publish', { definitions: [{ kind: 'Platform', id: 'mianyang' }] })).status).to.equal(200);
    const zhangsan = await server.client('zhangsan');
    const staff1 = await server.client('staff1');
    for (const level of [2, 5]) {
      const completed = await completedPledge({ applicant: zhangsan, staff: staff1 });
      const rated = await act(zhangsan, completed, 'evaluate', { payload: { level, comment: level === 2 ? '材料要求说明不清' : '办理很快' } });
      expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
      if (level === 2) bad = rated.body;
      else good = rated.body;
    }
    await runWorkerOnce(server.services, { workerId: 'desk-follow-up' });
  });

  it('shows the reminded rectification and closes a follow-up visit task with its outcome button, the visit rates following', async () => {
    const { page } = studio;
    await page.goto('/desk/reviews');
    const rectification = page.getByTestId(`task-${bad.number}`);
    await rectification.getByTestId('task-reminded').filter({ hasText: '已催办' }).waitFor();
    const followUp = page.getByTestId(`task-${good.number}`);
    await followUp.getByText('好评抽样回访', { exact: true }).waitFor();
    await followUp.getByText('待回访', { exact: true }).waitFor();
    await page.getByTestId('follow-up-visit-rate').filter({ hasText: '（0/1）' }).waitFor();
    await stillScreenshot(page, 'desk-follow-up');

    await followUp.getByLabel('回访情况').fill('电话回访，申请人对办理速度满意');
    await followUp.getByTestId('visit-satisfied').click();
    await followUp.waitFor({ state: 'detached' });
    await page.getByTestId('follow-up-visit-rate').filter({ hasText: '（1/1）' }).waitFor();
    await page.getByTestId('rectification-visit-rate').filter({ hasText: '（0/1）' }).waitFor();

    const tasks = (await (await studio.server.client('staff1')).get(`/api/tasks?caseId=${good.id}`)).body.tasks;
    expect(tasks.map((t: { kind: string; status: string; result: string }) => [t.kind, t.status, t.result])).to.deep.equal([['followUp', 'done', '电话回访，申请人对办理速度满意']]);
  });
});
