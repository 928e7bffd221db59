/**
 * The template editor, a definition's history and the import/export screen in a real browser,
 * as 绵阳's admin: insert a variable into the province's guide template and see it rendered
 * for a sample item, get an unknown variable flagged at its line, save, read the diff against
 * the province's version, roll back to it, then export the platform's definitions and import
 * an id-renamed copy as drafts.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definitionsDir } from '../../server/paths.js';
import { describeBrowser, screenshot, useStudio } from './support/studio.js';
import {
  chooseSampleItem,
  insertVariable,
  openHistory,
  openTemplate,
  placeCursorAfter,
  previewFrame,
  rollBackTo,
  saveDraft,
  selectInBody,
  templateBody,
  typeInBody,
} from './steps/templates.js';

const TEMPLATE = 'service-guide';
const provinceGuide = JSON.parse(readFileSync(join(definitionsDir, 'province', 'templates', `${TEMPLATE}.json`), 'utf8')) as { body: string };
const pledgeItem = JSON.parse(readFileSync(join(definitionsDir, 'province', 'items', 'patent-pledge-registration.json'), 'utf8')) as {
  title: string;
  department: { name: string };
};

describeBrowser('template editor, versions, import and export', () => {
  const studio = useStudio({ signInAs: 'admin' });

  const versionsOf = async (kind: string, id: string) => {
    const client = await studio.server.client('admin');
    const { status, body } = await client.get(`/api/definitions/${kind}/${id}`);
    return status === 200 ? (body.versions as Array<{ platformId: string; status: string; version: number; body: any }>) : [];
  };
  const mianyangDraft = async (kind: string, id: string) => (await versionsOf(kind, id)).find((v) => v.platformId === 'mianyang' && v.status === 'draft');

  it('inserts a variable from the panel at the cursor, and the live preview shows its value for the sample item', async () => {
    const { page } = studio;
    await openTemplate(page, TEMPLATE);
    // By default the preview renders an item that uses this template.
    // The item list arrives after the body, so wait for the choice rather than read it once.
    await page.getByTestId('sample-item').filter({ hasText: /（[a-z0-9-]+）/ }).waitFor();
    await chooseSampleItem(page, pledgeItem.title);
    await placeCursorAfter(page, '<body>\n');
    await typeInBody(page, '<p class="probe">【');
    await insertVariable(page, 'item.department.name');
    await typeInBody(page, '】</p>\n');
    expect(await templateBody(page).inputValue()).to.contain('<body>\n<p class="probe">【{{item.department.name}}】</p>\n<h1>');
    await previewFrame(page).locator('p.probe').filter({ hasText: `【${pledgeItem.department.name}】` }).waitFor();
    // Typing scrolled the caret into view; the picture shows the editor from its toolbar.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'studio-template-editor');
  });

  it('flags an unknown variable inline with its line, keeps the last good preview marked 有错误, and clears once fixed', async () => {
    const { page } = studio;
    await placeCursorAfter(page, '【{{item.department.name}}】');
    await typeInBody(page, '{{item.departmnt}}');
    const problem = page.getByTestId('template-problems').locator('[data-problem-code]').filter({ hasText: 'item.departmnt' });
    await problem.waitFor();
    // The probe sits on the line after <body>.
    const line = provinceGuide.body.split('\n').indexOf('<body>') + 2;
    expect(await problem.getAttribute('data-line')).to.equal(String(line));
    expect(await problem.textContent()).to.contain(`第 ${line} 行`);
    await page.locator(`[data-marked-line="${line}"]`).waitFor();
    await page.getByTestId('preview-has-errors').waitFor();
    await previewFrame(page).locator('p.probe').filter({ hasText: `【${pledgeItem.department.name}】` }).waitFor();

    await selectInBody(page, '{{item.departmnt}}');
    await page.keyboard.press('Backspace');
    await page.getByTestId('template-problems').waitFor({ state: 'detached' });
    await page.getByTestId('preview-has-errors').waitFor({ state: 'detached' });
    expect(await page.locator('[data-marked-line]').count()).to.equal(0);
  });

  it('saves the edited template as 绵阳’s draft', async () => {
    const { page } = studio;
    await saveDraft(page);
    const draft = await mianyangDraft('Template', TEMPLATE);
    expect(draft?.body.body).to.contain('<p class="probe">【{{item.department.name}}】</p>');
  });

  it('shows the body change between the province version and the draft in the history, line by line', async () => {
    const { page } = studio;
    const drawer = await openHistory(page);
    const diff = drawer.getByTestId('version-diff');
    expect(await diff.getAttribute('data-count')).to.equal('1');
    const row = diff.locator('[data-path="/body"]');
    expect(await row.getAttribute('data-op')).to.equal('changed');
    await row.getByText('body', { exact: true }).waitFor();
    const added = diff.getByTestId('line-diff').locator('[data-op="added"]');
    expect(await added.count()).to.equal(1);
    expect(await added.textContent()).to.contain('<p class="probe">【{{item.department.name}}】</p>');
    expect(await diff.getByTestId('line-diff').locator('[data-op="removed"]').count()).to.equal(0);
    await screenshot(page, 'studio-version-diff');
  });

  it('rolls back to the province version: the new draft equals it and the editor shows it', async () => {
    const { page } = studio;
    await rollBackTo(page, 'sichuan-province:1');
    await page.getByTestId('version-diff').getByText('两个版本内容相同').waitFor();
    const draft = await mianyangDraft('Template', TEMPLATE);
    const { version: _draftVersion, ...draftContent } = draft!.body;
    const { version: _provinceVersion, ...provinceContent } = JSON.parse(readFileSync(join(definitionsDir, 'province', 'templates', `${TEMPLATE}.json`), 'utf8'));
    expect(draftContent).to.deep.equal(provinceContent);
    await page.keyboard.press('Escape');
    expect(await templateBody(page).inputValue()).to.equal(provinceGuide.body);
  });

  it('exports the platform’s own definitions as JSON and imports an id-renamed copy as drafts, then publishes them', async () => {
    const { page } = studio;
    await page.getByRole('menuitem', { name: '导入导出' }).click();
    await page.getByTestId('transfer').waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const download = await downloading;
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { definitions: Array<{ kind: string; id: string; body?: string }> };
    expect(exported.definitions.map((d) => `${d.kind}/${d.id}`)).to.include.members([`Template/${TEMPLATE}`, 'Platform/mianyang']);

    const copy = exported.definitions.map((d) => (d.kind === 'Platform' ? d : { ...d, id: `${d.id}-copy` }));
    const file = join(await mkdtemp(join(tmpdir(), 'ipsp-import-')), 'copy.json');
    writeFileSync(file, JSON.stringify({ definitions: copy }, null, 2));
    await page.getByTestId('import-panel').locator('input[type="file"]').setInputFiles(file);
    const table = page.getByTestId('import-table');
    await table.locator(`[data-id="${TEMPLATE}-copy"][data-state="new"]`).waitFor();
    await table.locator('[data-id="mianyang"][data-state="same"]').waitFor();

    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-valid').waitFor();
    await page.getByTestId('import-save').click();
    await page.getByTestId('import-saved').waitFor();
    expect(await page.getByTestId('import-progress').textContent()).to.contain(`${copy.length - 1}/${copy.length - 1}`);
    const draft = await mianyangDraft('Template', `${TEMPLATE}-copy`);
    expect(draft?.body.body).to.equal(provinceGuide.body);
    await screenshot(page, 'studio-import-export');

    await page.getByTestId('import-publish').click();
    await page.getByText(/已发布 \d+ 项定义/).waitFor();
    const published = (await versionsOf('Template', `${TEMPLATE}-copy`)).filter((v) => v.status === 'published');
    expect(published.map((v) => v.platformId)).to.deep.equal(['mianyang']);
  });

  it('reports a malformed file with its line and column', async () => {
    const { page } = studio;
    const file = join(await mkdtemp(join(tmpdir(), 'ipsp-import-')), 'broken.json');
    writeFileSync(file, '{\n  "definitions": [\n    { "kind": "Template", }\n  ]\n}\n');
    await page.getByTestId('import-panel').locator('input[type="file"]').setInputFiles(file);
    const error = page.getByTestId('import-read-error');
    await error.waitFor();
    expect(await error.textContent()).to.match(/line 3, column \d+/);
  });
});
