import { test, expect, Browser, Page } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// The projector read from the back of a hall (/w/demo/screen): at
// 1920×1080 no text under 24 px; at 1920×1080 and at 1280×720 (many venue
// projectors) nothing scrolls, nothing is cut off at the edges, the QR
// panel covers no figure, and no figure breaks inside a number; the same
// in English and Chinese together, which the facilitator switches live.

// The bilingual test switches the demo's screens: the others here must not
// measure while it redraws them.
test.describe.configure({ mode: 'serial' });

type TextBox = { text: string; size: number; left: number; right: number; top: number; bottom: number };

/** Every visible text on the screen: its rendered size (SVG text scaled by
 * its drawing) and where it is. */
async function texts(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => {
    const found: TextBox[] = [];
    const screen = document.querySelector('.screen')!;
    const walker = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const text = (node.textContent ?? '').trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('title')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let size = parseFloat(style.fontSize);
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        if (matrix) size *= Math.hypot(matrix.a, matrix.b);
      }
      // A text cut short with an ellipsis (a long name in the feed) shows
      // only what its box holds.
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = style.textOverflow === 'ellipsis' && style.overflow === 'hidden'
        ? element.getBoundingClientRect()
        : range.getBoundingClientRect();
      found.push({ text: text.slice(0, 40), size, left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    }
    return found;
  });
}

/** The screen on `page` holds at its size: no scrolling, nothing cut off
 * at the edges, no text under 24 px at 1920×1080, and every figure whole
 * on one line inside its card with nothing over it. */
async function holds(page: Page, width: number, height: number) {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow.x).toBeLessThanOrEqual(0);
  expect(overflow.y).toBeLessThanOrEqual(0);

  const boxes = await texts(page);
  expect(boxes.length).toBeGreaterThan(20);
  for (const box of boxes) {
    expect.soft(box.left, `"${box.text}" starts inside the screen`).toBeGreaterThanOrEqual(-0.5);
    expect.soft(box.right, `"${box.text}" ends inside the screen`).toBeLessThanOrEqual(width + 0.5);
    expect.soft(box.top, `"${box.text}" below the top`).toBeGreaterThanOrEqual(-0.5);
    expect.soft(box.bottom, `"${box.text}" above the bottom`).toBeLessThanOrEqual(height + 0.5);
  }
  if (width === 1920) {
    const smallest = boxes.reduce((a, b) => (b.size < a.size ? b : a));
    expect(smallest.size, `the smallest text is "${smallest.text}"`).toBeGreaterThanOrEqual(24);
  }

  // Each figure (secured, pledged, the gap, paid and not yet paid) is whole on one
  // line, inside its own box, and nothing (the QR panel) lies over it.
  const figures = await page.locator('.screen-figures [data-figure]').all();
  expect(figures.length).toBeGreaterThanOrEqual(5);
  for (const figure of figures) {
    const fits = await figure.evaluate((dd) => {
      const box = dd.getBoundingClientRect();
      const card = dd.closest('.figure')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(dd);
      const ink = range.getBoundingClientRect();
      const top = document.elementFromPoint(ink.left + ink.width / 2, ink.top + ink.height / 2);
      return {
        text: dd.textContent,
        oneLine: ink.height < 1.5 * parseFloat(getComputedStyle(dd).lineHeight),
        inside: ink.left >= card.left - 0.5 && ink.right <= card.right + 0.5 && box.width > 0,
        uncovered: !!top && dd.contains(top),
      };
    });
    expect.soft(fits.oneLine, `${fits.text} on one line`).toBe(true);
    expect.soft(fits.inside, `${fits.text} inside its card`).toBe(true);
    expect.soft(fits.uncovered, `${fits.text} not covered`).toBe(true);
  }
}

/** Paid and not yet paid add up to secured, to the cent. */
async function paidAddsUp(page: Page) {
  const cents = async (figure: string) =>
    Number((await page.locator(`[data-figure="${figure}"]`).textContent())!.replace(/[^0-9]/g, ''));
  expect((await cents('disbursed')) + (await cents('undisbursed'))).toBe(await cents('secured'));
  expect(await cents('disbursed')).toBeGreaterThan(0);
}

async function projector(browser: Browser, width: number, height: number, path = '/w/demo/screen'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(path);
  await ready(page);
  return page;
}

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`the projector holds at ${width}×${height}`, async ({ browser }) => {
    const page = await projector(browser, width, height);
    await expect(page.locator('.room-code')).toHaveText(/^[A-Z2-9]{6}$/);
    // Every screen has a room code now: wait for the commitments board itself.
    await expect(page.locator('.screen-figures [data-figure="secured"]')).toBeVisible();
    await holds(page, width, height);
    await paidAddsUp(page);
    // The plan by year against the costs by year, in the side column.
    await expect(page.locator('.year-chart text.label').first()).toHaveText('2027');
  });
}

test('the facilitator shows the projectors in English and Chinese together, live, and they still hold', async ({ browser }) => {
  test.slow(); // four browser profiles and two layouts checked are its work, not a wait
  const large = await projector(browser, 1920, 1080);
  const model = await projector(browser, 1920, 1080, '/w/demo/screen/business-model');
  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  const both = facilitator.getByRole('button', { name: 'English and Chinese together' });
  const own = facilitator.getByRole('button', { name: "Each screen's own language" });
  try {
    await both.click();
    await expect(both).toHaveAttribute('aria-pressed', 'true');
    // Every open screen follows without a reload.
    await expect(large.locator('.screen-figures .pledged dt')).toHaveText('Pledged (not yet firm) · 已认捐（尚未确定）');
    await expect(model.locator('.consensus-map caption')).toContainText(' · ');
    expect(await model.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await holds(large, 1920, 1080);
    const small = await projector(browser, 1280, 720);
    await expect(small.locator('.screen-join p').first()).toHaveText('Join the room · 加入会场');
    await holds(small, 1280, 720);
    await paidAddsUp(small);
  } finally {
    await own.click();
  }
  await expect(own).toHaveAttribute('aria-pressed', 'true');
  await expect(large.locator('.screen-figures .pledged dt')).toHaveText('Pledged (not yet firm)');
});
