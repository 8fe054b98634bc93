import { test, expect } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// An organisation is corrected under its id from the setup page: what was
// recorded for it stays its own, and the roster shows the correction.

test('a facilitator gives an organisation its Chinese name after it was added', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  const line = facilitator.locator('.roster > li', { hasText: 'Lotus Port Operations' });
  await line.getByText('Correct', { exact: true }).click();
  const chinese = `莲花港口运营 ${Date.now() % 1000}`;
  await line.getByLabel('Name in Chinese', { exact: false }).fill(chinese);
  await line.locator('details.correction').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(facilitator.locator('.roster > li', { hasText: 'Lotus Port Operations' }).locator('.place')).toContainText(chinese);
});
