/**
 * Steps of a member of staff at the desk, as they would do them: find a case in the inbox and
 * open it with the keyboard, judge materials, issue the one-time notice, accept, record progress,
 * complete. Each waits for what the server answered to show.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotsDir } from '../support/studio.js';

/**
 * docs/screenshots/<name>.png with CSS transitions finished: a button enabled a moment ago
 * would otherwise be caught half-way from grey.
 */
export async function stillScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), animations: 'disabled' });
}

/** Searches the inbox (a view, default 全部) for the case number, then opens the case with ↓/Enter. */
export async function openInboxCase(page: Page, number: string, view = 'all'): Promise<void> {
  await page.goto(`/desk?view=${view}`);
  const search = page.getByLabel('搜索办件');
  await search.fill(number);
  await search.press('Enter');
  // The unfiltered page may still be on screen with the case somewhere in it: wait until the
  // search's answer shows it as the picked (first) row, so Enter opens this case.
  await page.locator(`[data-testid="case-row-${number}"][aria-selected="true"]`).waitFor();
  await page.getByTestId('inbox-table').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('case-number').filter({ hasText: number }).waitFor();
}

/** Gives a material its verdict: 合格, or 不符合要求 with the reason the one-time notice quotes. */
export async function judgeMaterial(page: Page, materialName: string, verdict: '合格' | '不符合要求', reason?: string): Promise<void> {
  const group = page.getByRole('radiogroup', { name: `${materialName}的审核意见` });
  await group.getByText(verdict, { exact: true }).click();
  if (verdict === '不符合要求') await page.getByLabel(`${materialName}不符合要求的原因`).fill(reason ?? '');
}

/** The printable notice the last action opened: checks its template, then closes it. */
async function closeNoticeOf(page: Page, templateId: string): Promise<string> {
  const frame = page.getByRole('dialog').getByTestId(`notice-${templateId}`).getByTestId('notice-frame');
  await frame.waitFor();
  const text = await frame.contentFrame().locator('body').innerText();
  await page.getByTestId('close-notice').click();
  await frame.waitFor({ state: 'detached' });
  return text;
}

/** 出具一次性告知书: returns the case with every verdict; answers the notice's text. */
export async function issueOneTimeNotice(page: Page): Promise<string> {
  await page.getByTestId('action-return').click();
  const text = await closeNoticeOf(page, 'one-time-notice');
  await page.locator('[data-testid="case-step"][data-step="supplement"]').waitFor();
  return text;
}

/** 受理: accepts the case; answers the receipt's text, which the desk opened for printing. */
export async function acceptCase(page: Page): Promise<string> {
  await page.getByTestId('action-accept').click();
  const text = await closeNoticeOf(page, 'acceptance-receipt');
  await page.locator('[data-testid="case-step"][data-step="implement"]').waitFor();
  return text;
}

/** 记录办理进展: the note appears on the timeline and the field empties. */
export async function recordProgress(page: Page, note: string): Promise<void> {
  const field = page.getByLabel('进展说明');
  await field.fill(note);
  await page.getByTestId('action-progress').click();
  await page.getByTestId('timeline').getByText(note).waitFor();
  expect(await field.inputValue()).to.equal('');
}

/** 办结: completes with the result; the result notice opens for printing and the case moves on. */
export async function completeCase(page: Page, result: string): Promise<string> {
  await page.getByLabel('办理结果').fill(result);
  await page.getByTestId('action-complete').click();
  const text = await closeNoticeOf(page, 'result-notice');
  await page.locator('[data-testid="case-step"][data-step="supervise"]').waitFor();
  return text;
}
