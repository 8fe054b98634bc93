import { test, expect, type Page } from '@playwright/test';
import { ready } from './helpers';

// The switch is a plain form posting to /lang, which sets a cookie and
// redirects back. Each test gets a fresh browser context, so no cookie leaks.

async function expectEnglish(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'false');
}

async function expectChinese(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
}

async function expectChineseWorkshop(page: Page) {
  await expectChinese(page);
  await expect(page).toHaveURL('/w/demo');
  await expect(page.locator('main h2')).toHaveText(['阶段', '合作伙伴', '设计', '资金']);
  await expect(page.locator('ol.stages .stage-name').first()).toHaveText('项目设计');
  await expect(page.getByRole('region', { name: '资金' }).locator('dt').first()).toHaveText('所需资金');
  await expect(page.getByRole('link', { name: '跳到正文' })).toHaveAttribute('href', '#main');
}

test('switching to Chinese and back on the workshop page', async ({ page }) => {
  await page.goto('/w/demo');
  await ready(page);
  await expectEnglish(page);
  await expect(page.locator('main h2').first()).toHaveText('Stages');

  await page.getByRole('button', { name: '简体中文' }).click();
  await ready(page);
  await expectChineseWorkshop(page);

  await page.reload();
  await ready(page);
  await expectChineseWorkshop(page);

  await page.getByRole('button', { name: 'English' }).click();
  await ready(page);
  await expectEnglish(page);
  await expect(page).toHaveURL('/w/demo');
  await expect(page.locator('main h2').first()).toHaveText('Stages');
  await expect(page.locator('ol.stages .stage-name').first()).toHaveText('Project design');
});

test('the chosen language follows the user to other pages', async ({ page }) => {
  await page.goto('/w/demo');
  await ready(page);
  await page.getByRole('button', { name: '简体中文' }).click();
  await ready(page);
  await expectChineseWorkshop(page);

  // In-app navigation to home.
  await page.locator('.site-header .brand').click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('圆桌');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('研讨会');

  // A fresh request to home, rendered by the server from the cookie.
  await page.goto('/');
  await ready(page);
  await expectChinese(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('圆桌');

  // Switching back from home stays on home.
  await page.getByRole('button', { name: 'English' }).click();
  await ready(page);
  await expect(page).toHaveURL('/');
  await expectEnglish(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable');
});

test('a new browser context starts in English', async ({ page, context }) => {
  expect(await context.cookies()).toEqual([]);
  await page.goto('/w/demo');
  await expectEnglish(page);
  await expect(page.locator('ol.stages .stage-name').first()).toHaveText('Project design');
});
