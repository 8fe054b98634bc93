import { test, expect } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// Stage 1's texts, edited by two people at once: nobody's work is lost.

test('the second of two saves from the same start is told, sees the other text, and chooses', async ({ browser }) => {
  const first = await signedInFacilitator(browser);
  const second = await signedInFacilitator(browser);
  for (const page of [first, second]) {
    await page.goto('/w/demo/design');
    await ready(page);
  }
  const run = Date.now() % 100000;
  const mine = `Borders first (${run}).`;
  const theirs = `Ports first (${run}).`;
  const purposeOf = (page) => page.getByRole('region', { name: 'Purpose', exact: true });

  await purposeOf(second).getByLabel('Purpose', { exact: true }).fill(mine);
  await purposeOf(first).getByLabel('Purpose', { exact: true }).fill(theirs);
  await purposeOf(first).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(purposeOf(first).getByText('Not saved yet.')).toHaveCount(0);

  await purposeOf(second).getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = purposeOf(second).locator('.conflict');
  await expect(conflict).toContainText('Someone else saved this part');
  await expect(conflict.locator('.theirs')).toHaveText(theirs);
  await expect(purposeOf(second).getByLabel('Purpose', { exact: true })).toHaveValue(mine);
  await conflict.getByRole('button', { name: 'Keep mine (then save)' }).click();
  await purposeOf(second).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(purposeOf(second).getByText('Not saved yet.')).toHaveCount(0);

  // The first editor sees the kept text arrive without a reload.
  await expect(purposeOf(first).getByLabel('Purpose', { exact: true })).toHaveValue(mine);
});

test('a draft survives a reload on the same device', async ({ browser }) => {
  const page = await signedInFacilitator(browser);
  await page.goto('/w/demo/design');
  await ready(page);
  const scope = page.getByRole('region', { name: 'Scope' });
  const draft = `Twelve cities, their ports and border crossings (${Date.now() % 100000})`;
  await scope.getByLabel('Scope').fill(draft);
  await expect(scope.getByText('Not saved yet.')).toBeVisible();
  await page.reload();
  await ready(page);
  await expect(page.getByRole('region', { name: 'Scope' }).getByLabel('Scope')).toHaveValue(draft);
  await expect(page.getByRole('region', { name: 'Scope' }).getByText('Not saved yet.')).toBeVisible();
});
