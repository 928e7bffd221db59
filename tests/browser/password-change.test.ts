/**
 * Changing one's password in a real browser (goal C4): from day 83 a warning banner offers the
 * change, the dialog shows each refused rule at its field and closes on a good password; an
 * expired password opens the dialog by itself, and Escape does not dismiss it. Keyboard only
 * inside the dialog.
 */
import { expect } from 'chai';
import { hashPassword } from '../../server/operations/passwords.js';
import { insertUser } from '../../storage/users.js';
import { productionAccountRules } from '../support/test-server.js';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';

const PASSWORD = 'Kx7#mQ2v-first';
const DAY_MS = 86_400_000;

describeBrowser('changing the password', () => {
  const studio = useStudio({ config: productionAccountRules });

  /** A 绵阳 staff account whose password was set `days` ago on the server clock. */
  async function staffWithPasswordAged(username: string, days: number): Promise<void> {
    const { services } = studio.server;
    await insertUser(services.db.knex, {
      id: `test-${username}`,
      username,
      platformId: 'mianyang',
      displayName: `窗口人员${username}`,
      roles: ['staff'],
      passwordHash: await hashPassword(PASSWORD),
      createdAt: new Date(services.now().getTime() - days * DAY_MS).toISOString(),
    });
  }

  it('given a password 84 days old, when signed in, then a banner warns of 6 days left; the dialog lists a refused rule at its field and a good password closes it', async () => {
    const { page } = studio;
    await staffWithPasswordAged('pw-warned', 84);
    await signIn(page, 'pw-warned', PASSWORD);
    const banner = page.getByRole('alert').filter({ hasText: '您的密码将在 6 天后过期' });
    await banner.waitFor();
    await screenshot(page, 'password-warning');
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前密码').fill(PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill('Password1!');
    await dialog.getByLabel('再次输入新密码').fill('Password1!');
    await page.keyboard.press('Enter');
    await dialog.getByText('属于最常用的密码').waitFor();
    await screenshot(page, 'password-change-refused');
    await dialog.getByLabel('新密码', { exact: true }).fill('Bluewater-Canoe-81');
    await dialog.getByLabel('再次输入新密码').fill('Bluewater-Canoe-81');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await banner.waitFor({ state: 'detached' });
  });

  it('given a password 91 days old, when signed in, then the dialog opens by itself, Escape keeps it, and after the change the desk works', async () => {
    const { page } = studio;
    await page.getByRole('button', { name: '退出登录' }).click();
    await staffWithPasswordAged('pw-expired', 91);
    await signIn(page, 'pw-expired', PASSWORD);
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('password-forced').filter({ hasText: '须先修改密码' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).to.equal(true);
    await dialog.getByLabel('当前密码').fill(PASSWORD);
    await dialog.getByLabel('新密码', { exact: true }).fill('Own-Strong#Pass-2026');
    await dialog.getByLabel('再次输入新密码').fill('Own-Strong#Pass-2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect((await (await studio.server.client('pw-expired', 'Own-Strong#Pass-2026')).get('/api/session')).body.password.state).to.equal('ok');
  });
});
