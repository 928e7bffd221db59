/**
 * 好差评 at acceptance and the appeal path (申诉复核) in Chromium: zhangsan rates the
 * acceptance while her case is implemented (level radios, indicator stars with the arrow keys);
 * staff1 appeals the bad review from the reviews screen; the platform admin upholds it there,
 * and the case screen shows the evaluation with its indicators and the appeal's outcome.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { acceptedPledge } from '../api/support/pledge.js';
import { describeBrowser, openAnotherPage, useStudio } from './support/studio.js';

describeBrowser('evaluations and appeals', () => {
  const studio = useStudio({ signInAs: 'zhangsan' });
  let zhangsan: ApiClient;
  let kase: { id: string; number: string };

  before(async () => {
    zhangsan = await studio.server.client('zhangsan');
    kase = await acceptedPledge({ applicant: zhangsan, staff: await studio.server.client('staff1') });
  });

  it('zhangsan rates the acceptance while the service runs: level by radio, 服务态度 by keyboard stars', async () => {
    const { page } = studio;
    await page.goto(`/portal/cases/${kase.id}`);
    const panel = page.getByTestId('evaluate');
    await panel.getByText('受理评价（好差评）').waitFor();
    await panel.getByRole('radio', { name: '不满意', exact: true }).check();
    await panel.getByLabel('服务态度').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await panel.getByLabel('评价意见').fill('窗口推诿');
    await panel.getByTestId('submit-evaluation').click();
    await page.getByTestId('evaluation').getByTestId('rated-attitude').filter({ hasText: '服务态度 ★★' }).waitFor();
    await panel.waitFor({ state: 'detached' });
    const seen = (await zhangsan.get(`/api/cases/${kase.id}`)).body;
    expect(seen.evaluations.map((e: any) => [e.stage, e.level, e.indicators])).to.deep.equal([['implement', 2, { attitude: 2 }]]);
  });

  it('staff1 appeals the bad review from the reviews screen; the admin upholds it in the appeals tab', async () => {
    const staff = await openAnotherPage(studio, 'staff1');
    try {
      await staff.page.goto('/desk/reviews');
      const line = staff.page.getByTestId(`task-appeal-${kase.number}`);
      await line.getByText('受理评价 · 不满意').waitFor();
      await line.getByTestId('appeal').click();
      await staff.page.getByLabel('申诉理由').fill('申请人误评，已电话核实');
      await staff.page.getByTestId('file-appeal-confirm').click();
      await line.getByText('待复核').waitFor();
      expect(staff.errors).to.deep.equal([]);
    } finally {
      await staff.close();
    }
    const admin = await openAnotherPage(studio, 'admin');
    try {
      await admin.page.goto('/desk/reviews');
      await admin.page.getByTestId('reviews-filter').getByText('申诉复核').click();
      const card = admin.page.getByTestId(`appeal-${kase.number}`);
      await card.getByText('申请人误评，已电话核实').waitFor();
      await card.getByTestId('uphold-appeal').click();
      await admin.page.getByLabel('复核意见').fill('经回访核实为误评');
      await admin.page.getByTestId('decide-appeal-confirm').click();
      await card.waitFor({ state: 'detached' });
      await admin.page.goto(`/desk/cases/${kase.id}`);
      await admin.page.getByTestId('case-evaluations').getByText('申诉成立').waitFor();
      await admin.page.getByTestId('case-evaluations').getByTestId('rated-attitude').waitFor();
      expect(admin.errors).to.deep.equal([]);
    } finally {
      await admin.close();
    }
    const appeals = (await (await studio.server.client('admin')).get('/api/evaluation-appeals')).body.appeals;
    expect(appeals.map((a: any) => [a.caseNumber, a.status, a.decisionNote])).to.deep.equal([[kase.number, 'upheld', '经回访核实为误评']]);
  });
});
