/**
 * The studio's promise, end to end, as a new platform admin would try it: sign in, design a
 * value-added item — a 10-field form with a conditional field and a repeating group, a checklist
 * with a conditional material, the standard flow, the guide template localized — add it to the
 * value-added list, publish, and find it on the public page with its guide rendered.
 */
import { expect } from 'chai';
import { addMaterial, createChecklist, saveDraft as saveChecklist, useFieldsOfForms } from './steps/checklist-designer.js';
import { addField, addFieldToGroup, openFormDesigner, saveForm, setFormTitle, setVisibleWhen } from './steps/form-designer.js';
import { createItem, itemField } from './steps/items.js';
import { addItemToList, publishAllDrafts } from './steps/lists.js';
import { editTemplateBody, saveDraft as saveTemplate } from './steps/templates.js';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';

const ITEM = 'va-patent-navigation';
const TITLE = '专利导航服务';
const LOCAL_NOTE = '绵阳窗口提示：专利导航服务可预约上门咨询。';

describeBrowser('studio journey: a value-added item from nothing to the public list', () => {
  const studio = useStudio();

  it('signs in as the platform admin', async () => {
    await signIn(studio.page, 'admin');
  });

  it('designs a 10-field application form with a conditional field and a repeating group', async () => {
    const { page, server } = studio;
    await openFormDesigner(page, ITEM);
    await setFormTitle(page, '专利导航服务申请表');
    await addField(page, 'text', { label: '申请单位名称', key: 'orgName', required: true });
    await addField(page, 'uscc', { label: '统一社会信用代码', key: 'orgUscc', required: true });
    await addField(page, 'text', { label: '联系人', key: 'contactName', required: true });
    await addField(page, 'phone', { label: '联系电话', key: 'contactPhone', required: true });
    await addField(page, 'select', { label: '导航类型', key: 'navType', options: ['industry=产业规划类', 'enterprise=企业经营类', 'rd=研发活动类'] });
    await addField(page, 'number', { label: '预算（万元）', key: 'budget' });
    await addField(page, 'date', { label: '期望完成日期', key: 'dueDate' });
    await addField(page, 'checkbox', { label: '是否委托代理', key: 'isAgent' });
    await addField(page, 'text', { label: '代理人姓名', key: 'agentName', required: true });
    await setVisibleWhen(page, '代理人姓名', { field: '是否委托代理', op: '为“是”' });
    await addField(page, 'group', { label: '关注技术领域', key: 'techFields' });
    await addFieldToGroup(page, '关注技术领域', 'text', { label: '技术领域', key: 'field', required: true });
    await addFieldToGroup(page, '关注技术领域', 'textarea', { label: '说明', key: 'note' });
    await saveForm(page);

    const admin = await server.client('admin');
    const { body } = await admin.get(`/api/definitions/Form/${ITEM}`);
    const form = (body.versions as Array<{ status: string; body: any }>).find((v) => v.status === 'draft')?.body;
    const topLevel = [...Object.keys(form.schema.properties), ...form.schema.allOf.flatMap((c: any) => Object.keys(c.then?.properties ?? {}))];
    expect(topLevel).to.have.members(['orgName', 'orgUscc', 'contactName', 'contactPhone', 'navType', 'budget', 'dueDate', 'isAgent', 'agentName', 'techFields']);
    expect(form.schema.properties.techFields.type).to.equal('array');
    expect(Object.keys(form.schema.properties.techFields.items.properties)).to.deep.equal(['field', 'note']);
    expect(form.schema.properties.orgUscc.format).to.equal('cn-uscc');
  });

  it('designs the checklist with a material required only when an agent applies', async () => {
    const { page, server } = studio;
    await createChecklist(page, ITEM);
    await useFieldsOfForms(page, [ITEM]);
    await addMaterial(page, { name: '授权委托书', key: 'powerOfAttorney', requiredWhen: { field: '是否委托代理', op: '为是' }, form: '原件', count: 1, fileTypes: ['pdf'], maxSizeMB: 10 });
    await addMaterial(page, { name: '营业执照', key: 'businessLicense', form: '复印件', fileTypes: ['pdf', 'jpg'], maxSizeMB: 10, deferrable: true });
    await saveChecklist(page);
    const admin = await server.client('admin');
    const { body } = await admin.get(`/api/definitions/Checklist/${ITEM}`);
    const checklist = (body.versions as Array<{ status: string; body: any }>).find((v) => v.status === 'draft')?.body;
    const attorney = checklist.materials.find((m: any) => m.key === 'powerOfAttorney');
    expect(attorney.required).to.deep.equal({ '==': [{ var: 'form.isAgent' }, true] });
  });

  it('creates the item on the standard flow, using the form and checklist just designed', async () => {
    const { page } = studio;
    const { problems } = await createItem(page, { id: ITEM, title: TITLE, category: '增值服务', content: '围绕产业、企业或研发活动开展专利导航分析，出具导航报告。', department: '绵阳市知识产权服务中心' });
    expect(problems.filter((p) => p.file?.includes(ITEM) ?? true), JSON.stringify(problems)).to.deep.equal([]);
    expect(await itemField(page, 'workflow').textContent()).to.contain('standard-service');
    await screenshot(page, 'journey-item');
  });

  it('localizes the guide template', async () => {
    const { page } = studio;
    await editTemplateBody(page, 'service-guide', `\n<p class="local-note">${LOCAL_NOTE}</p>\n`);
    await saveTemplate(page);
  });

  it('adds the item to the value-added list and publishes everything as one set', async () => {
    const { page } = studio;
    await addItemToList(page, 'province-value-added-list', TITLE);
    const listed = await publishAllDrafts(page, [ITEM, 'service-guide', 'province-value-added-list']);
    expect(listed).to.include.members([ITEM, 'service-guide', 'province-value-added-list']);
  });

  it('shows the item in the published value-added list, and its guide renders', async () => {
    const { page } = studio;
    await page.goto('/');
    const list = page.locator('[data-list-type="valueAdded"]');
    await list.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'portal-lists');
    await list.getByRole('link', { name: TITLE }).click();
    const guide = page.getByTestId('guide');
    await guide.filter({ hasText: TITLE }).waitFor();
    await guide.filter({ hasText: LOCAL_NOTE }).waitFor();
    await guide.filter({ hasText: '授权委托书' }).waitFor();
    await screenshot(page, 'portal-guide');
  });
});
