/**
 * The studio's 分发与同步 screen in a real browser. On the browser support's deployment the
 * province publishes a signed package and rotates its key; 绵阳's admin on the same deployment
 * uploads the package file: the deployment's own signing keys are trusted already
 * (server/operations/package-import.ts keyLookupFor) and the province's definitions are held,
 * so every entry is 相同 and there is nothing to import; the file with one byte changed is refused
 * naming the changed entry, and a broken brace with its line and column. A second, city
 * deployment (its own database, 绵阳's admin only) does not know the key: the upload is refused
 * naming it; the admin trusts it by pasting the key from the province's /api/network/keys,
 * verifies again (every entry 新增), imports; then pulls the province's next package over HTTP,
 * sees it refused for the new (rotated) key, trusts that too and sees the changed item's diff.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { offsetOf, prepareCityDeployment, withByte } from '../api/support/deployments.js';
import { PLEDGE_ITEM } from '../api/support/pledge.js';
import { sqlite, type TestStore } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { collectPageErrors, describeBrowser, openAnotherPage, screenshot, signIn, useStudio } from './support/studio.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;

async function openPackages(page: Page): Promise<void> {
  await page.goto('/studio');
  await page.getByRole('menuitem', { name: '分发与同步' }).click();
  await page.waitForURL('**/studio/packages');
}

/** The entries table's rows as { entry, status } (this page of the table). */
async function entryStatuses(page: Page): Promise<string[]> {
  await page.getByTestId('package-entries').waitFor();
  const rows = await page.getByTestId('package-entries').locator('tr[data-status]').all();
  return Promise.all(rows.map(async (row) => (await row.getAttribute('data-status')) as string));
}

/** The refusal shown under `testId` with the problem code `code` (wait on it: it comes with the server's answer). */
const refusalWith = (page: Page, testId: string, code: string) => page.locator(`[data-testid="${testId}"][data-code="${code}"]`);

