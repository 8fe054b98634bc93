import { test, expect } from '@playwright/test';
import { signedInFacilitator, ready } from './helpers';

// A third device joins with the room code on the projector, asks to act for
// an organisation, and is approved with one click.

test('a participant joins with the room code and is approved as a delegate', async ({ browser }) => {
  const screen = await (await browser.newContext()).newPage();
  await screen.goto('/w/demo/screen');
  const code = (await screen.locator('.room-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  const qr = await screen.request.get('/w/demo/room.svg');
  expect(qr.headers()['content-type']).toBe('image/svg+xml');

  const name = `Lan ${Date.now() % 100000}`;
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto('/room');
  await ready(phone);
  await phone.getByLabel('Room code').fill('WRONG9');
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.locator('#code-problem')).toHaveText(/No workshop has this code/);
  await phone.getByLabel('Room code').fill(code.toLowerCase());
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone).toHaveURL(/\/w\/demo\/room$/);
  await ready(phone);
  await phone.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Open Trade Foundation' });
  await phone.getByRole('button', { name: 'Ask' }).click();
  await expect(phone.getByRole('status')).toContainText('Waiting for a facilitator');

  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo/setup');
  await ready(facilitator);
  await facilitator.getByRole('button', { name: `Approve ${name}` }).click();

  // The phone learns it without a reload, and may now record commitments.
  await expect(phone.getByRole('status')).toContainText('You act for Open Trade Foundation');
  await phone.goto('/w/demo/commitments');
  await ready(phone);
  await expect(phone.locator('section.record')).toBeVisible();
});

test('the room answers a question the facilitator asks, live', async ({ browser }) => {
  const screen = await (await browser.newContext()).newPage();
  await screen.goto('/w/demo/screen');
  const code = ((await screen.locator('.room-code').textContent()) ?? '').trim();

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`/room?code=${code}`);
  await ready(phone);
  await expect(phone.getByLabel('Room code')).toHaveValue(code);
  const name = `Mei ${Date.now() % 100000}`;
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone).toHaveURL(/\/w\/demo\/room$/);
  await ready(phone);

  const facilitator = await signedInFacilitator(browser);
  await facilitator.goto('/w/demo');
  await ready(facilitator);
  const question = `Which border crossing first? ${Date.now() % 100000}`;
  await facilitator.getByLabel('Ask the room a question').fill(question);
  await facilitator.getByRole('button', { name: 'Ask', exact: true }).click();

  // The question reaches the phone without a reload; the answer comes back.
  const item = phone.locator('.discussion', { hasText: question });
  await expect(item).toBeVisible();
  await item.getByLabel('Your answer').fill('Mukdahan–Savannakhet');
  await item.getByRole('button', { name: 'Send' }).click();
  await expect(facilitator.locator('.discussion', { hasText: question }).locator('.contributions'))
    .toContainText(`${name}: Mukdahan–Savannakhet`);
  await expect(item.getByLabel('Your answer')).toHaveValue('');

  // A closed question takes no more answers.
  await facilitator.locator('.discussion', { hasText: question }).getByRole('button', { name: 'Close the question' }).click();
  await expect(item.getByText('Closed')).toBeVisible();
  await expect(item.getByLabel('Your answer')).toHaveCount(0);
});
