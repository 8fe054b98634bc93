import { test, expect } from '@playwright/test';
import { newWorkshop, signedInFacilitator, ready } from './helpers';

// The stage timer reaches an open projector without a reload, ticks there
// on the server's clock, and says when time is up. In a workshop of its own,
// so the demo's stages stay as the other tests expect.

test('starting the stage timer shows it ticking on an open projector', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  const slug = await newWorkshop(facilitator, 'timer');
  await facilitator.goto(`/w/${slug}/setup`);
  await ready(facilitator);
  await facilitator.getByRole('button', { name: 'Open: Project design' }).click();
  await expect(facilitator.locator('.stage-controls li[data-stage="1"]')).toContainText('Open');

  // The projector's browser clock is faked, so "time is up" comes without waiting.
  const projector = await (await browser.newContext()).newPage();
  await projector.clock.install();
  await projector.goto(`/w/${slug}/screen`);
  await ready(projector);
  await expect(projector.locator('.stage-timer')).toHaveCount(0);

  const timer = facilitator.getByRole('region', { name: 'Stage timer' });
  await timer.getByLabel('Minutes').fill('10');
  await timer.getByRole('button', { name: 'Start the timer' }).click();

  const shown = projector.locator('.stage-timer');
  await expect(shown).toContainText('Stage 1');
  await expect(shown.locator('.timer-clock')).toHaveText(/^(10:00|9:[0-5]\d)$/);
  const first = await shown.locator('.timer-clock').innerText();
  await projector.clock.runFor(3000);
  await expect(shown.locator('.timer-clock')).not.toHaveText(first);

  await projector.clock.fastForward('10:30');
  await expect(shown).toContainText('Time is up');
  await expect(shown).toHaveClass(/time-up/);

  await timer.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(shown).toHaveCount(0);
});
