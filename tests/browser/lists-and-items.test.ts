/**
 * Service lists and the item editor in a real browser: adopting a province item (an unlocked
 * field edits and publishes, a locked one cannot change), a list's Excel round trip, and
 * editing a list (add from the province library, reorder, remove, publish) as the portal shows it.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';
import { createItem, itemField, itemText, openItem, publishOpenDefinition, saveDraft } from './steps/items.js';
import { addItemToList, listOrder, listRow, moveRow, openList, publishAllDrafts, removeRow } from './steps/lists.js';


describeBrowser('adopting a province item', () => {
  const studio = useStudio();
  const ITEM = 'patent-pledge-registration';

  it('shows the locked fields of the province template disabled with a lock, the others editable', async () => {
    const { page } = studio;
    await signIn(page, 'admin');
    await openItem(page, ITEM);
    await page.getByTestId('adopted').waitFor();
    expect(await itemField(page, 'legalBasis').getAttribute('data-locked')).to.equal('true');
    await itemField(page, 'legalBasis').getByTestId('lock-legalBasis').waitFor();
    for (const input of await itemField(page, 'legalBasis').locator('input').all()) expect(await input.isDisabled()).to.equal(true);
    expect(await itemText(page, '服务内容').isDisabled()).to.equal(true);
    expect(await itemText(page, '办理渠道说明').isEditable()).to.equal(true);
    await page.getByTestId('tighten-only').filter({ hasText: '只能缩短' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByTestId('lock-content').hover();
    await page.getByRole('tooltip').filter({ hasText: '由省级模板锁定，不可修改' }).waitFor();
    await screenshot(page, 'studio-item-adopted-locked');
  });

  it('saves and publishes an unlocked field as the platform’s own version, which the public catalog then shows', async () => {
    const { page, server } = studio;
    const note = '绵阳窗口：绵阳市知识产权公共服务平台服务大厅 2 号窗口（测试）';
    await itemText(page, '办理渠道说明').fill(note);
    const saved = await saveDraft(page);
    expect(saved.status).to.equal(200);
    expect(saved.problems.filter((p) => p.file?.includes(`/ServiceItem/${ITEM}@`))).to.deep.equal([]);
    await publishOpenDefinition(page);
    await page.getByTestId('editor').getByText('已发布').first().waitFor();
    const guide = (await (await fetch(`${server.url}/api/platforms/mianyang/items/${ITEM}`)).json()) as { guideHtml: string };
    expect(guide.guideHtml).to.contain(note);
  });

  it('keeps a locked field changed through the JSON view on screen with the server’s problem at that field', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByTestId('json-view');
    const doc = JSON.parse(await json.inputValue()) as { legalBasis: string[] };
    doc.legalBasis = ['《绵阳市自定的依据》'];
    await json.fill(JSON.stringify(doc, null, 2));
    await page.getByTestId('json-view-apply').click();
    const saved = await saveDraft(page, { mayBeRefused: true });
    const adoption = saved.problems.filter((p) => p.code === 'adoption.locked-field-changed');
    expect(adoption.map((p) => p.path)).to.deep.equal(['/legalBasis']);
    expect(await json.inputValue()).to.contain('《绵阳市自定的依据》');
    await page.getByRole('tab', { name: '表单' }).click();
    const problems = itemField(page, 'legalBasis').getByTestId('field-problems-legalBasis');
    await problems.filter({ hasText: '由省级模板锁定' }).waitFor();
    expect(await problems.locator('[data-problem-code]').first().getAttribute('data-problem-code')).to.equal('adoption.locked-field-changed');
    expect(await itemField(page, 'legalBasis').locator('input').first().inputValue()).to.equal('《绵阳市自定的依据》');

    await page.getByRole('button', { name: '撤销' }).click();
    const restored = await saveDraft(page);
    expect(restored.problems.filter((p) => p.code.startsWith('adoption.'))).to.deep.equal([]);
    await itemField(page, 'legalBasis').getByTestId('field-problems-legalBasis').waitFor({ state: 'detached' });
  });
});

/** Rewrites one cell of the exported workbook: the row whose 事项标识 is `itemId`, the column headed `header`. */
async function editCell(file: string, input: { itemId: string; header: string; text: string }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const idColumn = headers.indexOf('事项标识');
  const column = headers.indexOf(input.header);
  expect(idColumn, 'the 事项标识 column').to.be.greaterThan(0);
  expect(column, `the ${input.header} column`).to.be.greaterThan(0);
  let found = false;
  sheet.eachRow((row, number) => {
    if (number > 1 && row.getCell(idColumn).text === input.itemId) {
      row.getCell(column).value = input.text;
      found = true;
    }
  });
  expect(found, `a row for ${input.itemId}`).to.equal(true);
  await workbook.xlsx.writeFile(file);
}

async function uploadWorkbook(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-excel').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('import-result').waitFor();
}

