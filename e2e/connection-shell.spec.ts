import { test, expect } from './fixtures';
import { openUnlocked } from './support/unlock';

test('switches language, and asks obshell to answer in it too', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '连接 obshell' })).toBeVisible();
  await expect(page.getByLabel('root@sys 密码')).toBeVisible();
  await expect(page).toHaveTitle('OceanBase 备份配置');
  // obshell localizes its messages by Accept-Language.
  const signed = page.waitForRequest((request) => request.url().endsWith('/api/v1/obcluster/info'));
  await page.getByLabel('root@sys 密码').fill('wrong');
  await page.getByRole('button', { name: '解锁' }).click();
  expect((await signed).headers()['accept-language']).toBe('zh-CN');
  // The choice survives a reload (it is not a secret).
  await page.reload();
  await expect(page.getByRole('button', { name: '解锁' })).toBeVisible();
  // Back to English.
  await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('starts in Chinese and stays so after unlocking', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByLabel('root@sys 密码').fill('wrong');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByText('obshell 拒绝了该 root@sys 密码，请检查后重试。')).toBeVisible();
    await page.getByLabel('root@sys 密码').fill('e2e-root-pw');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByRole('button', { name: '锁定', exact: true })).toBeVisible();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '备份配置' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '任务' })).toBeVisible();
    await expect(page.getByRole('group', { name: '集群' })).toContainText('租户');
  });
});

test('switches between light and dark schemes', async ({ page }) => {
  await openUnlocked(page, '/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark scheme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Switch to light scheme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test.describe('with a dark system preference', () => {
  test.use({ colorScheme: 'dark' });

  test('starts dark', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expect(page.getByRole('button', { name: 'Switch to light scheme' })).toBeVisible();
  });
});

test('navigation moves between pages without asking again', async ({ page }) => {
  await openUnlocked(page, '/backup');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(nav.getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Backup configuration' }).click();
  await expect(page).toHaveURL(/\/backup$/);
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
});
