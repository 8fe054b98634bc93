import { test, expect } from '@playwright/test';
import { ready } from './helpers';

// The stylesheet must hold up on a 360px-wide phone in both languages:
// nothing wider than the screen, and the figures still whole.

test.use({ viewport: { width: 360, height: 740 } });

for (const lang of ['en', 'zh-CN']) {
  for (const path of ['/', '/w/demo', '/signin']) {
    test(`${path} fits a 360px phone without sideways scrolling (${lang})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      await page.goto(path);
      await ready(page);
      // The stylesheet is applied (the header gets its dark background).
      await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(20, 48, 79)');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      for (const el of await page.locator('.figures dd, .stage, .workshop-list li, .lang-switch button').all()) {
        const box = await el.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      }
    });
  }
}
