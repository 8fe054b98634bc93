import { test, expect, Page, Locator } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// The pages read as they are meant to at 1280 px: navigation links are
// separate targets with space between them, an amount of money is one
// line that never breaks inside, the setup page's stage controls stand in
// a row of their own parts, and the roster's buttons keep one column.

type Box = { left: number; right: number; top: number; bottom: number; height: number; lineHeight: number; text: string };

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const ink = range.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return {
        left: box.left,
        right: box.right,
        top: box.top,
        bottom: box.bottom,
        height: ink.height,
        lineHeight: parseFloat(getComputedStyle(element).lineHeight) || 1.2 * parseFloat(getComputedStyle(element).fontSize),
        text: (element.textContent ?? '').trim(),
      };
    }),
  );
}

/** Consecutive links on one line have at least `gap` px between them. */
async function linksApart(page: Page, gap = 12) {
  for (const nav of await page.locator('nav.workshop-nav').all()) {
    const links = await boxes(nav.locator('a'));
    for (let i = 1; i < links.length; i++) {
      const [a, b] = [links[i - 1], links[i]];
      if (Math.abs(a.top - b.top) > 2) continue; // wrapped to the next line
      expect(b.left - a.right, `"${a.text}" and "${b.text}" apart`).toBeGreaterThanOrEqual(gap);
    }
  }
}

/** Every amount of money on the page is one line tall. */
async function moneyWhole(page: Page, selector: string) {
  const found = await boxes(page.locator(selector));
  expect(found.length).toBeGreaterThan(0);
  for (const money of found) {
    expect(money.height, `${money.text} on one line`).toBeLessThan(1.5 * money.lineHeight);
  }
}

test('links are apart and amounts whole on the overview and the commitments page', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo');
  await ready(facilitator);
  await expect(facilitator.locator('nav.workshop-nav li')).not.toHaveCount(0);
  await linksApart(facilitator);
  await moneyWhole(facilitator, '.figures .money');

  await facilitator.goto('/w/demo/commitments');
  await ready(facilitator);
  await expect(facilitator.getByRole('link', { name: 'Register (Excel)' })).toBeVisible();
  await linksApart(facilitator);
  await moneyWhole(facilitator, '.figures .money, .register-summary .amount, td.amount');
});

test("the setup page's stage controls stand in a row, and the roster's buttons keep one column", async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  await linksApart(facilitator);

  const stages = facilitator.locator('.stage-controls > li');
  await expect(stages).toHaveCount(4);
  for (const stage of await stages.all()) {
    const [name, status, button] = await boxes(stage.locator('.stage-name, .stage-status, button'));
    // One row: the three share a line, each apart from the next.
    for (const part of [status, button]) {
      expect(Math.abs((part.top + part.bottom) / 2 - (name.top + name.bottom) / 2)).toBeLessThan(12);
    }
    expect(status.left - name.right, `"${name.text}" apart from its status`).toBeGreaterThanOrEqual(12);
    expect(button.left - status.right, `"${status.text}" apart from its button`).toBeGreaterThanOrEqual(12);
  }
  // Statuses and buttons line up from stage to stage.
  const lefts = async (selector: string) => (await boxes(stages.locator(selector))).map((b) => Math.round(b.left));
  expect(new Set(await lefts('.stage-status')).size).toBe(1);

  const roster = await boxes(facilitator.locator('.roster > li .actions'));
  expect(roster.length).toBeGreaterThan(20);
  expect(new Set(roster.map((b) => Math.round(b.left))).size, 'every line\'s buttons in one column').toBe(1);
});
