import { test, expect, type Page } from '@playwright/test';
import { delegateOf, newWorkshop, signedInFacilitator, ready } from './helpers';

// Stages 1 and 2 as a room uses them: a template start, several people
// editing at once without losing anyone's work, the responsibility
// matrix's flags, and a lock that reaches every open device.

async function open(page: Page, path: string) {
  await page.goto(path);
  await ready(page);
}

/** An item's editor, by text in its heading, opened. */
async function item(page: Page, heading: string) {
  const editor = page.locator('details.item', { has: page.locator('summary', { hasText: heading }) });
  await expect(editor).toHaveCount(1);
  if ((await editor.getAttribute('open')) === null) {
    await editor.locator('summary').click();
  }
  return editor;
}

test('a facilitator starts an empty design from the customs-and-logistics template', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'template');
  await open(facilitator, `/w/${slug}/design`);
  await expect(facilitator.getByRole('heading', { name: 'How do you want to start?' })).toBeVisible();
  await expect(facilitator.locator('.walk-steps')).toContainText('0 / 4');

  await facilitator.getByRole('button', { name: 'Start from the customs-and-logistics template' }).click();
  await expect(facilitator.getByRole('heading', { name: 'How do you want to start?' })).toHaveCount(0);
  const components = facilitator.getByRole('region', { name: 'Components' });
  await expect(components.locator('details.item')).toHaveCount(12);
  await expect(components).toContainText('C1 National single windows');
  await expect(facilitator.locator('table.logframe')).toContainText('Average release time (WCO Time Release Study)');
  // The template's trade-facilitation references are there to edit.
  const windows = await item(facilitator, 'C1 National single windows');
  await expect(windows.getByRole('checkbox', { name: '10.4 Single window' })).toBeChecked();
  // The room edits what the template gave: a lead and a cost.
  await windows.getByLabel('Lead partner').selectOption({ index: 0 });
  await windows.getByLabel(/Cost estimate by year 2027/).fill('1,250,000');
  await windows.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(windows.locator('.badge')).toHaveCount(0);
  await facilitator.reload();
  await ready(facilitator);
  const again = await item(facilitator, 'C1 National single windows');
  await expect(again.getByLabel(/Cost estimate by year 2027/)).toHaveValue('1250000');
});

test('two delegates edit different outputs and the same indicator, and nobody loses work', async ({ browser }) => {
  // Three profiles and two invite joins on the seed's demo (25 organisations,
  // indicators with values by city): its work, not a wait. It passes alone
  // in about 20 s; beside another worker it passed the 30 s budget.
  test.slow();
  const facilitator = await signedInFacilitator(browser);
  const first = await delegateOf(browser, facilitator, 'demo', 'Busan Metropolitan City');
  const second = await delegateOf(browser, facilitator, 'demo', 'Lotus Port Operations');
  for (const page of [first, second]) await open(page, '/w/demo/design');
  const run = Date.now() % 100000;

  // Different outputs: both saves stand.
  const trained = await item(first, '1.3 Officials and traders trained');
  await trained.getByLabel('Title', { exact: true }).fill(`Officials and traders trained (${run})`);
  const borders = await item(second, '1.4 Single windows exchange data across borders');
  await borders.getByLabel('Title', { exact: true }).fill(`Single windows exchange data across borders (${run})`);
  await trained.getByRole('button', { name: 'Save', exact: true }).click();
  await borders.getByRole('button', { name: 'Save', exact: true }).click();
  for (const page of [first, second]) {
    await expect(page.locator('summary', { hasText: `Officials and traders trained (${run})` })).toHaveCount(1);
    await expect(page.locator('summary', { hasText: `across borders (${run})` })).toHaveCount(1);
  }

  // The same indicator from the same start: the second is told and chooses.
  const mine = await item(second, 'Container dwell time');
  const theirs = await item(first, 'Container dwell time');
  await mine.getByLabel('Target', { exact: true }).fill(`2.${run}`);
  await theirs.getByLabel('Target', { exact: true }).fill(`3.${run}`);
  await theirs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(theirs.locator('.badge')).toHaveCount(0);
  await mine.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = mine.locator('.conflict');
  await expect(conflict).toContainText('Someone else saved this meanwhile');
  await expect(conflict.locator('.theirs')).toContainText(`3.${run}`);
  await expect(mine.getByLabel('Target', { exact: true })).toHaveValue(`2.${run}`);
  await conflict.getByRole('button', { name: 'Keep mine (then save)' }).click();
  await mine.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(mine.locator('.badge')).toHaveCount(0);
  // The first delegate sees the kept value arrive without a reload.
  await expect(theirs.getByLabel('Target', { exact: true })).toHaveValue(`2.${run}`);
});

