/**
 * Steps a platform admin takes in the list editor: open a list, add items from the picker,
 * move and remove rows, publish all drafts; and reading a list's order back from the table.
 */
import type { Page } from 'playwright-core';

/** Opens the list editor on `listId` and waits until its rows are there. */
export async function openList(page: Page, listId: string): Promise<void> {
  await page.goto(`/studio/lists/${listId}`);
  await page.locator(`[data-testid="editor"][data-kind="ServiceList"][data-id="${listId}"]`).waitFor();
  await page.getByTestId('list-table').locator('tr[data-item]').first().waitFor();
}

/** The row of an item in the list table, found by the item's title. */
export const listRow = (page: Page, itemTitle: string) => page.getByTestId('list-table').locator('tr[data-item]').filter({ hasText: itemTitle });

/** The item ids of the list table, top to bottom. */
export async function listOrder(page: Page): Promise<string[]> {
  const rows = await page.getByTestId('list-table').locator('tr[data-item]').all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute('data-item')) ?? ''));
}

/** Adds an item through "添加事项": searches the picker by title, ticks it, adds it. */
export async function addItemToList(page: Page, listId: string, itemTitle: string): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith(`/studio/lists/${listId}`)) await openList(page, listId);
  await page.getByTestId('add-item').click();
  const picker = page.getByTestId('item-picker');
  await page.getByLabel('按名称或标识搜索').fill(itemTitle);
  await picker.getByRole('row').filter({ hasText: itemTitle }).first().getByRole('checkbox').check();
  await page.getByTestId('picker-add').click();
  await listRow(page, itemTitle).waitFor();
}

/** Moves a row one place up or down with its arrow button. */
export async function moveRow(page: Page, itemTitle: string, direction: 'up' | 'down'): Promise<void> {
  await page.getByRole('button', { name: `${direction === 'up' ? '上移' : '下移'} ${itemTitle}` }).click();
}

/** Removes a row with its delete button. */
export async function removeRow(page: Page, itemTitle: string): Promise<void> {
  await page.getByRole('button', { name: `移除 ${itemTitle}` }).click();
  await listRow(page, itemTitle).waitFor({ state: 'detached' });
}

/** "发布全部草稿": opens the confirmation, checks it lists `expected` ids, publishes, waits for success. */
export async function publishAllDrafts(page: Page, expected: string[] = []): Promise<string[]> {
  await page.getByTestId('publish-all').click();
  const drafts = page.getByTestId('publish-all-drafts');
  await drafts.waitFor();
  for (const id of expected) await drafts.getByText(id, { exact: true }).first().waitFor();
  const listed = await drafts.locator('code').allTextContents();
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/definitions/publish');
  await page.getByTestId('publish-all-confirm').click();
  const response = await answer;
  if (!response.ok()) throw new Error(`publishing all drafts answered ${response.status()}: ${await response.text()}`);
  await drafts.waitFor({ state: 'detached' });
  return listed;
}
