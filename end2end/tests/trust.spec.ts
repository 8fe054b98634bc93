import { test, expect } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// Trust, as people meet it: a colleague sets their own password through a
// one-time link, and a facilitator removes someone from the room, whose
// device loses the workshop at once.

test('a colleague sets their own password with the one-time link, once', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  const email = `colleague-${Date.now()}@example.org`;
  await facilitator.locator('#facilitator-email').fill(email);
  await facilitator.locator('#facilitator-name').fill('Bo');
  await facilitator.getByRole('button', { name: 'Add', exact: true }).last().click();
  const link = facilitator.locator('code.secret');
  await expect(link).toHaveText(/\/password\/[0-9a-f]{64}$/);
  const url = (await link.textContent()) ?? '';

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(url);
  await expect(colleague.getByText(email)).toBeVisible();
  await ready(colleague);
  await colleague.getByLabel('New password').fill('short');
  await colleague.getByRole('button', { name: 'Set your password' }).click();
  await expect(colleague.locator('#password-problem')).not.toBeEmpty();
  await colleague.getByLabel('New password').fill('bo chooses this passphrase');
  await colleague.getByRole('button', { name: 'Set your password' }).click();
  await expect(colleague).toHaveURL(/\/signin$/);
  await ready(colleague);
  await colleague.getByLabel('Email').fill(email);
  await colleague.getByLabel('Password').fill('bo chooses this passphrase');
  await colleague.getByRole('button', { name: 'Sign in' }).click();
  await expect(colleague.locator('.account')).toContainText('Bo');

  // The link died with its use.
  const again = await (await browser.newContext()).newPage();
  await again.goto(url);
  await expect(again.getByRole('alert')).toContainText('used already or has expired');
});

test('a removed participant loses the room on their device at once', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);

  const screen = await (await browser.newContext()).newPage();
  await screen.goto('/w/demo/screen');
  const code = ((await screen.locator('.room-code').textContent()) ?? '').trim();
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`/room?code=${code}`);
  await ready(phone);
  const name = `Leaver ${Date.now()}`;
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone).toHaveURL(/\/w\/demo\/room$/);

  const person = facilitator.locator('.people > li', { hasText: name });
  await expect(person).toBeVisible({ timeout: 10_000 });
  await person.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(person).toHaveCount(0, { timeout: 10_000 });

  const response = await phone.reload();
  expect(response?.status()).toBe(401);
});
