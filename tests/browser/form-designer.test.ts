/**
 * The form designer in a real browser, used as a platform admin would: fields from the palette
 * (click and drag), properties, a field shown only when 是否委托代理 is 是, a repeating group;
 * the preview shows the conditional field only while its condition holds and submits without
 * it; undo and redo; the saved schema carries the rule as standard allOf/if/then.
 */
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { describeBrowser, screenshot, useStudio } from './support/studio.js';
import {
  addField,
  addFieldToGroup,
  fieldRow,
  openFormDesigner,
  pasteFormJson,
  saveForm,
  selectField,
  setFormTitle,
  setProperty,
  setVisibleWhen,
  topLevelLabels,
} from './steps/form-designer.js';

const FORM_ID = 'agency-request';

/** Waits until the element has not moved for a few frames (rows animate into place after a drop). */
async function untilStill(element: Locator): Promise<void> {
  // No named helpers inside: the function runs in the page, without the test runner's helpers.
  // The tests compile without the DOM's types, hence the narrow casts.
  await element.evaluate(async (node) => {
    const frames = globalThis as unknown as { requestAnimationFrame(callback: () => void): void };
    const box = node as unknown as { getBoundingClientRect(): unknown };
    let last = '';
    let still = 0;
    while (still < 3) {
      await new Promise<void>((resolve) => frames.requestAnimationFrame(resolve));
      const now = JSON.stringify(box.getBoundingClientRect());
      still = now === last ? still + 1 : 0;
      last = now;
    }
  });
}

/**
 * Drags `source` onto the middle of `target` with the mouse, in small steps as a hand would
 * (dnd-kit needs real moves). The page may scroll under a drag near its edge and sortable rows
 * shift as the drag passes them, so the target's place is taken before the drag, relative to
 * the canvas, and followed through the canvas until the pointer rests.
 */
async function drag(page: Page, source: Locator, target: Locator) {
  const canvas = page.getByTestId('canvas');
  for (const element of [source, target, canvas]) await untilStill(element);
  const [from, to, frame] = await Promise.all([source.boundingBox(), target.boundingBox(), canvas.boundingBox()]);
  if (!from || !to || !frame) throw new Error('drag: not on screen');
  const offset = { x: to.x + to.width / 2 - frame.x, y: to.y + to.height / 2 - frame.y };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  let last = '';
  for (let attempt = 0; attempt < 10; attempt++) {
    const now = await canvas.boundingBox();
    if (!now) throw new Error('drag: canvas gone');
    const point = { x: now.x + offset.x, y: now.y + offset.y };
    if (JSON.stringify(point) === last) break;
    last = JSON.stringify(point);
    await page.mouse.move(point.x, point.y, { steps: 10 });
  }
  await page.mouse.up();
}

