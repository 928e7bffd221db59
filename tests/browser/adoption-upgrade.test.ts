/**
 * Adopt, override, upgrade with diff, in a real browser. 绵阳's admin localizes the province's
 * 专利权质押登记 in the studio (an unlocked field changes and is marked 本地修改; a locked one
 * cannot change) and publishes. The province then publishes v2 changing a locked field
 * (设定依据) and the unlocked one 绵阳 overrode (办理渠道说明). The admin sees "上级已发布 v2",
 * opens the upgrade view by keyboard, reads the locked change (锁定：将直接采用) and the conflict
 * kept locally, upgrades to a draft and publishes: 绵阳's v2 keeps its override and takes the
 * locked change.
 */
import { expect } from 'chai';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';
import { itemField, itemText, openItem, publishOpenDefinition } from './steps/items.js';

const ITEM = 'patent-pledge-registration';
const ITEM_PATH = `/api/definitions/ServiceItem/${ITEM}`;
const MIANYANG_NOTE = '绵阳窗口：绵阳市知识产权公共服务平台服务大厅 3 号窗口（升级测试）';
const PROVINCE_NOTE = '网上办理：四川省知识产权公共服务平台统一入口（v2）；窗口办理：各级平台受理窗口。';
const NEW_BASIS = '《专利权质押登记办法》（2026 年修订，示例）';

describeBrowser('adopt, override and upgrade an item', () => {
  const studio = useStudio();

  const mianyangVersions = async () => {
    const { body } = await (await studio.server.client('admin')).get(ITEM_PATH);
    return (body.versions as Array<{ platformId: string; status: string; version: number; body: any }>).filter((v) => v.platformId === 'mianyang');
  };

  it('adopts the province item: an unlocked field is overridden and marked, a locked one cannot change; publishes', async () => {
    const { page } = studio;
    await signIn(page, 'admin');
    await openItem(page, ITEM);
    // The platform's title arrives after the item (its id shows until then): wait for the title.
    await page.getByTestId('adopted-base').filter({ hasText: /基于 四川省.*v1/ }).waitFor();
    expect(await itemText(page, '服务内容').isDisabled()).to.equal(true);
    for (const input of await itemField(page, 'legalBasis').locator('input').all()) expect(await input.isDisabled()).to.equal(true);
    await itemText(page, '办理渠道说明').fill(MIANYANG_NOTE);
    await page.getByTestId('override-channelNote').waitFor();
    await page.getByTestId('local-changes').filter({ hasText: '办理渠道说明' }).waitFor();
    await publishOpenDefinition(page);
    await page.getByTestId('editor').getByText('已发布').first().waitFor();
    const [published] = await mianyangVersions();
    expect(published).to.deep.include({ status: 'published', version: 1 });
    expect(published!.body.extends).to.deep.equal({ platform: 'sichuan-province', version: 1 });
  });

  it('given the province published v2 (a locked and an unlocked field), shows the banner and the upgrade view field by field', async () => {
    const { page, server } = studio;
    const province = await server.client('province');
    const { version: _version, ...v1 } = (await province.get(ITEM_PATH)).body.versions.at(-1).body;
    const saved = await province.put(ITEM_PATH, { ...v1, channelNote: PROVINCE_NOTE, legalBasis: [...v1.legalBasis, NEW_BASIS] });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect((await province.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: ITEM }] })).status).to.equal(200);

    await openItem(page, ITEM);
    // The banner comes with the upgrade plan, asked for after the item.
    await page.getByTestId('upstream-published').filter({ hasText: '上级已发布 v2' }).waitFor();
    // Keyboard: the banner's button takes focus and opens the view with Enter.
    await page.getByTestId('open-upgrade').focus();
    await page.keyboard.press('Enter');
    const view = page.getByTestId('upgrade-view');
    await view.waitFor();

    const locked = view.getByTestId('upgrade-upstream-legalBasis');
    expect(await locked.getAttribute('data-locked')).to.equal('true');
    expect(await locked.innerText()).to.contain('锁定：将直接采用').and.contain(NEW_BASIS);
    expect(await view.getByTestId('upgrade-upstream-channelNote').innerText()).to.contain('本平台已修改，保留本地值').and.contain(PROVINCE_NOTE);
    const conflict = view.getByTestId('upgrade-conflict-channelNote');
    expect(await conflict.getAttribute('data-resolution')).to.equal('keepLocal');
    expect(await conflict.innerText()).to.contain('保留本平台的值').and.contain(MIANYANG_NOTE);
    expect(await view.getByTestId('upgrade-override-channelNote').innerText()).to.contain('保留本地修改');
    // The picture shows the drawer once it has slid in.
    await page.evaluate(`Promise.all(document.querySelector('.ant-drawer-content-wrapper').getAnimations({ subtree: true }).map((a) => a.finished)).then(() => true)`);
    await screenshot(page, 'studio-upgrade-diff');
  });

  it('upgrades to a draft that keeps the override and takes the locked change, and publishes it', async () => {
    const { page } = studio;
    const upgraded = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${ITEM_PATH}/upgrade`);
    await page.getByTestId('upgrade-to-draft').focus();
    await page.keyboard.press('Enter');
    expect((await upgraded).status()).to.equal(200);
    await page.getByTestId('adopted-base').filter({ hasText: 'v2' }).waitFor();
    await page.getByTestId('upstream-published').waitFor({ state: 'detached' });
    expect(await itemText(page, '办理渠道说明').inputValue()).to.equal(MIANYANG_NOTE);
    const basis = await Promise.all((await itemField(page, 'legalBasis').locator('input').all()).map((input) => input.inputValue()));
    expect(basis).to.include(NEW_BASIS);

    await publishOpenDefinition(page);
    await page.getByTestId('editor').getByText('已发布').first().waitFor();
    const latest = (await mianyangVersions()).filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0];
    expect(latest!.version).to.equal(2);
    expect(latest!.body.extends).to.deep.equal({ platform: 'sichuan-province', version: 2 });
    expect(latest!.body.channelNote).to.equal(MIANYANG_NOTE);
    expect(latest!.body.legalBasis).to.include(NEW_BASIS);
    const guide = (await (await fetch(`${studio.server.url}/api/platforms/mianyang/items/${ITEM}`)).json()) as { guideHtml: string };
    expect(guide.guideHtml).to.contain(MIANYANG_NOTE).and.contain('2026 年修订');
  });
});
