/**
 * Steps every definition editor of the studio shares: create from a kind's index, pick from
 * antd selects, save the draft, read what the server stored.
 */
import type { Locator, Page } from 'playwright-core';
import type { TestServer } from '../../support/test-server.js';

/**
 * Picks an option of an antd Select by its label (typed first when the Select is searchable),
 * in the Select's own dropdown, and checks the Select shows it: a click while a dialog or
 * another dropdown still animates can miss.
 */
export async function choose(select: Locator, label: string): Promise<void> {
  const page = select.page();
  const root = select.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    if ((await select.getAttribute('readonly')) === null) await select.fill(label);
    const list = await select.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
    await dropdown.getByTitle(label, { exact: true }).first().click();
    const isTaken = await root
      .getByText(label, { exact: true })
      .first()
      .waitFor({ timeout: 2000 })
      .then(() => true, () => false);
    if (isTaken) return;
  }
  throw new Error(`the select did not take "${label}"`);
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

/** Opens a new definition with this id from the index of a studio section ('checklists', 'flows' …). */
export async function createDefinition(page: Page, section: string, id: string): Promise<void> {
  await page.goto(`/studio/${section}`);
  await page.getByTestId('create').click();
  await page.getByTestId('new-id').fill(id);
  await page.getByTestId('new-id').press('Enter');
  await page.locator(`[data-testid="editor"][data-id="${id}"]`).waitFor();
}

export interface Problem {
  code: string;
  path: string;
  message: string;
  file?: string;
}

/**
 * Clicks 保存草稿 and returns the server's answer (status and problems). A refused save throws,
 * naming the server's answer, unless the test expects one (`mayBeRefused`).
 */
export async function saveDraft(page: Page, options: { mayBeRefused?: boolean } = {}): Promise<{ status: number; problems: Problem[] }> {
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.startsWith('/api/definitions/'));
  await page.getByTestId('save').click();
  const response = await saved;
  const text = await response.text();
  if (!response.ok() && !options.mayBeRefused) throw new Error(`save refused: ${response.status()} ${text}`);
  const body = JSON.parse(text) as { problems?: Problem[] };
  return { status: response.status(), problems: body.problems ?? [] };
}

/** The body of the platform's draft of a definition, as the server stored it (the admin's view). */
export async function storedDraft(server: TestServer, kind: string, id: string): Promise<any> {
  const client = await server.client('admin');
  const { body } = await client.get(`/api/definitions/${kind}/${id}`);
  return (body.versions as Array<{ status: string; body: unknown }>).find((v) => v.status === 'draft')?.body;
}
