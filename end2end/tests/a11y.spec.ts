import { test, expect, type Page } from '@playwright/test';
import { ready } from './helpers';
import AxeBuilder from '@axe-core/playwright';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, blocking.join('\n')).toEqual([]);
  // axe really looked at the page.
  expect(results.passes.length).toBeGreaterThan(10);
}

// axe-core on the hydrated pages, in both languages. Serious and critical
// findings fail the test; the message lists the rule and the elements.

for (const lang of ['en', 'zh-CN']) {
  for (const path of ['/', '/w/demo', '/signin']) {
    test(`${path} has no serious accessibility violations (${lang})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await ready(page);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      await expectNoSeriousViolations(page);
    });
  }
}

// The facilitator's pages, signed in as the demo facilitator.
for (const lang of ['en', 'zh-CN']) {
  test(`the setup page has no serious accessibility violations (${lang})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
    await page.goto('/signin');
    await ready(page);
    await page.locator('#email').fill('facilitator@example.org');
    await page.locator('#password').fill('roundtable-demo');
    await page.locator('form.form button[type=submit]').click();
    await expect(page).toHaveURL(/\/$/);
    const response = await page.goto('/w/demo/setup');
    expect(response?.status()).toBe(200);
    await ready(page);

    await expectNoSeriousViolations(page);

    // The page where a facilitator changes their own password.
    await page.goto('/account/password');
    await ready(page);
    await expectNoSeriousViolations(page);
  });
}
