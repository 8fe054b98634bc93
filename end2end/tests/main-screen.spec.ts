import { test, expect, Browser, Page } from '@playwright/test';
import { newWorkshop, signedInFacilitator, ready } from './helpers';

// The facilitator drives the main screen (/w/{slug}/screen): every open
// main screen switches without a reload, a fixed screen for a second
// projector stays where it is, a question's answers reach the screen as
// they are sent, and the phone remote has large touch targets. The
// switching runs in a workshop of its own, so the demo's main screen stays
// on the commitments for the other tests.

type TextBox = { text: string; size: number; right: number; bottom: number };

async function open(browser: Browser, path: string, width = 1920, height = 1080): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(path);
  await ready(page);
  // Gone after a reload: the screens below must keep it.
  await page.evaluate(() => ((window as any).__notReloaded = true));
  return page;
}

async function notReloaded(page: Page) {
  expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
}

/** Nothing scrolls, nothing is past an edge, and at 1920×1080 no text is
 * under 24 px. */
async function legible(page: Page, selector: string, width: number, height: number) {
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  const boxes: TextBox[] = await page.evaluate((selector) => {
    const found: TextBox[] = [];
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const clipped = element.closest('.line');
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = clipped ? clipped.getBoundingClientRect() : range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      found.push({ text: text.slice(0, 40), size: parseFloat(getComputedStyle(element).fontSize), right: box.right, bottom: box.bottom });
    }
    return found;
  }, selector);
  expect(boxes.length).toBeGreaterThan(5);
  for (const box of boxes) {
    expect.soft(box.right, `"${box.text}" ends inside`).toBeLessThanOrEqual(width + 0.5);
    expect.soft(box.bottom, `"${box.text}" above the bottom`).toBeLessThanOrEqual(height + 0.5);
  }
  if (width === 1920) {
    const smallest = boxes.reduce((a, b) => (b.size < a.size ? b : a));
    expect(smallest.size, `the smallest text is "${smallest.text}"`).toBeGreaterThanOrEqual(24);
  }
}

async function hydratedControls(facilitator: Page, path: string) {
  await facilitator.goto(path);
  await ready(facilitator);
  await expect(facilitator.locator('.screen-choices button')).not.toHaveCount(0);
}

test('the facilitator switches the main screens from design to partnership to commitments; a fixed screen stays', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'screens');
  const first = await open(browser, `/w/${slug}/screen`);
  const second = await open(browser, `/w/${slug}/screen`, 1280, 720);
  const fixed = await open(browser, `/w/${slug}/screen/commitments`);
  // No stage is open: the main screen shows the commitments.
  for (const page of [first, second, fixed]) await expect(page.locator('.screen-figures')).toBeVisible();

  await hydratedControls(facilitator, `/w/${slug}/setup`);
  const choose = async (name: string) => {
    const button = facilitator.locator('.screen-controls').getByRole('button', { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  };
  await choose('Stage 1 · Project design');
  for (const page of [first, second]) {
    await expect(page.locator('.design-screen')).toBeVisible();
    await expect(page.locator('.room-corner .room-code')).toHaveText(/^[A-Z0-9]{6}$/);
  }
  await choose('Stage 2 · Partnership framework');
  for (const page of [first, second]) await expect(page.locator('[data-testid="matrix"]')).toBeVisible();
  await choose('Stage 4 · Financial commitments');
  for (const page of [first, second]) await expect(page.locator('.screen-figures')).toBeVisible();
  await choose('Consolidated proposal');
  for (const page of [first, second]) await expect(page.locator('[data-testid="sections"] tr')).toHaveCount(12);

  // The second projector never moved, and nothing was reloaded.
  await expect(fixed.locator('.screen-figures')).toBeVisible();
  await expect(fixed.locator('.design-screen, .proposal-screen')).toHaveCount(0);
  for (const page of [first, second, fixed]) await notReloaded(page);
});

