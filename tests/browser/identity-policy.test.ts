/**
 * Rows H4/H5 in the portal (Chromium): as zhangsan types, the apply form runs the identity policy
 * the server runs — a warning under an ID number with an abolished region code, and under a USCC
 * failing its check the soft reject with a checkbox. Submitting unconfirmed is held back; ticking
 * the box with the keyboard lets it through, the receipt page lists the warning, and staff see
 * the review flag on the case, at the desk too.
 */
import { expect } from 'chai';
import { PLEDGE_ITEM, pledgeData, pledgeFiles } from '../api/support/pledge.js';
import type { ApiClient } from '../support/api-client.js';
import { fillApplication, signInToPortal } from './steps/portal.js';
import { describeBrowser, openAnotherPage, screenshot, useStudio } from './support/studio.js';

const PLEDGE = 'patent-pledge-registration';

describeBrowser('portal: identity numbers (soft reject with confirmation, warnings)', () => {
  const studio = useStudio();
  let staff1: ApiClient;

  before(async () => {
    staff1 = await studio.server.client('staff1');
  });

  it('given a USCC failing its check and an abolished region, when zhangsan applies, then she confirms with the keyboard and staff see the review flag', async () => {
    const { page } = studio;
    await signInToPortal(page, 'zhangsan');
    const data = pledgeData({ pledgorCertificateNo: '12440300455752102D', pledgeeUscc: '91350203M0001FUE2P', agentIdNumber: '342401199001010016' });
    await fillApplication(page, PLEDGE, { data, files: pledgeFiles({ hasAgentIdentity: true }) });

    const confirmNote = page.getByTestId('identity-note-/pledgeeUscc');
    await confirmNote.getByText('校验码不符，请核对').waitFor();
    await page.getByTestId('identity-note-/agentIdNumber').getByText('行政区划代码不在现行 GB/T 2260 代码表中').waitFor();

    await page.getByTestId('submit-application').click();
    await page.getByText('有号码的校验码不符：请核对，或勾选确认后再提交').waitFor();
    expect(await page.getByTestId('submitted').count()).to.equal(0);

    const checkbox = confirmNote.getByRole('checkbox', { name: '我已核对，号码与证件一致，确认提交' });
    await checkbox.focus();
    await page.keyboard.press('Space');
    expect(await checkbox.isChecked()).to.equal(true);
    await confirmNote.scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-identity-confirm');

    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases'),
      page.getByTestId('submit-application').click(),
    ]);
    expect(answer.status(), await answer.text()).to.equal(201);
    await page.getByTestId('submitted').waitFor();
    await page.getByTestId('submitted-warnings').getByText('行政区划代码不在现行 GB/T 2260 代码表中').waitFor();
    const number = await page.getByTestId('case-number').innerText();

    const listed = (await staff1.get(`/api/cases?q=${encodeURIComponent(number)}`)).body.cases as Array<{ id: string; number: string }>;
    const kase = listed.find((c) => c.number === number);
    const view = (await staff1.get(`/api/cases/${kase?.id}`)).body;
    expect(view.reviewFlags.map((f: { code: string; path: string }) => `${f.code} ${f.path}`)).to.deep.equal(['identity.uscc-check /data/pledgeeUscc']);
  });

  it('given a case submitted with a confirmed USCC, when staff1 opens it at the desk, then the review flag and the warning show above the form data', async () => {
    const zhangsan = await studio.server.client('zhangsan');
    const data = pledgeData({ pledgorCertificateNo: '12440300455752102D', pledgeeUscc: '91350203M0001FUE2P', agentIdNumber: '342401199001010016' });
    const answer = await zhangsan.postMultipart('/api/cases', { item: PLEDGE_ITEM, data, confirmations: ['/data/pledgeeUscc'] }, pledgeFiles({ hasAgentIdentity: true }));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const desk = await openAnotherPage(studio, 'staff1');
    try {
      await desk.page.goto(`/desk/cases/${answer.body.id}`);
      await desk.page.getByTestId('review-flags').getByText('校验码不符，请核对').waitFor();
      await desk.page.getByTestId('data-warnings').getByText('行政区划代码不在现行 GB/T 2260 代码表中').waitFor();
      await desk.page.getByTestId('review-flags').scrollIntoViewIfNeeded();
      await screenshot(desk.page, 'desk-review-flags');
      expect(desk.errors).to.deep.equal([]);
    } finally {
      await desk.close();
    }
  });
});
