import { test, expect, Browser, Page } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// Stages 1 and 2 on a second projector (/w/demo/screen/design and
// /w/demo/screen/partnership): what the room is building, readable from
// the back of a hall at 1920×1080 and 1280×720, and live.

type TextBox = { text: string; size: number; left: number; right: number; top: number; bottom: number };

async function open(browser: Browser, path: string, width: number, height: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(path);
  await ready(page);
  return page;
}

/** Every visible text: no scrolling, none under 24 px at 1920×1080, none
 * past an edge (a long name ends in an ellipsis inside its box). */
async function holds(page: Page, width: number, height: number) {
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  const boxes: TextBox[] = await page.evaluate(() => {
    const found: TextBox[] = [];
    const walker = document.createTreeWalker(document.querySelector('.stage-screen')!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      const clipped = element.closest('.line');
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = clipped ? clipped.getBoundingClientRect() : range.getBoundingClientRect();
      found.push({ text: text.slice(0, 40), size: parseFloat(style.fontSize), left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    }
    return found;
  });
  expect(boxes.length).toBeGreaterThan(30);
  for (const box of boxes) {
    expect.soft(box.left, `"${box.text}" starts inside`).toBeGreaterThanOrEqual(-0.5);
    expect.soft(box.right, `"${box.text}" ends inside`).toBeLessThanOrEqual(width + 0.5);
    expect.soft(box.bottom, `"${box.text}" above the bottom`).toBeLessThanOrEqual(height + 0.5);
  }
  if (width === 1920) {
    const smallest = boxes.reduce((a, b) => (b.size < a.size ? b : a));
    expect(smallest.size, `the smallest text is "${smallest.text}"`).toBeGreaterThanOrEqual(24);
  }
}

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`stage 1's screen shows the results chain, the components, the risks and the walk at ${width}×${height}`, async ({ browser }) => {
    const page = await open(browser, '/w/demo/screen/design', width, height);
    await expect(page.locator('[data-testid="components"] tbody tr')).toHaveCount(12);
    await expect(page.locator('[data-testid="components"] caption')).toContainText('6/12 components costed');
    await expect(page.locator('.results-chain')).toContainText('Faster, cheaper and more transparent trade');
    await expect(page.locator('.screen-outputs')).toContainText('6.5 → 3.5 days (2029)');
    await expect(page.locator('[data-figure="walk"]')).toHaveText(/^\d+ \/ 4 steps done$/);
    // Every risk of the design sits in one cell of the heat map.
    const counts = await page.locator('[data-testid="risks"] td[data-impact]').allTextContents();
    expect(counts.reduce((sum, c) => sum + Number(c || 0), 0)).toBeGreaterThanOrEqual(4);
    await holds(page, width, height);
  });

  test(`stage 2's screen shows the partners, the matrix's flags and the bodies at ${width}×${height}`, async ({ browser }) => {
    const page = await open(browser, '/w/demo/screen/partnership', width, height);
    const customs = page.locator('.screen-partners li', { hasText: 'General Administration of Customs' });
    await expect(customs.locator('.agreement')).toHaveText('3 Building (MoU)');
    const matrix = page.locator('[data-testid="matrix"] tr');
    await expect(matrix.filter({ hasText: 'C6 Customs automation' })).toContainText('complete');
    await expect(matrix.filter({ hasText: 'C3 Legal framework' })).toHaveClass(/flagged/);
    await expect(page.locator('.screen-bodies')).toContainText('Programme steering committee');
    await holds(page, width, height);
  });
}

test("a partner added on the setup page appears on stage 2's screen without a reload", async ({ browser }) => {
  const screen = await open(browser, '/w/demo/screen/partnership', 1920, 1080);
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  const name = `Port of Live Test ${Date.now() % 1000000}`;
  const form = facilitator.locator('section[aria-labelledby="add-organisation-heading"]');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Country').fill('LK');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(screen.locator('.screen-partners li', { hasText: name })).toContainText('not started');
});
