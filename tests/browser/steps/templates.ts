/**
 * Steps a person takes in the template editor, the history drawer and the import/export
 * screen, for browser tests to reuse (the end-to-end test edits the guide template with them).
 * Controls are found by their labels and test ids, never by position.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The body's text field, found by its label as a screen reader announces it. */
export const templateBody = (page: Page): Locator => page.getByLabel('模板正文', { exact: true });

/** The rendered HTML preview (a sandboxed frame). */
export const previewFrame = (page: Page): FrameLocator => page.frameLocator('[data-testid="preview-frame"]');

/** Opens a template in the editor and waits until its body is on screen. */
export async function openTemplate(page: Page, templateId: string): Promise<void> {
  await page.goto(`/studio/templates/${templateId}`);
  await page.locator(`[data-testid="editor"][data-id="${templateId}"]`).waitFor();
  await templateBody(page).waitFor();
}

/** What these steps use of the body's <textarea> (the tests' tsconfig has no DOM types). */
interface TextArea {
  value: string;
  focus(): void;
  setSelectionRange(start: number, end: number): void;
}

/** Puts the body's cursor right after the first occurrence of `text`. */
export async function placeCursorAfter(page: Page, text: string): Promise<void> {
  await templateBody(page).evaluate((element, after: string) => {
    const area = element as unknown as TextArea;
    const at = area.value.indexOf(after);
    if (at < 0) throw new Error(`"${after}" is not in the template body`);
    area.focus();
    area.setSelectionRange(at + after.length, at + after.length);
  }, text);
}

/** Selects the first occurrence of `text` in the body, so typing replaces it. */
export async function selectInBody(page: Page, text: string): Promise<void> {
  await templateBody(page).evaluate((element, wanted: string) => {
    const area = element as unknown as TextArea;
    const at = area.value.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the template body`);
    area.focus();
    area.setSelectionRange(at, at + wanted.length);
  }, text);
}

/** Types at the body's cursor as a person would (the text arrives as one input, like a paste). */
export async function typeInBody(page: Page, text: string): Promise<void> {
  await templateBody(page).focus();
  await page.keyboard.insertText(text);
}

/** Opens a template and types `append` at the end of its body. */
export async function editTemplateBody(page: Page, templateId: string, append: string): Promise<void> {
  await openTemplate(page, templateId);
  await templateBody(page).press('Control+End');
  await typeInBody(page, append);
}

/** Finds a variable in the panel by searching for its path, and clicks it to insert it at the cursor. */
export async function insertVariable(page: Page, path: string): Promise<void> {
  const panel = page.getByTestId('variables-panel');
  await panel.getByLabel('搜索变量').fill(path);
  await panel.getByTestId(`variable-${path}`).click();
}

/** Chooses the item the preview renders with, by its title. */
export async function chooseSampleItem(page: Page, title: string): Promise<void> {
  const select = page.getByLabel('示例事项', { exact: true });
  await select.click();
  await select.fill(title);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: title }).first().click();
}

export { saveDraft } from './definitions.js';

/** Opens the 历史版本 drawer and waits for the default comparison. */
export async function openHistory(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '历史版本' }).click();
  const drawer = page.getByRole('dialog').filter({ has: page.getByTestId('versions') });
  await drawer.getByTestId('version-diff').waitFor();
  return drawer;
}

/** Rolls back to a version, named `<platform>:<version>`, confirming the dialog. */
export async function rollBackTo(page: Page, version: string): Promise<void> {
  const answer = page.waitForResponse((response) => response.url().includes('/rollback'));
  await page.getByTestId(`rollback-${version}`).click();
  await page.getByTestId('confirm-rollback').click();
  await answer;
}