/** Confirms the open pop-up (an earlier one stays in the page, hidden). */
async function confirm(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] >> visible=true`).click();
}

/** Waits until pop-ups and toasts are gone, so a screenshot shows the screen itself. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction("document.querySelectorAll('.ant-message-notice, .ant-popover:not(.ant-popover-hidden)').length === 0");
}

async function uploadFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('upload-panel').locator('input[type="file"]').setInputFiles(file);
}

describeBrowser('signed packages and federation in the studio', () => {
  const studio = useStudio();
  let dir: string;
  let packageFile: string;
  let bytes: Buffer;
  let doc: any;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipsp-packages-ui-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('lets the province publish a signed package and rotate its key', async () => {
    const { page, server } = studio;
    await signIn(page, 'province');
    await openPackages(page);
    await page.getByTestId('publish-package').click();
    await confirm(page, 'publish-confirm');
    const latest = page.getByTestId('latest-package');
    await latest.filter({ hasText: '已发布第 1 号定义包' }).waitFor();
    await page.getByTestId('package-list').locator('tr[data-sequence="1"]').waitFor();
    const keys = page.getByTestId('signing-keys');
    await keys.locator('tr[data-status="active"]').waitFor();
    const firstKey = (await keys.locator('tr[data-status="active"]').getAttribute('data-key')) as string;
    await latest.filter({ hasText: firstKey }).waitFor();

    await page.getByTestId('rotate-key').click();
    await confirm(page, 'rotate-confirm');
    await keys.locator(`tr[data-key="${firstKey}"][data-status="retired"]`).filter({ hasText: '已轮换' }).waitFor();
    await keys.locator('tr[data-status="active"]').filter({ hasText: '当前' }).waitFor();
    await settled(page);
    await screenshot(page, 'studio-packages');

    // The download link names the exact bytes the province signed.
    const href = await page.getByTestId('download-1').getAttribute('href');
    const response = await fetch(`${server.url}${href}`);
    expect(response.status).to.equal(200);
    bytes = Buffer.from(await response.arrayBuffer());
    doc = JSON.parse(bytes.toString('utf8'));
    expect(doc).to.include({ format: 'ipsp.package/1', keyId: firstKey, sequence: 1 });
    packageFile = join(dir, 'sichuan-province-package-1.json');
    await writeFile(packageFile, bytes);
  });

  it('shows 绵阳 on the same deployment every entry as 相同, and refuses one changed byte naming the entry', async () => {
    const mianyang = await openAnotherPage(studio, 'admin');
    const { page } = mianyang;
    await openPackages(page);
    await page.getByRole('tab', { name: '受信任的密钥' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).to.deep.equal(['导入定义包', '从上游同步', '受信任的密钥']);
    await uploadFile(page, packageFile);
    expect(await page.getByTestId('inspection-publisher').innerText()).to.contain('sichuan-province');
    expect(await page.getByTestId('inspection-key').innerText()).to.equal(doc.keyId);
    expect(await page.getByTestId('inspection-sequence').innerText()).to.equal('1');
    expect(new Set(await entryStatuses(page))).to.deep.equal(new Set(['same']));
    expect(await page.getByTestId('inspection-summary').innerText()).to.contain(`定义（${doc.definitions.length} 项）`).and.contain(`相同 ${doc.definitions.length}`);
    await page.getByTestId('nothing-to-import').waitFor();

    const index = doc.definitions.findIndex((e: any) => e.kind === 'ServiceItem' && e.id === PLEDGE_ITEM);
    const entryAt = offsetOf(bytes, `"hash": "${doc.definitions[index].hash}"`);
    const changedFile = join(dir, 'changed.json');
    await writeFile(changedFile, withByte(bytes, offsetOf(bytes, '"title": "', entryAt) + '"title": "'.length + 1));
    await uploadFile(page, changedFile);
    await refusalWith(page, 'inspect-refusal', 'package.entry-hash')
      .filter({ hasText: `entry ${index} (ServiceItem "${PLEDGE_ITEM}" version 1) does not match its hash` }).waitFor();
    await page.getByTestId('inspection').waitFor({ state: 'detached' });

    const brokenFile = join(dir, 'broken.json');
    await writeFile(brokenFile, withByte(bytes, 0));
    await uploadFile(page, brokenFile);
    await refusalWith(page, 'inspect-refusal', 'package.not-json').filter({ hasText: 'line 1, column 1' }).waitFor();
    expect(mianyang.errors, 'errors in 绵阳\'s page').to.deep.equal([]);
    await mianyang.close();
  });

  describe('on a city deployment of its own', () => {
    let cityStore: TestStore;
    let city: TestServer;
    let cityPage: Page;
    let cityErrors: string[];

    before(async () => {
      cityStore = await sqlite.createStore();
      city = await startTestServer({ db: cityStore.db, isSeeded: false, config: { secret: 'city-deployment-secret-for-browser-tests' } });
      await prepareCityDeployment(cityStore.db);
      const context = await studio.browser.newContext({ baseURL: city.url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      cityPage = await context.newPage();
      cityErrors = collectPageErrors(cityPage);
      await signIn(cityPage, 'admin');
    });
    after(async () => {
      await cityPage?.context().close();
      await city?.close();
      await cityStore?.dispose();
    });
    afterEach(() => expect(cityErrors.splice(0), 'errors in the city page').to.deep.equal([]));

    const networkKey = async (keyId: string) => (((await (await fetch(`${studio.server.url}/api/network/keys`)).json()) as { keys: any[] }).keys).find((k) => k.keyId === keyId);
    const trustByPaste = async (keyId: string) => {
      await cityPage.getByRole('tab', { name: '受信任的密钥' }).click();
      const key = await networkKey(keyId);
      await cityPage.getByTestId('trust-public-key').fill(JSON.stringify(key, null, 2));
      expect(await cityPage.getByTestId('trust-publisher').inputValue()).to.equal('sichuan-province');
      expect(await cityPage.getByTestId('trust-fingerprint').inputValue()).to.equal(key.fingerprint);
      await cityPage.getByTestId('trust-key').click();
      await cityPage.getByTestId('trusted-keys').locator(`tr[data-key="${keyId}"][data-status="trusted"]`).waitFor();
    };

    it('refuses the file as signed by a key it does not trust, then verifies and imports it once the key is trusted', async () => {
      await openPackages(cityPage);
      await uploadFile(cityPage, packageFile);
      const refusal = cityPage.getByTestId('inspect-refusal');
      await refusalWith(cityPage, 'inspect-refusal', 'package.key-unknown')
        .filter({ hasText: `signed with key ${doc.keyId} which this deployment does not trust` }).waitFor();

      await trustByPaste(doc.keyId);
      await cityPage.getByRole('tab', { name: '导入定义包' }).click();
      await cityPage.getByTestId('inspect-package').click();
      await cityPage.getByTestId('inspection').waitFor();
      await refusal.waitFor({ state: 'detached' });
      expect(new Set(await entryStatuses(cityPage))).to.deep.equal(new Set(['new']));
      await cityPage.getByTestId('import-package').click();
      await confirm(cityPage, 'import-confirm');
      await cityPage.getByTestId('import-result').filter({ hasText: `已导入 ${doc.definitions.length} 项定义` }).waitFor();
    });

    it('pulls the next package from the province over HTTP: refused for the rotated key until trusted, then the changed item with its diff', async () => {
      const province = await studio.server.client('province');
      const { version: _version, ...item } = (await province.get(ITEM_PATH)).body.versions.at(-1).body;
      expect((await province.put(ITEM_PATH, { ...item, channelNote: '线上线下均可办理（v2）' })).status).to.equal(200);
      expect((await province.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
      const second = await province.post('/api/packages');
      expect(second.status).to.equal(201);

      await cityPage.getByRole('tab', { name: '从上游同步' }).click();
      await cityPage.getByTestId('source-url').fill(studio.server.url);
      await cityPage.getByTestId('source-save').click();
      await cityPage.getByTestId('source-state').filter({ hasText: '设置于' }).waitFor();
      await cityPage.getByTestId('pull').click();
      await refusalWith(cityPage, 'pull-refusal', 'package.key-unknown').filter({ hasText: second.body.keyId }).waitFor();

      await trustByPaste(second.body.keyId);
      await cityPage.getByRole('tab', { name: '从上游同步' }).click();
      await cityPage.getByTestId('pull').click();
      const panel = cityPage.getByTestId('federation-panel');
      await panel.getByTestId('inspection').waitFor();
      expect(await panel.getByTestId('inspection-sequence').innerText()).to.equal('2');
      expect(await panel.getByTestId('inspection-key').innerText()).to.equal(second.body.keyId);
      const changed = panel.locator(`tr[data-entry="ServiceItem/${PLEDGE_ITEM}"]`);
      expect(await changed.getAttribute('data-status')).to.equal('changed');
      expect(await changed.innerText()).to.contain('已变更');
      await changed.getByRole('button').first().click();
      const diff = panel.getByTestId(`entry-diff-ServiceItem-${PLEDGE_ITEM}`);
      await diff.waitFor();
      expect(await diff.locator('tr[data-path="/version"]').count()).to.equal(1);
      expect(await diff.locator('tr[data-path="/channelNote"]').innerText()).to.contain('线上线下均可办理（v2）');
      await changed.scrollIntoViewIfNeeded();
      await settled(cityPage);
      await screenshot(cityPage, 'studio-package-inspect');

      await panel.getByTestId('import-package').click();
      await confirm(cityPage, 'import-confirm');
      await panel.getByTestId('import-result').filter({ hasText: '已导入 1 项定义' }).filter({ hasText: `ServiceItem/${PLEDGE_ITEM} v2` }).waitFor();
    });
  });

  describe('revoking', () => {
    it('makes the province give a reason, then refuses the key\'s package quoting it', async () => {
      const { page } = studio; // still the province, signed in by the first test
      await openPackages(page);
      const keys = page.getByTestId('signing-keys');
      await keys.locator(`tr[data-key="${doc.keyId}"]`).waitFor();
      await page.getByTestId(`revoke-${doc.keyId}`).click();
      await confirm(page, 'revoke-confirm');
      await page.getByText('请填写吊销原因').waitFor();
      await page.getByTestId('revoke-reason').fill('私钥疑似泄露');
      await confirm(page, 'revoke-confirm');
      await keys.locator(`tr[data-key="${doc.keyId}"][data-status="revoked"]`).filter({ hasText: '已吊销' }).filter({ hasText: '私钥疑似泄露' }).waitFor();

      const mianyang = await openAnotherPage(studio, 'admin');
      await openPackages(mianyang.page);
      await uploadFile(mianyang.page, packageFile);
      await refusalWith(mianyang.page, 'inspect-refusal', 'package.key-revoked').filter({ hasText: '私钥疑似泄露' }).waitFor();
      expect(mianyang.errors).to.deep.equal([]);
      await mianyang.close();
    });
  });
});
