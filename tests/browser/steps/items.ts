/**
 * Steps a platform admin takes in the item editor, as a user would: open an item, fill fields
 * by their labels, save, publish. Each waits for what the user would wait for (the editor, the
 * server's answer), never for time.
 */
import type { Page, Response } from 'playwright-core';
import { saveDraft, type Problem } from './definitions.js';

export { saveDraft };

/**
 * A text control of the item form by its label: a textbox, since the locks' checkboxes carry
 * the same labels; a locked one's name goes on with the lock's explanation.
 */
export const itemText = (page: Page, label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}(\\s|$)`) });

/** Opens the item editor on `id` and waits until the item is loaded. */
export async function openItem(page: Page, id: string): Promise<void> {
  await page.goto(`/studio/items/${id}`);
  await page.locator(`[data-testid="editor"][data-kind="ServiceItem"][data-id="${id}"]`).waitFor();
}

const isDefinitionCall = (method: string, path: string) => (response: Response) =>
  response.request().method() === method && new URL(response.url()).pathname.startsWith(path);

/** Clicks 发布 in the editor and waits for the publish call to succeed. */
export async function publishOpenDefinition(page: Page): Promise<void> {
  const answer = page.waitForResponse(isDefinitionCall('POST', '/api/definitions/publish'));
  await page.getByTestId('publish').click();
  const response = await answer;
  if (!response.ok()) throw new Error(`publish answered ${response.status()}: ${await response.text()}`);
}

/** Chooses `value` in the antd select whose input is labelled `label`, by typing and Enter. */
export async function chooseOption(page: Page, label: string, value: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label, exact: true });
  await select.click();
  await select.fill(value);
  await select.press('Enter');
  // The chosen option shows in the select itself (its label ends with the id in brackets).
  await page.locator('.ant-select').filter({ has: select }).getByText(`(${value})`).waitFor();
}

export interface NewItem {
  id: string;
  title: string;
  category: string;
  content: string;
  department: string;
  channelNote?: string;
  /** Existing definitions to use instead of new ones named after the item. */
  form?: string;
  checklist?: string;
}

/** Creates an item through the index's "新建", fills its facts and saves the draft. */
export async function createItem(page: Page, item: NewItem): Promise<{ problems: Problem[] }> {
  await page.goto('/studio/items');
  await page.getByTestId('create').click();
  await page.getByTestId('new-id').fill(item.id);
  await page.getByTestId('new-id').press('Enter');
  await page.locator(`[data-testid="editor"][data-id="${item.id}"]`).waitFor();
  await itemText(page, '事项名称').fill(item.title);
  await itemText(page, '事项类别').fill(item.category);
  await itemText(page, '服务内容').fill(item.content);
  await itemText(page, '实施部门').fill(item.department);
  if (item.channelNote) await itemText(page, '办理渠道说明').fill(item.channelNote);
  if (item.form) await chooseOption(page, '申请表单', item.form);
  if (item.checklist) await chooseOption(page, '材料清单', item.checklist);
  return saveDraft(page);
}

/** The frame of one field of the item form (its label, control and problems). */
export const itemField = (page: Page, field: string) => page.getByTestId(`field-${field}`);
