/** The flow designer in a real browser: a copy of the standard flow, live dead-end and unreachable flags, connect, save. */
import { expect } from 'chai';
import { describeBrowser, screenshot, useStudio } from './support/studio.js';
import { choose, saveDraft, storedDraft } from './steps/definitions.js';
import { addRuleRow } from './steps/rule-builder.js';
import { addStep, connectSteps, createFlow, openFlow, selectStep, stepNode, waitForFlags } from './steps/flow-designer.js';

describeBrowser('flow designer', () => {
  const studio = useStudio({ signInAs: 'admin' });

  it('starts a new flow as a copy of the standard five-stage flow, with nothing flagged', async () => {
    const { page } = studio;
    await createFlow(page, 'expert-review-flow');
    for (const step of ['consult', 'check', 'supplement', 'accept', 'implement', 'feedback', 'supervise', 'closed', 'rejected', 'withdrawn']) {
      await stepNode(page, step).waitFor();
    }
    await stepNode(page, 'implement').getByText('服务实施').first().waitFor();
    await page.getByTestId('rf__edge-action:accept:accept').waitFor();
    await page.getByTestId('rf__edge-next:check:0').waitFor();
    expect(await page.getByTestId('flow-flags').getAttribute('data-count')).to.equal('0');
  });

  it('flags a new step with no way in or out live, and clears the flags as it is connected', async () => {
    const { page } = studio;
    await addStep(page, { title: '专家评审', key: 'expertReview', stage: '服务实施' });
    await waitForFlags(page, 'expertReview', ['workflow.step.dead-end', 'workflow.step.unreachable']);
    const flags = page.getByTestId('flow-flags');
    await flags.locator('[data-code="workflow.step.dead-end"][data-step="expertReview"]').getByText('“专家评审”没有操作也没有自动流转').waitFor();

    await connectSteps(page, 'expertReview', 'feedback');
    await waitForFlags(page, 'expertReview', ['workflow.step.unreachable']);
    expect(await flags.locator('[data-code="workflow.step.dead-end"]').count()).to.equal(0);

    await connectSteps(page, 'implement', 'expertReview');
    await waitForFlags(page, 'expertReview', []);
    expect(await flags.getAttribute('data-count')).to.equal('0');

    // The new action from 服务实施: a title and a condition built with the rule builder.
    const panel = page.getByTestId('action-panel');
    await panel.getByLabel('操作名称').fill('提交专家评审');
    await addRuleRow(page, 'action-when', { field: '退回本步骤的次数', op: '小于', value: '2' });
    await page.getByTestId('rf__edge-action:implement:toExpertReview').getByText('提交专家评审').waitFor();
    await selectStep(page, 'expertReview');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'studio-flow-designer');

    const saved = page.waitForResponse((r) => r.request().method() === 'PUT');
    await saveDraft(page);
    expect((await (await saved).json()).problems).to.deep.equal([]);
    const stored = await storedDraft(studio.server, 'Workflow', 'expert-review-flow');
    expect(stored.steps.expertReview).to.deep.equal({
      title: '专家评审',
      stage: 'implement',
      actions: { toFeedback: { title: '新操作', to: 'feedback', roles: ['staff'] } },
    });
    expect(stored.steps.implement.actions.toExpertReview).to.deep.equal({
      title: '提交专家评审',
      to: 'expertReview',
      roles: ['staff'],
      when: { '<': [{ var: 'case.returns' }, 2] },
    });
    // Everything else is the standard flow as it was.
    const standard = (await (await studio.server.client('admin')).get('/api/definitions/Workflow/standard-service')).body.versions[0].body;
    expect(Object.keys(stored.steps)).to.deep.equal([...Object.keys(standard.steps), 'expertReview']);
    expect(stored.steps.accept).to.deep.equal(standard.steps.accept);
  });

  it('undoes a connection; deleting a step removes the actions leading to it', async () => {
    const { page } = studio;
    await openFlow(page, 'expert-review-flow');
    await connectSteps(page, 'expertReview', 'closed');
    await page.locator('body').press('Escape');
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByTestId('rf__edge-action:expertReview:toClosed').waitFor({ state: 'detached' });
    await selectStep(page, 'expertReview');
    await page.getByTestId('delete-step').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await stepNode(page, 'expertReview').waitFor({ state: 'detached' });
    await page.getByTestId('rf__edge-action:implement:toExpertReview').waitFor({ state: 'detached' });
    expect(await page.getByTestId('flow-flags').getAttribute('data-count')).to.equal('0');
  });

  it("shows an action's rule as rows and its effects, and saves an effect added with its own form", async () => {
    const { page } = studio;
    await selectStep(page, 'accept');
    await page.getByTestId('step-panel').getByRole('button', { name: '受理 → 服务实施' }).click();
    const panel = page.getByTestId('action-panel');
    expect(await panel.getByTestId('action-when').getAttribute('data-mode')).to.equal('rows');
    await panel.getByTestId('action-when-words').filter({ hasText: '阻碍受理的材料数（缺少或不合格，不含容缺） 等于 0' }).waitFor();
    // assign, notify (in-app and e-mail), notify (SMS): each effect a card of its own.
    for (const i of [0, 1, 2]) await panel.getByTestId(`action-effects-${i}`).waitFor();
    expect(await panel.getByTestId('action-effects-3').count()).to.equal(0);
    await panel.getByTestId('action-effects-add').click();
    await page.getByRole('menuitem', { name: '催告' }).click();
    const urge = panel.getByTestId('action-effects-3');
    await urge.getByText('监督人（平台管理员）').waitFor();
    await choose(urge.getByLabel('接收人'), '承办人');
    await saveDraft(page);
    const stored = await storedDraft(studio.server, 'Workflow', 'expert-review-flow');
    expect(stored.steps.accept.actions.accept.effects.at(-1)).to.deep.equal({ urge: 'assignee' });
    expect(stored.steps.accept.actions.accept.when).to.deep.equal({ '==': [{ var: 'materials.blockingCount' }, 0] });
  });
});
