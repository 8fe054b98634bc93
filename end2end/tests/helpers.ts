import { expect, Browser, Page } from '@playwright/test';

export const EMAIL = 'facilitator@example.org';
export const PASSWORD = 'roundtable-demo';

/** Waits until the page is the app's: hydrated, and every form on it too.
 * Forms inside a Suspense hydrate after the page's own mark; a click before a
 * form's `data-ready` is the browser's own post and a reload (the app marks
 * each form from its own effect, so forms drawn again by live updates count
 * as they come; native GET forms are marked `data-ready="native"`). */
export async function ready(page: Page): Promise<void> {
  await page.locator('body[data-hydrated]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('form:not([data-ready])').length === 0);
}

/** A new browser profile (its own cookies) signed in as the demo facilitator. */
export async function signedInFacilitator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await ready(page);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.account')).toContainText('Demo Facilitator');
  return page;
}

/** An amount no other test (nor an earlier run on the same database) uses:
 * what to type, and how the app shows it. */
export function uniqueAmount(decimals: 0 | 2): { typed: string; shown: string; cents: number } {
  const whole = 100000 + Math.floor(Math.random() * 800000);
  const fraction = decimals === 2 ? String(Math.floor(Math.random() * 100)).padStart(2, '0') : '';
  const shown = whole.toLocaleString('en-US') + (decimals === 2 ? `.${fraction}` : '');
  const typed = decimals === 2 ? `${whole}.${fraction}` : `${whole}`;
  return { typed, shown, cents: decimals === 2 ? whole * 100 + Number(fraction) : whole * 100 };
}

/** A new browser profile that joins as a delegate of `organisation`, through
 * the invite link the facilitator makes on the setup page of `slug`. */
export async function delegateOf(browser: Browser, facilitator: Page, slug: string, organisation: string): Promise<Page> {
  await facilitator.goto(`/w/${slug}/setup`);
  await ready(facilitator);
  const line = facilitator.locator('.roster > li', { hasText: organisation });
  await line.getByRole('button', { name: 'Make an invite link' }).click();
  const url = await line.locator('input.invite-url').inputValue();
  const delegate = await (await browser.newContext()).newPage();
  await delegate.goto(url);
  await ready(delegate);
  await delegate.getByLabel('Your name').fill(`Delegate of ${organisation}`);
  await delegate.getByRole('button', { name: 'Join' }).click();
  await expect(delegate).toHaveURL(new RegExp(`/w/${slug}$`));
  return delegate;
}

/** A workshop of its own, made by the signed-in facilitator on the home page. */
export async function newWorkshop(facilitator: Page, prefix: string): Promise<string> {
  const slug = `${prefix}-${Date.now() % 1000000}`;
  await facilitator.goto('/');
  await ready(facilitator);
  await facilitator.getByLabel('Title').fill(`${prefix} workshop`);
  await facilitator.getByLabel('Programme', { exact: true }).fill(`${prefix} programme`);
  await facilitator.getByLabel('Short name for the address').fill(slug);
  await facilitator.getByLabel('Reporting currency').fill('USD');
  await facilitator.getByRole('button', { name: 'Create' }).click();
  await expect(facilitator).toHaveURL(new RegExp(`/w/${slug}$`));
  return slug;
}
