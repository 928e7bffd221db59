/**
 * Steps a person takes in the form designer, for browser tests to reuse (an end-to-end test
 * builds "a 10-field form including a conditional field and a repeating group" with them).
 * Controls are found by their labels and test ids; the page is in Chinese.
 */
import type { Locator, Page } from 'playwright-core';
import { choose } from './definitions.js';
import type { FieldTypeId } from '../../../designer/src/screens/forms/field-types.js';

export type { FieldTypeId };

export interface FieldSpec {
  /** The label applicants read (标题). */
  label: string;
  /** The key in the data (标识); the designer's own (`text1`…) when omitted. */
  key?: string;
  required?: boolean;
  /** Options of a select, radio or multiple choice, as `value=label` lines. */
  options?: string[];
}

/** A condition as the builder words it: 字段 (its label), 条件 (等于, 不等于, 为“是”, 为“否”, 已填写), 值 (typed, or an option's label). */
export interface ConditionSpec {
  field: string;
  op?: string;
  value?: string;
}

/** Clicks the radio button labelled `label` (antd hides the input itself behind its label). */
async function pickRadio(group: Locator, label: string): Promise<void> {
  await group.locator('label').filter({ has: group.page().getByText(label, { exact: true }) }).click();
}

/**
 * Opens the designer on form `id`: the draft to edit, or a new form when the id is free. Inside
 * the studio it navigates in the page (as the app's own links do) rather than loading it again.
 */
export async function openFormDesigner(page: Page, id: string): Promise<void> {
  const path = `/studio/forms/${id}?new=1`;
  if (new URL(page.url()).pathname.startsWith('/studio')) {
    // A string: the tests compile without the DOM's types.
    await page.evaluate(`history.pushState({}, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'));`);
  } else await page.goto(path);
  await page.locator(`[data-testid="editor"][data-id="${id}"]`).waitFor();
}

/** The canvas row of the field labelled `label` (the first, when labels repeat). */
export function fieldRow(page: Page, label: string): Locator {
  return page.locator(`[data-testid="canvas-field"][data-label="${label}"]`).first();
}

/** The labels of the canvas's top-level fields, in order. */
export async function topLevelLabels(page: Page): Promise<string[]> {
  const rows = await page.locator('[data-testid="canvas"] > [data-testid="canvas-container"] > [data-testid="canvas-field"]').all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute('data-label')) ?? ''));
}

function panel(page: Page): Locator {
  return page.getByTestId('property-panel');
}

/** Selects a field on the canvas and waits for the property panel to show it. */
export async function selectField(page: Page, label: string): Promise<void> {
  const row = fieldRow(page, label);
  await row.getByTestId('canvas-field-label').first().click();
  const id = await row.getAttribute('data-field-id');
  await page.locator(`[data-testid="property-panel"][data-field-id="${id}"]`).waitFor();
}

/** Types into a property-panel input and leaves it, which commits the edit. */
export async function setProperty(page: Page, label: string, value: string): Promise<void> {
  const input = panel(page).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
}

/** Sets 必填 of the selected field: 否, 是, or 满足条件时 with a condition. */
export async function setRequiredMode(page: Page, mode: '否' | '是'): Promise<void> {
  await pickRadio(panel(page).getByTestId('prop-required'), mode);
}

async function fillCondition(builder: Locator, condition: ConditionSpec): Promise<void> {
  await choose(builder.getByLabel('条件字段', { exact: true }), condition.field);
  if (condition.op) await choose(builder.getByLabel('条件', { exact: true }), condition.op);
  if (condition.value === undefined) return;
  const value = builder.getByLabel('条件值', { exact: true });
  if ((await value.getAttribute('role')) === 'combobox') await choose(value, condition.value);
  else {
    await value.fill(condition.value);
    await value.blur();
  }
}

/** Chooses where palette clicks add fields: the form's end, or the end of a section or group. */
async function setTarget(page: Page, into: string | undefined): Promise<void> {
  const wanted = into === undefined ? '表单末尾' : `“${into}”末尾`;
  const select = page.getByLabel('添加到', { exact: true });
  const current = await page.getByTestId('palette-target').locator('[title]').first().getAttribute('title');
  if (current !== wanted) await choose(select, wanted);
}

/** Adds a field from the palette (at the end of the form, or of the section or group `into`) and fills its properties. */
export async function addField(page: Page, type: FieldTypeId, spec: FieldSpec & { into?: string }): Promise<void> {
  await setTarget(page, spec.into);
  const before = (await panel(page).count()) > 0 ? await panel(page).getAttribute('data-field-id') : '';
  await page.getByTestId(`palette-${type}`).click();
  await page.locator(`[data-testid="property-panel"]:not([data-field-id="${before ?? ''}"])`).waitFor();
  if (spec.key) await setProperty(page, '标识', spec.key);
  await setProperty(page, '标题', spec.label);
  if (spec.required) await setRequiredMode(page, '是');
  if (spec.options) await setProperty(page, '选项', spec.options.join('\n'));
  await fieldRow(page, spec.label).waitFor();
}

/** Adds a field to a repeating group or section, labelled `groupLabel`. */
export async function addFieldToGroup(page: Page, groupLabel: string, type: FieldTypeId, spec: FieldSpec): Promise<void> {
  await addField(page, type, { ...spec, into: groupLabel });
}

/** Shows the field only while the condition holds (满足条件时显示). */
export async function setVisibleWhen(page: Page, fieldLabel: string, condition: ConditionSpec): Promise<void> {
  await selectField(page, fieldLabel);
  await pickRadio(panel(page).getByTestId('prop-visibility'), '满足条件时显示');
  await fillCondition(panel(page).getByTestId('prop-visible-when'), condition);
  await fieldRow(page, fieldLabel).getByTestId('tag-conditional').first().waitFor();
}

/** Makes the field required only while the condition holds (必填：满足条件时). */
export async function setRequiredWhen(page: Page, fieldLabel: string, condition: ConditionSpec): Promise<void> {
  await selectField(page, fieldLabel);
  await pickRadio(panel(page).getByTestId('prop-required'), '满足条件时');
  await fillCondition(panel(page).getByTestId('prop-required-when'), condition);
}

/** Names the form (表单名称). */
export async function setFormTitle(page: Page, title: string): Promise<void> {
  const input = page.getByLabel('表单名称', { exact: true });
  await input.fill(title);
  await input.blur();
}

/** Replaces the whole form with pasted JSON ({schema, uiSchema, sampleData}) through the JSON view. */
export async function pasteFormJson(page: Page, json: unknown): Promise<void> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByTestId('json-view').fill(JSON.stringify(json, null, 2));
  await page.getByTestId('json-view-apply').click();
}

/** Saves the draft and waits for the server's answer. */
export async function saveForm(page: Page): Promise<void> {
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/definitions/Form/'));
  await page.getByTestId('save').click();
  await saved;
}
