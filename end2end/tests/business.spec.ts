import { test, expect, type Page } from '@playwright/test';
import { delegateOf, signedInFacilitator, ready } from './helpers';

// Stage 3 as a room uses it on the demo: a fee changed on one device moves
// every figure on every open device, and delegates' votes on a risk's
// allocation show as they are cast.

async function open(page: Page, path: string) {
  await page.goto(path);
  await ready(page);
}

/** An item's editor, by text in its heading, opened. */
async function item(page: Page, heading: string | RegExp) {
  const editor = page.locator('details.item', { has: page.locator('summary', { hasText: heading }) });
  await expect(editor).toHaveCount(1);
  if ((await editor.getAttribute('open')) === null) {
    await editor.locator('summary').click();
  }
  return editor;
}

test('the demo model shows its figures, and a new fee moves them on every device', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const delegate = await delegateOf(browser, facilitator, 'demo', 'Bangkok Metropolitan Administration');
  for (const page of [facilitator, delegate]) await open(page, '/w/demo/business-model');
  const structure = facilitator.getByRole('region', { name: 'PPP structure' });
  await expect(structure).toContainText('Build-operate-transfer (BOT)');
  await expect(facilitator.locator('.canvas .canvas-block')).toHaveCount(9);
  const npv = delegate.locator('[data-figure="npv"]');
  await expect(npv).toContainText('USD');
  const before = await npv.textContent();
  await expect(delegate.locator('[data-testid="projection"] tbody tr')).toHaveCount(15);
  await expect(delegate.locator('[data-testid="sensitivity"] tbody tr')).toHaveCount(12);

  // A fee no other run uses: year 1's revenue is that fee times 2,400,000
  // declarations, plus the forwarders' 1,500 subscriptions at USD 1,200.
  const cents = 500 + Math.floor(Math.random() * 90);
  const fee = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  const stream = await item(facilitator, /^Declaration fee/);
  await stream.getByLabel(/Price per unit/).fill(fee);
  await stream.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(stream.locator('.badge')).toHaveCount(0);
  const revenue = (cents * 2_400_000) / 100 + 1_800_000;
  const shown = `USD ${revenue.toLocaleString('en-US')}.00`;
  for (const page of [facilitator, delegate]) {
    const year1 = page.locator('[data-testid="projection"] tbody tr').nth(1);
    await expect(year1.locator('td').first()).toHaveText(shown);
  }
  await expect(npv).not.toHaveText(before ?? '');
});

test("three delegates' votes on a risk show as they are cast, and the facilitator settles", async ({ browser }) => {
  // Five browser profiles, three of them joining through invite links one
  // after another: more work than the default budget, not a wait.
  test.slow();
  const facilitator = await signedInFacilitator(browser);
  const voters = [];
  for (const organisation of ['Busan Metropolitan City', 'Lotus Port Operations', 'City of Manila']) {
    voters.push(await delegateOf(browser, facilitator, 'demo', organisation));
  }
  await open(facilitator, '/w/demo/business-model');
  // The projector shows the votes as they come, without a reload.
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await open(screen, '/w/demo/screen/business-model');
  await expect(screen.locator('[data-figure="npv"]')).toContainText('USD');
  const privateVotes = screen.locator('[data-testid="consensus"] tr[data-risk="4"] td').nth(1);
  await expect(privateVotes).toHaveText('0');
  // Readable from the back: it fits 1920×1080 without scrolling.
  const overflow = await screen.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  const settled = facilitator.getByRole('region', { name: 'Risk allocation' });
  const r4 = settled.locator('details.item summary', { hasText: /^R4 / });
  await expect(r4).toContainText('Private 0');
  for (const [n, voter] of voters.entries()) {
    await open(voter, '/w/demo/business-model');
    const vote = await item(voter, /^Your organisation's vote · R4 /);
    await vote.getByLabel("Your organisation's vote").selectOption({ label: 'Private' });
    await vote.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(r4).toContainText(`Private ${n + 1}`);
    await expect(privateVotes).toHaveText(`${n + 1}`);
  }
  // Only the facilitator settles it.
  await expect(voters[0].locator('details.item summary', { hasText: /^R4 / }).first()).toBeVisible();
  const decision = await item(facilitator, /^R4 /);
  await decision.getByLabel('Settled allocation').selectOption({ label: 'Private' });
  await decision.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(r4).toContainText(': Private (');
  await expect(privateVotes).toHaveClass(/settled/);
});
