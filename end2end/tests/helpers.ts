import { expect, Browser, Page } from '@playwright/test';

export const EMAIL = 'facilitator@example.org';
export const PASSWORD = 'roundtable-demo';

/** A new browser profile (its own cookies) signed in as the demo facilitator. */
export async function signedInFacilitator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin');
  await page.locator('body[data-hydrated]').waitFor();
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
