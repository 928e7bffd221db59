/** The checklist designer in a real browser: materials, required-ness by rule, reorder, save. */
import { expect } from 'chai';
import { describeBrowser, screenshot, useStudio } from './support/studio.js';
import { addMaterial, createChecklist, useFieldsOfForms } from './steps/checklist-designer.js';
import { saveDraft, storedDraft } from './steps/definitions.js';

describeBrowser('checklist designer', () => {
  const studio = useStudio({ signInAs: 'admin' });

  it('builds a checklist with a conditional material through the rule builder, and the server stores the JSON Logic rule', async () => {
    const { page } = studio;
    await createChecklist(page, 'pledge-agent-checklist');
    // No item uses the new checklist yet: its rules read the pledge registration form.
    await useFieldsOfForms(page, ['patent-pledge-registration']);
    await addMaterial(page, {
      name: '授权委托书',
      key: 'powerOfAttorney',
      requiredWhen: { field: '是否委托代理人办理', op: '为是' },
      form: '原件',
      count: 2,
      fileTypes: ['pdf', 'ofd'],
      maxSizeMB: 5,
      sample: '授权委托书样表',
      deferrable: true,
      note: '委托人签字或盖章',
    });
    // The guide's condition text follows the rule's words.
    expect(await page.getByLabel('条件说明').inputValue()).to.equal('是否委托代理人办理 为是');
    await page.getByTestId('required-rule-words').filter({ hasText: '是否委托代理人办理 为是' }).waitFor();
    await addMaterial(page, { name: '评估报告', key: 'valuation', requiredWhen: { field: '被担保的主债权数额（万元）', op: '大于', value: '500' }, form: '原件或复印件' });
    await page.getByRole('tab', { name: '指南预览' }).click();
    await page.getByTestId('checklist-preview').getByText('是否委托代理人办理 为是（可容缺后补）').waitFor();
    await page.getByRole('tab', { name: '设计' }).click();
    await page.getByTestId('material-1').getByText('2. 授权委托书').click();
    await screenshot(page, 'studio-checklist-designer');
    await saveDraft(page);

    const stored = await storedDraft(studio.server, 'Checklist', 'pledge-agent-checklist');
    expect(stored.materials.map((m: { key: string }) => m.key)).to.deep.equal(['applicationForm', 'powerOfAttorney', 'valuation']);
    expect(stored.materials[1]).to.deep.equal({
      key: 'powerOfAttorney',
      name: '授权委托书',
      required: { '==': [{ var: 'form.isAgent' }, true] },
      condition: '是否委托代理人办理 为是',
      form: 'original',
      count: 2,
      fileTypes: ['pdf', 'ofd'],
      maxSizeMB: 5,
      sample: '授权委托书样表',
      isDeferrable: true,
      note: '委托人签字或盖章',
    });
    expect(stored.materials[2].required).to.deep.equal({ '>': [{ var: 'form.debtAmount' }, 500] });
    expect(stored.materials[2].form).to.equal('originalOrCopy');
  });

  it('reorders with the buttons, flags a duplicate key live, and undo brings the order back', async () => {
    const { page } = studio;
    await page.getByTestId('material-2').getByRole('button', { name: '上移' }).click();
    expect(await page.getByTestId('material-1').getAttribute('data-key')).to.equal('valuation');
    await page.getByTestId('material-1').getByRole('button', { name: '评估报告' }).click();
    await page.getByTestId('material-panel').getByLabel('标识').fill('powerOfAttorney');
    await page.getByTestId('checklist-flags').filter({ hasText: 'is used twice' }).waitFor();
    await page.getByTestId('material-panel').getByText('标识 powerOfAttorney 已被另一项材料使用').waitFor();
    await page.getByTestId('material-panel').getByLabel('标识').fill('valuation');
    await page.getByTestId('checklist-flags').waitFor({ state: 'detached' });
    await page.getByTestId('material-list').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < 30 && (await page.getByTestId('material-1').getAttribute('data-key')) !== 'powerOfAttorney'; i++) {
      await page.getByRole('button', { name: '撤销' }).click();
    }
    expect(await page.getByTestId('material-1').getAttribute('data-key')).to.equal('powerOfAttorney');
  });

  it('shows a hand-written rule read-only as JSON and saves it unchanged', async () => {
    const { page } = studio;
    await createChecklist(page, 'hand-written-rule');
    const handWritten = { or: [{ '!!': [{ var: 'form.isAgent' }] }, { and: [{ missing: ['form.email'] }, { '==': [{ var: 'form.pledgorType' }, 'individual'] }] }] };
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByTestId('json-view');
    const doc = JSON.parse(await json.inputValue());
    doc.materials[0].required = handWritten;
    await json.fill(JSON.stringify(doc, null, 2));
    await page.getByTestId('json-view-apply').click();
    await page.getByRole('tab', { name: '设计' }).click();
    await page.getByTestId('material-0').getByRole('button', { name: /申请表/ }).click();
    const builder = page.getByTestId('required-rule');
    expect(await builder.getAttribute('data-mode')).to.equal('json');
    expect(JSON.parse(await builder.getByTestId('rule-readonly').innerText())).to.deep.equal(handWritten);
    await saveDraft(page);
    expect((await storedDraft(studio.server, 'Checklist', 'hand-written-rule')).materials[0].required).to.deep.equal(handWritten);
  });
});