test('a problem is shown next to its field and nothing is saved', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await open(facilitator, '/w/demo/design');
  const phase = await item(facilitator, 'Scale-up');
  await phase.getByLabel('Last year').fill('2020');
  await phase.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(phase.locator('.field', { hasText: 'Last year' }).locator('.problem')).toHaveText(
    'The last year cannot be before the first.',
  );
  await facilitator.reload();
  await ready(facilitator);
  // The draft is still there to fix, open; the saved phase is unchanged.
  await expect(facilitator.locator('summary', { hasText: 'Scale-up' })).toContainText('2028–2020');
  const kept = facilitator.locator('details.item', { has: facilitator.locator('summary', { hasText: 'Scale-up' }) });
  await expect(kept).toHaveAttribute('open', '');
  await kept.getByLabel('Last year').fill('2028');
  await kept.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(kept.locator('.badge')).toHaveCount(0);
});

test('the responsibility matrix flags a component with two accountable partners', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await open(facilitator, '/w/demo/partnership');
  const row = facilitator.locator('table.raci tbody tr', { hasText: 'C5 Port community systems' });
  await expect(row.locator('td.flags')).toHaveText('Complete');
  const cell = row.getByLabel('C5 Port community systems – Busan Metropolitan City');
  await cell.selectOption('accountable');
  await expect(row.locator('td.flags')).toContainText('More than one A');
  // Another device sees the flag too.
  const other = await signedInFacilitator(browser);
  await open(other, '/w/demo/partnership');
  await expect(other.locator('table.raci tbody tr', { hasText: 'C5 Port community systems' }).locator('td.flags')).toContainText('More than one A');
  await cell.selectOption('');
  await expect(row.locator('td.flags')).toHaveText('Complete');
  await expect(other.locator('table.raci tbody tr', { hasText: 'C5 Port community systems' }).locator('td.flags')).toHaveText('Complete');
});

test('locking stage 1 makes it read-only on an open delegate page without a reload', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'lock1');
  await open(facilitator, `/w/${slug}/setup`);
  const add = facilitator.getByRole('region', { name: 'Add an organisation' });
  await add.getByLabel('Name', { exact: true }).fill('Port of Testing');
  await add.getByLabel('Country').fill('VN');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await facilitator.getByRole('button', { name: 'Open: Project design' }).click();
  await expect(facilitator.getByRole('button', { name: 'Lock: Project design' })).toBeVisible();

  const delegate = await delegateOf(browser, facilitator, slug, 'Port of Testing');
  await open(delegate, `/w/${slug}/design`);
  await delegate.getByRole('button', { name: 'Start from the customs-and-logistics template' }).click();
  const windows = await item(delegate, 'C1 National single windows');
  await expect(windows.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(delegate.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Save' })).toBeVisible();

  await facilitator.getByRole('button', { name: 'Lock: Project design' }).click();
  await expect(delegate.getByText('This stage is locked')).toBeVisible();
  await expect(windows.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(windows.getByLabel('Title', { exact: true })).toHaveAttribute('readonly', '');
  await expect(delegate.getByRole('region', { name: 'Summary' }).getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(delegate.getByRole('button', { name: 'Add a component' })).toHaveCount(0);
});