describeBrowser('form designer', () => {
  const studio = useStudio({ signInAs: 'admin', timeoutMs: 10_000 });

  it('builds a form from the palette: text, select, resident ID, a conditional field and a repeating group', async () => {
    const { page } = studio;
    await openFormDesigner(page, FORM_ID);
    await setFormTitle(page, '代理申请表');
    await addField(page, 'text', { label: '申请人姓名', key: 'applicantName', required: true });
    await addField(page, 'residentId', { label: '身份证号码', key: 'idNumber', required: true });
    await addField(page, 'select', { label: '申请人类型', key: 'applicantType', options: ['organization=单位', 'individual=个人'] });
    await addField(page, 'checkbox', { label: '是否委托代理', key: 'isAgent' });
    await addField(page, 'text', { label: '代理人姓名', key: 'agentName', required: true });
    await setVisibleWhen(page, '代理人姓名', { field: '是否委托代理', op: '为“是”' });
    await addField(page, 'group', { label: '发明人', key: 'inventors' });
    await addFieldToGroup(page, '发明人', 'text', { label: '发明人姓名', key: 'name', required: true });
    await addFieldToGroup(page, '发明人', 'residentId', { label: '发明人身份证号', key: 'idNumber' });
    expect(await topLevelLabels(page)).to.deep.equal(['申请人姓名', '身份证号码', '申请人类型', '是否委托代理', '代理人姓名', '发明人']);
    const inner = await Promise.all((await fieldRow(page, '发明人').locator('[data-testid="canvas-field"]').all()).map((row) => row.getAttribute('data-label')));
    expect(inner).to.deep.equal(['发明人姓名', '发明人身份证号']);
  });

  it('adds a field by dragging it from the palette and reorders by dragging and with the move buttons', async () => {
    const { page } = studio;
    await drag(page, page.getByTestId('palette-phone'), fieldRow(page, '申请人姓名'));
    await fieldRow(page, '手机号码').waitFor();
    expect((await topLevelLabels(page))[0]).to.equal('手机号码');
    await drag(page, fieldRow(page, '手机号码').getByRole('button', { name: '拖动排序' }), fieldRow(page, '身份证号码'));
    expect(await topLevelLabels(page)).to.deep.equal(['申请人姓名', '身份证号码', '手机号码', '申请人类型', '是否委托代理', '代理人姓名', '发明人']);
    await fieldRow(page, '手机号码').getByRole('button', { name: '上移' }).click();
    expect((await topLevelLabels(page)).slice(0, 3)).to.deep.equal(['申请人姓名', '手机号码', '身份证号码']);
    await selectField(page, '手机号码');
    await setProperty(page, '标识', 'phone');
  });

  it('undoes and redoes edits', async () => {
    const { page } = studio;
    await selectField(page, '申请人类型');
    await setProperty(page, '标题', '申请人类别');
    await fieldRow(page, '申请人类别').waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await fieldRow(page, '申请人类型').waitFor();
    await page.getByRole('button', { name: '重做' }).click();
    await fieldRow(page, '申请人类别').waitFor();
    await page.getByRole('button', { name: '撤销' }).click();
    await fieldRow(page, '申请人类型').waitFor();
  });

  it('previews the form: the conditional field shows only while its condition holds, and a submit without it succeeds', async () => {
    const { page } = studio;
    await selectField(page, '代理人姓名');
    await page.mouse.move(0, 0);
    await page.waitForFunction(`!document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)')`);
    await screenshot(page, 'studio-form-designer');
    await page.getByRole('tab', { name: '预览' }).click();
    const preview = page.getByTestId('preview');
    await preview.getByLabel('申请人姓名').fill('张三');
    // The preview checks formats as the server does, and words the problem as the server does.
    await preview.getByLabel('身份证号码').fill('110105194912310021');
    await preview.getByRole('button', { name: /提\s*交/ }).click();
    await preview.getByText('"身份证号码" 格式不正确，最后一位校验码不符，请核对').first().waitFor();
    expect(await page.getByTestId('preview-submitted').count()).to.equal(0);
    await preview.getByLabel('身份证号码').fill('11010519491231002X');
    await preview.getByLabel('手机号码').fill('13800138000');
    await preview.getByLabel('发明人姓名').fill('李四');
    expect(await preview.getByLabel('代理人姓名').count()).to.equal(0);
    await preview.getByLabel('是否委托代理').check();
    await preview.getByLabel('代理人姓名').fill('王五');
    await preview.getByLabel('是否委托代理').uncheck();
    await preview.getByLabel('代理人姓名').waitFor({ state: 'detached' });
    await preview.getByRole('button', { name: /提\s*交/ }).click();
    const submitted = JSON.parse(await page.getByTestId('preview-submitted').innerText()) as Record<string, unknown>;
    expect(submitted).to.include({ applicantName: '张三', idNumber: '11010519491231002X', phone: '13800138000', isAgent: false });
    expect(submitted).to.not.have.property('agentName');
    expect(submitted.inventors).to.deep.equal([{ name: '李四' }]);
  });

  it('saves, and the server stores the rule as allOf/if/then', async () => {
    const { page, server } = studio;
    await page.getByRole('tab', { name: '设计' }).click();
    await saveForm(page);
    const admin = await server.client('admin');
    const { status, body } = await admin.get(`/api/definitions/Form/${FORM_ID}`);
    expect(status).to.equal(200);
    expect(body.versions[0].body.title).to.equal('代理申请表');
    const schema = body.versions[0].body.schema;
    expect(schema.required).to.deep.equal(['applicantName', 'idNumber']);
    expect(schema.properties).to.not.have.property('agentName');
    expect(schema.allOf).to.deep.equal([
      { if: { properties: { isAgent: { const: true } }, required: ['isAgent'] }, then: { properties: { agentName: { type: 'string', title: '代理人姓名' } }, required: ['agentName'] } },
    ]);
    expect(schema.properties.inventors.items.required).to.deep.equal(['name']);
    expect(schema.properties.phone).to.deep.equal({ type: 'string', title: '手机号码', format: 'cn-mobile' });
    expect(body.versions[0].body.uiSchema['ui:order']).to.deep.equal(['applicantName', 'phone', 'idNumber', 'applicantType', 'isAgent', 'agentName', 'inventors']);
  });

  it('pastes JSON as one undo step, and previews widgets and fields the studio lacks with standard controls and a note', async () => {
    const { page } = studio;
    await openFormDesigner(page, 'playground-widgets');
    await pasteFormJson(page, {
      schema: { type: 'object', properties: { stars: { type: 'integer', title: '评分' }, place: { type: 'object', title: '位置', properties: { lat: { type: 'number', title: '纬度' } } } } },
      uiSchema: { stars: { 'ui:widget': 'StarPicker' }, place: { 'ui:field': 'map' } },
      sampleData: { stars: 3, place: { lat: 30.6 } },
    });
    await page.getByRole('tab', { name: '设计' }).click();
    expect(await topLevelLabels(page)).to.deep.equal(['评分', '位置']);
    await page.getByRole('tab', { name: '预览' }).click();
    const notes = await page.getByTestId('preview-fallback').allInnerTexts();
    expect(notes).to.deep.equal(['预览中以标准控件代替“StarPicker”', '预览中以标准字段代替自定义字段“map”']);
    expect(await page.getByTestId('preview').getByLabel('纬度').inputValue()).to.equal('30.6');
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('tab', { name: '设计' }).click();
    expect(await topLevelLabels(page)).to.deep.equal([]);
  });
});