describeBrowser('a service list as an Excel workbook', () => {
  const studio = useStudio();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ipsp-workbook-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exports the value-added list, takes an edited 服务内容 back, and the item editor shows it as a draft', async () => {
    const { page } = studio;
    await signIn(page, 'province');
    await openList(page, 'province-value-added-list');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-excel').click();
    const file = join(dir, 'value-added.xlsx');
    await (await download).saveAs(file);
    const content = '面向中小企业提供专利、商标、版权等知识产权专业化培训（工作簿修改）。';
    await editCell(file, { itemId: 'va-ip-training', header: '服务内容', text: content });

    await uploadWorkbook(page, file);
    expect(await page.getByTestId('import-result').getAttribute('data-refused')).to.equal('false');
    await page.getByTestId('import-changed').getByRole('link', { name: 'va-ip-training' }).click();
    await page.locator('[data-testid="editor"][data-id="va-ip-training"]').waitFor();
    expect(await itemText(page, '服务内容').inputValue()).to.equal(content);
    await page.getByTestId('editor').getByText('草稿').first().waitFor();
    await page.getByTestId('locks').waitFor();
    await screenshot(page, 'studio-item-editor');
  });

  it('refuses a workbook with a wrong cell, naming its row and column, and saves nothing', async () => {
    const { page } = studio;
    await openList(page, 'province-value-added-list');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-excel').click();
    const file = join(dir, 'wrong.xlsx');
    await (await download).saveAs(file);
    await editCell(file, { itemId: 'va-ip-agency', header: '服务形式', text: '飞鸽传书' });
    await uploadWorkbook(page, file);
    expect(await page.getByTestId('import-result').getAttribute('data-refused')).to.equal('true');
    const problem = page.getByTestId('import-problems').getByRole('row').filter({ hasText: '飞鸽传书' });
    await problem.waitFor();
    const cells = await problem.getByRole('cell').allTextContents();
    expect(cells[0]).to.equal('3');
    expect(cells[1]).to.equal('服务形式');
  });
});

describeBrowser('editing a service list', () => {
  const studio = useStudio();

  it("creates the platform's own item, its fields checked against the meta-schema as the user types", async () => {
    const { page } = studio;
    await signIn(page, 'admin');
    const created = await createItem(page, {
      id: 'mianyang-patent-navigation',
      title: '绵阳专利导航服务',
      category: '知识产权信息服务',
      content: '围绕本地重点产业开展专利导航分析，提供产业专利态势报告。',
      department: '绵阳市知识产权公共服务平台',
      form: 'value-added-request',
      checklist: 'value-added-request',
    });
    expect(created.problems, JSON.stringify(created.problems)).to.deep.equal([]);
    await itemText(page, '事项类别').fill('');
    await itemField(page, 'category').getByTestId('field-problems-category').waitFor();
    await page.getByTestId('problems').locator('[data-problem-path="/category"]').waitFor();
    await itemText(page, '事项类别').fill('知识产权信息服务');
    await itemField(page, 'category').getByTestId('field-problems-category').waitFor({ state: 'detached' });
  });

  it('adds items (one adopted from the province library, one of the platform), reorders, removes, publishes; the portal shows the new order', async () => {
    const { page } = studio;
    await page.goto('/studio/lists');
    await page.getByTestId('lists-valueAdded').getByRole('link', { name: '四川省知识产权增值服务清单' }).waitFor();
    await page.getByTestId('lists-implementation').getByRole('link', { name: '四川省知识产权公共服务事项实施清单' }).click();
    await listRow(page, '专利权质押登记').waitFor();
    await page.getByTestId('inherited-list').waitFor();
    await addItemToList(page, 'province-implementation-list', '专利纠纷行政调解');
    await addItemToList(page, 'province-implementation-list', '绵阳专利导航服务');
    await moveRow(page, '专利纠纷行政调解', 'up');
    await moveRow(page, '专利纠纷行政调解', 'up');
    // The drag handle by keyboard, as dnd-kit offers it: Space lifts, an arrow moves, Space drops.
    await listRow(page, '绵阳专利导航服务').getByTestId('drag-handle').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await removeRow(page, '专利检索与查新咨询');
    await page.getByLabel('备注：绵阳专利导航服务').fill('绵阳特色服务');
    const expected = [
      'patent-pledge-registration',
      'trademark-pledge-registration',
      'patent-priority-examination-recommendation',
      'ip-rights-assistance',
      'patent-dispute-mediation',
      'patent-fee-reduction-filing',
      'mianyang-patent-navigation',
    ];
    expect(await listOrder(page)).to.deep.equal(expected);
    await page.getByTestId('list-table').locator('.ant-table-content, .ant-table-body').evaluateAll('panes => panes.forEach((pane) => pane.scrollTo(0, 0))');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'studio-list-editor');

    const saved = await saveDraft(page);
    expect(saved.status).to.equal(200);
    const published = await publishAllDrafts(page, ['province-implementation-list', 'mianyang-patent-navigation']);
    expect(published).to.have.members(['province-implementation-list', 'mianyang-patent-navigation']);

    await page.goto('/');
    const card = page.getByTestId('list-province-implementation-list');
    await card.getByRole('link', { name: '绵阳专利导航服务' }).waitFor();
    const titles = await card.locator('tbody tr a').allTextContents();
    expect(titles).to.deep.equal(['专利权质押登记', '注册商标专用权质权登记', '专利优先审查推荐', '知识产权维权援助', '专利纠纷行政调解', '专利收费减缴备案', '绵阳专利导航服务']);
  });
});
