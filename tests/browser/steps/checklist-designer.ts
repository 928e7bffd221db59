/**
 * Steps a person takes in the checklist designer, for browser tests to reuse (an end-to-end
 * test builds "a checklist with a conditional material" with them). Each finds controls by
 * their labels, as a user reads them.
 */
import type { Page } from 'playwright-core';
import { choose, createDefinition, setTags } from './definitions.js';
import { addRuleRow, type RuleRowSpec } from './rule-builder.js';

export { saveDraft } from './definitions.js';

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
  await createDefinition(page, 'checklists', id);
}

/** Chooses the forms whose fields the rule builder offers, by form id (adds to those already chosen). */
export async function useFieldsOfForms(page: Page, formIds: string[]): Promise<void> {
  const select = page.getByLabel('规则字段取自表单');
  const chosen = page.locator('.ant-select').filter({ has: select });
  // The forms already in use load first; choosing before they arrive would race with them.
  await page.locator('[data-testid="checklist-forms"][data-ready="true"]').waitFor();
  for (const id of formIds) {
    // A form named like the checklist is chosen already; clicking its option again would unchoose it.
    if ((await chosen.locator(`.ant-select-selection-item[title$="(${id})"]`).count()) > 0) continue;
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
