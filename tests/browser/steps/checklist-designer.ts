/**
 * Steps a person takes in the checklist designer, for browser tests to reuse (an end-to-end
 * test builds "a checklist with a conditional material" with them). Each finds controls by
 * their labels, as a user reads them.
 */
import type { Locator, Page } from 'playwright-core';

/** Picks an option of an antd Select by its label (typed first when the Select is searchable). */
export async function choose(select: Locator, label: string): Promise<void> {
  await select.click();
  if ((await select.getAttribute('readonly')) === null) await select.fill(label);
  await select.page().locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).first().click();
}

/** Replaces the tags of an antd tags Select: adds the missing ones first (a list may not go empty), then removes the rest. */
export async function setTags(select: Locator, values: string[]): Promise<void> {
  const root = select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const before = await root.locator('.ant-select-selection-item-content').allInnerTexts();
  for (const value of values.filter((v) => !before.includes(v))) {
    await select.fill(value);
    await select.press('Enter');
  }
  for (const value of before.filter((v) => !values.includes(v))) {
    await root.locator(`.ant-select-selection-item[title="${value}"] .ant-select-selection-item-remove`).click();
  }
  await select.press('Escape');
}

/** A condition row as the rule builder shows it: 字段 (its label), 运算 (as worded, e.g. 为是, 大于), 值. */
export interface RuleRowSpec {
  field: string;
  op: string;
  /** The value as typed, or an option's label (是/否, a choice of the form). */
  value?: string;
}

/** Adds a row to the rule builder named `testId` and fills it. */
export async function addRuleRow(page: Page, testId: string, row: RuleRowSpec): Promise<void> {
  const builder = page.getByTestId(testId);
  await builder.getByTestId(`${testId}-add`).click();
  const n = await builder.locator('[data-testid^="rule-row-"]').count();
  await choose(builder.getByLabel(`字段 ${n}`, { exact: true }), row.field);
  await choose(builder.getByLabel(`运算 ${n}`, { exact: true }), row.op);
  if (row.value === undefined) return;
  const value = builder.getByLabel(`值 ${n}`, { exact: true });
  const isSelect = (await value.getAttribute('role')) === 'combobox';
  if (isSelect) await choose(value, row.value);
  else await value.fill(row.value);
}

export interface MaterialSpec {
  name: string;
  key?: string;
  /** 必需 (default), 可选, or required when this condition holds (按条件). */
  required?: '必需' | '可选';
  requiredWhen?: RuleRowSpec;
  /** 原件, 复印件, 原件或复印件, 扫描件, 电子件. */
  form?: string;
  count?: number;
  fileTypes?: string[];
  maxSizeMB?: number;
  maxFiles?: number;
  sample?: string;
  deferrable?: boolean;
  note?: string;
}

/** Opens a new checklist with this id from the checklist index. */
export async function createChecklist(page: Page, id: string): Promise<void> {
  await page.goto('/studio/checklists');
  await page.getByTestId('create').click();
  await page.getByTestId('new-id').fill(id);
  await page.getByTestId('new-id').press('Enter');
  await page.locator(`[data-testid="editor"][data-id="${id}"]`).waitFor();
}

/** Chooses the forms whose fields the rule builder offers, by form id (adds to those already chosen). */
export async function useFieldsOfForms(page: Page, formIds: string[]): Promise<void> {
  const select = page.getByLabel('规则字段取自表单');
  for (const id of formIds) {
    await select.click();
    await select.fill(id);
    await page.locator(`.ant-select-dropdown:visible [title$="(${id})"]`).first().click();
  }
  await select.press('Escape');
}

/** Adds a material at the end of the list and fills in its properties through the property panel. */
export async function addMaterial(page: Page, spec: MaterialSpec): Promise<void> {
  await page.getByTestId('add-material').click();
  const panel = page.getByTestId('material-panel');
  await panel.getByLabel('材料名称').fill(spec.name);
  if (spec.key !== undefined) await panel.getByLabel('标识').fill(spec.key);
  if (spec.required === '可选') await panel.getByText('可选', { exact: true }).click();
  if (spec.requiredWhen) {
    await panel.getByText('按条件', { exact: true }).click();
    await addRuleRow(page, 'required-rule', spec.requiredWhen);
  }
  if (spec.form !== undefined) await choose(panel.getByLabel('材料形式'), spec.form);
  if (spec.count !== undefined) await panel.getByLabel('份数').fill(String(spec.count));
  if (spec.fileTypes !== undefined) await setTags(panel.getByLabel('文件类型'), spec.fileTypes);
  if (spec.maxSizeMB !== undefined) await panel.getByLabel('单个文件大小上限（MB）').fill(String(spec.maxSizeMB));
  if (spec.maxFiles !== undefined) await panel.getByLabel('最多文件数').fill(String(spec.maxFiles));
  if (spec.sample !== undefined) await panel.getByLabel('样表').fill(spec.sample);
  if (spec.deferrable) await panel.getByLabel('容缺（可在受理后补交）').check();
  if (spec.note !== undefined) await panel.getByLabel('要求说明').fill(spec.note);
}

/** Saves the draft with the toolbar button and waits for the server's answer. */
export async function saveDraft(page: Page): Promise<void> {
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/definitions/'));
  await page.getByTestId('save').click();
  const response = await saved;
  if (!response.ok()) throw new Error(`save failed: ${response.status()} ${await response.text()}`);
}
