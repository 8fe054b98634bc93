import { test, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { ready } from './helpers';

// Leptos reports hydration mismatches as console errors or warnings, and a
// panic in the WASM as a page error, so a clean console after the bundle has
// loaded and run means the client agreed with the server's HTML.

type Problems = string[];

function watch(page: Page): Problems {
  const problems: Problems = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      const where = msg.location();
      problems.push(`console.${msg.type()}: ${msg.text()} (${where.url}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page closes its live stream on purpose.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && new URL(request.url()).pathname.endsWith('/live')) return;
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return problems;
}

for (const lang of ['en', 'zh-CN']) {
  for (const path of ['/', '/w/demo']) {
    test(`${path} hydrates without errors (${lang})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      const problems = watch(page);
      // cargo-leptos names the bundle roundtable.wasm (wasm-bindgen alone
      // would say roundtable_bg.wasm); either way it is the one the page preloads.
      const wasm = page.waitForResponse((r) => /^\/pkg\/roundtable(_bg)?\.wasm$/.test(new URL(r.url()).pathname));
      const css = page.waitForResponse((r) => new URL(r.url()).pathname === '/pkg/roundtable.css');

      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await ready(page);

      const wasmResponse = await wasm;
      expect(wasmResponse.status()).toBe(200);
      expect(wasmResponse.headers()['content-type']).toBe('application/wasm');
      const preloaded = await page
        .locator('head link[rel="preload"][type="application/wasm"]')
        .getAttribute('href');
      expect(new URL(wasmResponse.url()).pathname).toBe(preloaded);
      expect((await css).status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(problems).toEqual([]);
    });
  }
}

test('after hydration the header link navigates without reloading the page', async ({ page }) => {
  const problems = watch(page);
  const documents: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
  });

  await page.goto('/w/demo');
  await ready(page);
  expect(documents).toHaveLength(1);

  await page.locator('.site-header .brand').click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable');
  await expect(
    page.locator('.workshop-list').getByRole('link', { name: 'Asia-Pacific cities: partnership afternoon' }),
  ).toBeVisible();
  await ready(page);
  // Still the one document: the hydrated router handled the click.
  expect(documents).toHaveLength(1);
  expect(problems).toEqual([]);
});
