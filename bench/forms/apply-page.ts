/**
 * Driving a page for the forms benchmark: a browser context signed in through the API, a page
 * with the probes installed (page-probes.ts), a cold load of an apply page timed to its first
 * field taking a character, and keys typed one at a time, each measured before the next.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../tests/support/test-server.js';
import { probeScript, readProbes, watchScript, type KeystrokeSample, type Probes } from './page-probes.js';

/** A new context signed in as `username` through the API (the session cookie, the CSRF token echoed). */
export async function signedInContext(browser: Browser, baseURL: string, username: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  await context.request.get('/api/session');
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'ipsp.csrf')?.value ?? '';
  const answer = await context.request.post('/api/session', { data: { username, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': csrf } });
  if (!answer.ok()) throw new Error(`Sign-in of ${username} failed: ${answer.status()} ${await answer.text()}`);
  return context;
}

/** A page of `context` that marks when each selector first matches and measures keystrokes; its errors go to `errors`. */
export async function probedPage(context: BrowserContext, selectors: Record<string, string>, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript({ content: watchScript(selectors) + probeScript });
  return page;
}

/** Waits until the page has finished measuring `count` keystrokes, and reads its probes; a key that changed nothing is an error. */
export async function settled(page: Page, count: number): Promise<Probes> {
  await page.waitForFunction(`window.__bench.samples.length + window.__bench.dropped >= ${count} && window.__bench.pending === 0`);
  const probes = (await page.evaluate(readProbes)) as Probes;
  if (probes.dropped > 0) throw new Error(`${probes.dropped} key(s) typed into the form changed nothing within 5 s; the benchmark's fields are not what it expects.`);
  return probes;
}

export interface ApplyLoad {
  page: Page;
  context: BrowserContext;
  /** Navigation start to the first field in the DOM. */
  firstFieldMs: number;
  /** Navigation start to the paint showing a character typed into it as soon as it was there. */
  interactiveMs: number;
  /** Navigation start to the last field in the DOM with every part of the form mounted. */
  wholeFormMs: number;
}

/** One cold load of `/portal/apply/<itemId>` in a new context of `username`; the caller closes `context`. */
export async function loadApplyPage(input: { browser: Browser; baseURL: string; username: string; itemId: string; firstId: string; lastId: string; errors: string[] }): Promise<ApplyLoad> {
  const context = await signedInContext(input.browser, input.baseURL, input.username);
  const first = `#${input.firstId}`;
  const last = `#${input.lastId}`;
  // The whole form: its last field there and no part of it still waiting to mount (useStaggeredMount.ts).
  const whole = `[data-testid="application-form"]:not(:has(.rjsf-pending)) ${last}`;
  const page = await probedPage(context, { firstField: first, wholeForm: whole }, input.errors);
  await page.goto(`/portal/apply/${input.itemId}`, { waitUntil: 'commit' });
  const field = page.locator(first);
  await field.waitFor();
  await field.focus();
  await page.keyboard.press('x');
  const typed = (await settled(page, 1)).samples[0] as KeystrokeSample;
  await page.locator(whole).waitFor({ state: 'attached' });
  const { marks } = (await page.evaluate(readProbes)) as Probes;
  return { page, context, firstFieldMs: marks.firstField ?? Number.NaN, interactiveMs: typed.at, wholeFormMs: marks.wholeForm ?? Number.NaN };
}

/** Types `keys` into the input `inputId`, one at a time, each measured before the next; the samples in order. */
export async function typeInto(page: Page, inputId: string, keys: string[]): Promise<KeystrokeSample[]> {
  const input = page.locator(`#${inputId}`);
  await input.scrollIntoViewIfNeeded();
  await input.click();
  await page.keyboard.press('End');
  const before = ((await page.evaluate(readProbes)) as Probes).samples.length;
  for (const [index, key] of keys.entries()) {
    await page.keyboard.press(key);
    await settled(page, before + index + 1);
  }
  return ((await page.evaluate(readProbes)) as Probes).samples.slice(before);
}
