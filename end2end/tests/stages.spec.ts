import { test, expect } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// Locking a stage reaches every open device at once. In a workshop of its
// own, so the other tests' demo stays open.

test('locking the commitments stage makes it read-only on an open delegate page', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = `lock-${Date.now() % 1000000}`;
  await ready(facilitator);
  await facilitator.getByLabel('Title').fill('Locking test');
  await facilitator.getByLabel('Programme', { exact: true }).fill('Locking programme');
  await facilitator.getByLabel('Short name for the address').fill(slug);
  await facilitator.getByLabel('Reporting currency').fill('USD');
  await facilitator.getByRole('button', { name: 'Create' }).click();
  await expect(facilitator).toHaveURL(new RegExp(`/w/${slug}$`));

  await facilitator.goto(`/w/${slug}/setup`);
  await ready(facilitator);
  const add = facilitator.getByRole('region', { name: 'Add an organisation' });
  await add.getByLabel('Name', { exact: true }).fill('Port of Testing');
  await add.getByLabel('Country').fill('VN');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const line = facilitator.locator('.roster > li', { hasText: 'Port of Testing' });
  await line.getByRole('button', { name: 'Make an invite link' }).click();
  const url = await line.locator('input.invite-url').inputValue();

  const delegate = await (await browser.newContext()).newPage();
  await delegate.goto(url);
  await ready(delegate);
  await delegate.getByLabel('Your name').fill('Thu');
  await delegate.getByRole('button', { name: 'Join' }).click();
  await expect(delegate).toHaveURL(new RegExp(`/w/${slug}$`));
  await delegate.goto(`/w/${slug}/commitments`);
  await ready(delegate);
  await expect(delegate.locator('section.record')).toBeVisible();

  await facilitator.getByRole('button', { name: 'Open: Financial commitments' }).click();
  await facilitator.getByRole('button', { name: 'Lock: Financial commitments' }).click();
  await expect(delegate.getByText('This stage is locked')).toBeVisible();
  await expect(delegate.locator('section.record')).toHaveCount(0);

  await facilitator.getByRole('button', { name: 'Reopen: Financial commitments' }).click();
  await expect(delegate.locator('section.record')).toBeVisible();
});
