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