test("a question's answers reach the main screen as they are sent, and its count", async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'question');
  const screen = await open(browser, `/w/${slug}/screen`);
  await facilitator.goto(`/w/${slug}`);
  await ready(facilitator);
  const question = `Which port first? ${Date.now() % 100000}`;
  await facilitator.getByLabel('Ask the room a question').fill(question);
  await facilitator.getByRole('button', { name: 'Ask', exact: true }).click();
  const item = facilitator.locator('.discussion', { hasText: question });
  await item.locator('.show-on-screen form[data-ready]').waitFor({ state: 'attached' });
  await item.getByRole('button', { name: 'Show on the screen' }).click();

  await expect(screen.locator('.screen-question')).toHaveText(question);
  await expect(screen.locator('[data-figure="answers"]')).toHaveText('0');
  await item.getByLabel('Your answer').fill('Colombo, for its transhipment');
  await item.getByRole('button', { name: 'Send' }).click();
  await expect(screen.locator('.screen-answers li')).toHaveText(['Colombo, for its transhipment']);
  await expect(screen.locator('[data-figure="answers"]')).toHaveText('1');
  // No name on the public screen: only what was answered.
  await expect(screen.locator('.question-screen')).not.toContainText('Demo Facilitator');
  await legible(screen, '.question-screen', 1920, 1080);

  await facilitator.locator('.discussion', { hasText: question }).getByRole('button', { name: 'Close the question' }).click();
  await expect(screen.locator('.screen-question')).toHaveAttribute('data-open', 'false');
  await expect(screen.locator('.question-screen .walk-progress')).toContainText('Closed');
  await notReloaded(screen);
});

test('the phone remote switches the screen and runs the stage timer, with large touch targets', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'remote');
  await facilitator.goto(`/w/${slug}/setup`);
  await ready(facilitator);
  await facilitator.getByRole('button', { name: 'Open: Project design' }).click();
  await expect(facilitator.locator('.stage-controls li[data-stage="1"]')).toContainText('Open');
  const screen = await open(browser, `/w/${slug}/screen`);
  // The room is in stage 1: the screen follows it.
  await expect(screen.locator('.design-screen')).toBeVisible();

  const phone = facilitator;
  await phone.setViewportSize({ width: 390, height: 844 });
  await hydratedControls(phone, `/w/${slug}/remote`);
  for (const button of await phone.locator('.remote button:visible').all()) {
    const box = (await button.boundingBox())!;
    expect(box.height, `${await button.innerText()} is a large target`).toBeGreaterThanOrEqual(48);
  }
  await phone.getByRole('button', { name: 'Stage 2 · Partnership framework', exact: true }).click();
  await expect(screen.locator('[data-testid="matrix"]')).toBeVisible();
  await phone.getByRole('button', { name: 'Start the timer' }).click();
  await expect(screen.locator('.stage-timer')).toContainText('Stage 1');
  await phone.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(screen.locator('.stage-timer')).toHaveCount(0);
  await phone.getByRole('button', { name: 'Follow the stage the room is in', exact: true }).click();
  await expect(screen.locator('.design-screen')).toBeVisible();
  await notReloaded(screen);

  // Nobody else has a remote.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/w/${slug}/remote`);
  await expect(visitor.locator('.failure')).toContainText('Sign in as a facilitator first.');
  await expect(visitor.locator('.screen-choices')).toHaveCount(0);
});

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`the proposal's screen lists its sections, versions and the funding to find at ${width}×${height}`, async ({ browser }) => {
    const page = await open(browser, '/w/demo/screen/proposal', width, height);
    await expect(page.locator('[data-testid="sections"] tr')).toHaveCount(12);
    // The demo has no monitoring text yet: its section says so.
    await expect(page.locator('[data-testid="sections"] tr[data-section="monitoring"]')).toHaveClass(/incomplete/);
    await expect(page.locator('[data-figure="sections"]')).toHaveText(/^\d+ \/ 12 sections complete$/);
    await expect(page.locator('[data-figure="to-find"]')).toHaveText(/^USD -?[\d,]+(\.\d\d)?$/);
    await expect(page.locator('.room-corner .room-code')).toHaveText(/^[A-Z0-9]{6}$/);
    await legible(page, '.proposal-screen', width, height);
  });

  test(`the commitments' fixed screen is the main screen's board at ${width}×${height}`, async ({ browser }) => {
    const page = await open(browser, '/w/demo/screen/commitments', width, height);
    await expect(page.locator('[data-figure="secured"]')).toHaveText(/USD/);
    await expect(page.locator('.screen-join .room-code')).toHaveText(/^[A-Z0-9]{6}$/);
  });
}
