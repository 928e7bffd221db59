/**
 * Browser tests: Debian's Chromium driven by playwright-core against the real server on a real
 * SQLite file, seeded like `make run` (province library, demo city 绵阳, demo accounts).
 * Chromium missing: the suite is skipped with a loud line, or fails under IPSP_REQUIRE_BROWSER=1
 * (CI). The front end is rebuilt first when its sources are newer than dist/designer.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Config } from '../../../server/config.js';
import { projectRoot } from '../../../server/paths.js';
import { sqlite, type TestStore } from '../../support/databases.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../support/test-server.js';
import { chromiumPath, ensureFrontEndBuilt, launchChromium } from './chromium.js';

export { chromiumPath, ensureFrontEndBuilt };
const isBrowserRequired = process.env.IPSP_REQUIRE_BROWSER === '1';
export const screenshotsDir = join(projectRoot, 'docs', 'screenshots');

export interface Studio {
  server: TestServer;
  store: TestStore;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors the page reported; a test fails on them in afterEach. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Declares a browser suite: `describe(title)` when Chromium is there; otherwise skipped loudly,
 * or one failing test when IPSP_REQUIRE_BROWSER=1.
 */
export function describeBrowser(title: string, suite: () => void): void {
  if (existsSync(chromiumPath)) {
    describe(`${title} [chromium]`, function () {
      this.timeout(120_000);
      suite();
    });
  } else if (isBrowserRequired) {
    describe(`${title} [chromium]`, () => {
      it('needs Chromium (IPSP_REQUIRE_BROWSER=1)', () => {
        throw new Error(`Chromium is required but missing at ${chromiumPath}: run tools/ensure-chromium.sh`);
      });
    });
  } else {
    console.error(`SKIPPED: browser suite "${title}" (no Chromium at ${chromiumPath}). Run tools/ensure-chromium.sh, or set IPSP_REQUIRE_BROWSER=1 to make this a failure.`);
    describe.skip(`${title} [chromium] (Chromium missing)`, suite);
  }
}

/** The uncaught errors and console errors a page reports from now on, collected in the answer. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 4xx answer the app handles (401 before sign-in, 422 problems) is logged by Chromium itself; not an app error.
    const isHandledHttpError = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !isHandledHttpError) errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** Starts a seeded server and a browser page on it; the language is Chinese unless `locale` says otherwise. */
export async function openStudio(options: { locale?: string; config?: Partial<Config> } = {}): Promise<Studio> {
  await ensureFrontEndBuilt();
  const store = await sqlite.createStore();
  const server = await startTestServer({ db: store.db, ...(options.config ? { config: options.config } : {}) });
  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: server.url, locale: options.locale ?? 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors = collectPageErrors(page);
  return {
    server,
    store,
    browser,
    context,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
      await store.dispose();
    },
  };
}

/** Signs in through the login page, as a user would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Writes docs/screenshots/<name>.png, the pictures the README shows. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

/**
 * One seeded server and browser page per suite (so each suite starts from the shipped library),
 * signed in as `signInAs` when given; after each test, the page errors it caused fail it. The
 * answer stands for the studio once the suite's `before` has run (`const { page } = studio`).
 */
export function useStudio(options: { signInAs?: string; locale?: string; timeoutMs?: number; config?: Partial<Config> } = {}): Studio {
  let current: Studio | undefined;
  before(async () => {
    current = await openStudio({ ...(options.locale ? { locale: options.locale } : {}), ...(options.config ? { config: options.config } : {}) });
    if (options.timeoutMs) current.page.setDefaultTimeout(options.timeoutMs);
    if (options.signInAs) await signIn(current.page, options.signInAs);
  });
  after(async () => current?.close());
  afterEach(() => expect(current?.pageErrors.splice(0) ?? [], 'errors in the page').to.deep.equal([]));
  // A stand-in read at use time: the suite body runs before `before` has opened the studio.
  return new Proxy({} as Studio, {
    get(_target, key) {
      if (!current) throw new Error('The studio opens in the suite\'s before hook; use it inside tests.');
      return current[key as keyof Studio];
    },
  });
}

/** A second person in their own browser context on the same server, signed in as `username`. */
export async function openAnotherPage(studio: Studio, username: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await studio.browser.newContext({ baseURL: studio.server.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, username);
  return { page, errors, close: () => context.close() };
}
