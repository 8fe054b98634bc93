import { test, expect, Page } from '@playwright/test';

// The projector read from the back of a hall (/w/demo/screen): at
// 1920×1080 no text under 24 px; at 1920×1080 and at 1280×720 (many venue
// projectors) nothing scrolls, nothing is cut off at the edges, the QR
// panel covers no figure, and no figure breaks inside a number.

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
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      found.push({ text: text.slice(0, 40), size, left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    }
    return found;
  });
}

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`the projector holds at ${width}×${height}`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await page.goto('/w/demo/screen');
    await page.locator('body[data-hydrated]').waitFor();
    await expect(page.locator('.room-code')).toHaveText(/^[A-Z2-9]{6}$/);

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

    // Each figure is whole on one line, inside its own box, and nothing
    // (the QR panel) lies over it.
    for (const figure of await page.locator('.screen-figures dd[data-figure]').all()) {
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
  });
}
