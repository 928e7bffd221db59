/** The studio's shell in a real browser: sign-in, the menu, language switch, sign-out, the public home page. */
import { expect } from 'chai';
import { describeBrowser, screenshot, signIn, useStudio } from './support/studio.js';

describeBrowser('studio shell', () => {
  const studio = useStudio();

  it('refuses a wrong password with a clear message and keeps the user on the login page', async () => {
    const { page } = studio;
    await page.goto('/studio');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.keyboard.press('Enter');
    await page.getByText('用户名或密码不正确').waitFor();
    expect(page.url()).to.contain('/login');
  });

  it('signs a platform admin in and shows the studio menu in Chinese, then in English', async () => {
    const { page } = studio;
    await signIn(page, 'admin');
    await page.waitForURL(/\/studio\/lists/);
    for (const label of ['服务清单', '服务事项', '表单', '材料清单', '办理流程', '文书模板', '导入导出']) {
      await page.getByRole('menuitem', { name: label }).waitFor();
    }
    await screenshot(page, 'studio-lists');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Service items' }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: '服务事项' }).waitFor();
  });

  it('lists the service items the platform inherits from the province', async () => {
    const { page } = studio;
    await page.getByRole('menuitem', { name: '服务事项' }).click();
    await page.getByRole('link', { name: '专利权质押登记' }).waitFor();
    expect(await page.getByText('继承自上级').count()).to.be.greaterThan(5);
  });

  it('shows the public home page with the published lists and renders an item guide', async () => {
    const { page } = studio;
    await page.goto('/');
    await page.getByTestId('platform-title').filter({ hasText: '绵阳' }).waitFor();
    await page.getByRole('link', { name: '专利权质押登记' }).first().click();
    await page.getByTestId('guide').filter({ hasText: '专利权质押登记' }).waitFor();
  });
});
