/**
 * Revealing a masked value on the desk in Chromium: staff1 opens a case whose form carries an
 * ID number and phones, sees them masked, and with the keyboard asks for the agent's ID number
 * with a reason; a one-character reason is refused at the field, a real one shows the number.
 */
import { expect } from 'chai';
import { residentIdCheckChar } from '../../engine/forms/identity.js';
import { submitPledge } from '../api/support/pledge.js';
import { pledgeData } from '../fixtures/form-data.js';
import { describeBrowser, useStudio } from './support/studio.js';

const AGENT_ID_BODY = '51070319910817772';

describeBrowser('desk: revealing a masked ID number', () => {
  const studio = useStudio({ signInAs: 'staff1' });

  it('shows ID numbers and phones masked; 查看 with a reason shows the full value, a one-character reason is refused', async () => {
    const { page, server } = studio;
    const agentId = AGENT_ID_BODY + residentIdCheckChar(AGENT_ID_BODY);
    const zhangsan = await server.client('zhangsan');
    const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true, data: pledgeData({ agentIdNumber: agentId, agentPhone: '13512377009' }) });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    await page.goto(`/desk/cases/${submitted.body.id}`);
    const value = page.getByTestId('form-value-agentIdNumber');
    await value.getByText(`510***********${agentId.slice(-4)}`).waitFor();
    expect(await page.getByTestId('form-value-agentPhone').innerText()).to.contain('135****7009');
    expect(await page.getByTestId('form-data').innerText()).not.to.contain(agentId);

    await page.getByTestId('reveal-agentIdNumber').focus();
    await page.keyboard.press('Enter');
    // Typed once the dialog's field is there: keys pressed while it opens would go nowhere.
    const reason = page.getByRole('dialog').getByRole('textbox');
    await reason.waitFor();
    await reason.fill('看');
    await page.getByTestId('reveal-agentIdNumber-confirm').click();
    // The server's refusal stays in the dialog, at the reason.
    await page.getByRole('dialog').getByText('请填写查看完整信息的理由').waitFor();
    await page.keyboard.press('Control+A');
    await page.getByRole('dialog').getByRole('textbox').fill('核对代理人身份');
    await page.getByTestId('reveal-agentIdNumber-confirm').click();
    await page.getByTestId('reveal-agentIdNumber-value').getByText(agentId).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
