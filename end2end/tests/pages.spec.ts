import { test, expect } from '@playwright/test';
import { ready } from './helpers';

// Server-rendered content of each page, in English (the default language).

test('home lists the demo workshop', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Roundtable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roundtable');

  const link = page
    .locator('.workshop-list')
    .getByRole('link', { name: 'Asia-Pacific cities: partnership afternoon', exact: true });
  await expect(link).toHaveAttribute('href', '/w/demo');
  // Listed once (other tests add workshops of their own alongside it).
  await expect(page.locator('.workshop-list > li', { hasText: 'Asia-Pacific cities: partnership afternoon' })).toHaveCount(1);
});

test('workshop page shows stages, financing and cities', async ({ page }) => {
  const response = await page.goto('/w/demo');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Asia-Pacific cities: partnership afternoon · Roundtable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Efficient Customs & Logistic Information',
  );

  const stages = page.locator('ol.stages > li');
  await expect(stages).toHaveCount(4);
  await expect(stages.locator('.stage-name')).toHaveText([
    'Project design',
    'Partnership framework',
    'Business model',
    'Financial commitments',
  ]);
  await expect(stages.locator('.stage-number')).toHaveText(['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4']);
  // Every stage carries exactly one status class and a visible status label.
  for (const stage of await stages.all()) {
    await expect(stage).toHaveClass(/^stage (open|locked|not-started)$/);
    await expect(stage.locator('.stage-status')).toHaveText(/^(Open|Locked|Not started)$/);
  }

  const financing = page.getByRole('region', { name: 'Financing' });
  await expect(financing.getByRole('heading', { level: 2 })).toHaveText('Financing');
  const required = financing
    .locator('dl.figures > div')
    .filter({ has: page.locator('dt', { hasText: /^Required$/ }) });
  await expect(required).toHaveCount(1);
  await expect(required.locator('dd')).toHaveText('USD 65,900,000.00');

  const cities = (await page.locator('.cities').innerText())
    .split('·')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  expect(cities).toHaveLength(12);
  expect(new Set(cities).size).toBe(12);
});

test('following the workshop link from home opens the workshop', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('link', { name: 'Asia-Pacific cities: partnership afternoon' }).click();
  await expect(page).toHaveURL('/w/demo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Efficient Customs & Logistic Information',
  );
  await expect(page.locator('ol.stages > li')).toHaveCount(4);
});

for (const path of ['/w/nope', '/no/such/page']) {
  test(`${path} answers 404 with a Not found page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
    await expect(page.getByText('There is no such page or workshop.')).toBeVisible();
  });
}

test('the first Tab focuses the skip link, which then becomes visible', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).not.toBeInViewport();

  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveAttribute('href', '#main');
});

test('following the skip link moves keyboard focus into the main content', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab continues inside the content, past the header controls.
  await page.keyboard.press('Tab');
  await expect(
    page.locator('.workshop-list').getByRole('link', { name: 'Asia-Pacific cities: partnership afternoon' }),
  ).toBeFocused();
});
