import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signedInFacilitator, ready } from './helpers';

// The consolidated proposal on the demo: every section, a version issued by
// the facilitator that appears on the page without a reload and stays as it
// was issued, and the page readable by assistive technology.

async function open(page: Page, path: string) {
  await page.goto(path);
  await ready(page);
}

const sections = [
  'Summary',
  'Context and problem',
  'Stakeholders and partners',
  'Strategy and results framework',
  'Components',
  'Partnership and governance',
  'Business model',
  'Financing plan',
  'Risks and mitigation',
  'Monitoring and evaluation',
  'Sustainability',
  'Annexes',
];

test('a facilitator issues a version of the proposal and reads it back as issued', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await open(facilitator, '/w/demo/proposal');
  const article = facilitator.locator('article.proposal');
  for (const [n, name] of sections.entries()) {
    await expect(article.getByRole('heading', { level: 2, name: `${n + 1}. ${name}`, exact: true })).toBeVisible();
  }
  // The demo's own sections say what they lack and where it is filled.
  await expect(article.locator('#sustainability .missing')).toContainText('written by a facilitator on the proposal page');
  await expect(article.locator('#financing .proposal-figures')).toContainText('USD');

  const label = `for the summit ${Date.now()}`;
  await facilitator.getByLabel('Label of the new version').fill(label);
  await facilitator.getByRole('button', { name: 'Issue a version' }).click();
  const version = facilitator.getByRole('link', { name: new RegExp(label) });
  await expect(version).toBeVisible();
  await version.click();
  await expect(facilitator).toHaveURL(/\?version=\d+$/);
  await expect(facilitator.locator('.showing')).toContainText('Version');
  await expect(facilitator.locator('article.proposal .subtitle')).toContainText(label);
  const markdown = facilitator.getByRole('link', { name: 'Markdown' });
  await expect(markdown).toHaveAttribute('href', /proposal\.md\?lang=en&version=\d+$/);
  await facilitator.context().close();
});

test('the proposal page has no serious accessibility violations', async ({ browser }) => {
  // axe checks a document of some forty tables: its work, not a wait.
  test.slow();
  const facilitator = await signedInFacilitator(browser);
  await open(facilitator, '/w/demo/proposal');
  const results = await new AxeBuilder({ page: facilitator }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, blocking.join('\n')).toEqual([]);
  await facilitator.context().close();
});

test('the replay timeline is chosen with the keyboard, on the proposal and on the workshop page', async ({ browser }) => {
  const facilitator = await signedInFacilitator(browser);
  await open(facilitator, '/w/demo/proposal');
  const timeline = facilitator.getByLabel('Replay the session to event');
  await expect(timeline).toBeVisible();
  // Newest first: one step down is the event before the last.
  await timeline.focus();
  await facilitator.keyboard.press('ArrowDown');
  const chosen = await timeline.inputValue();
  await facilitator.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(facilitator).toHaveURL(new RegExp(`[?&]moment=${chosen}$`));
  await expect(facilitator.locator('.showing')).toContainText(`Replayed at event ${chosen}`);
  await expect(facilitator.getByRole('link', { name: 'IATI activity (XML)' })).toHaveAttribute('href', new RegExp(`iati\\.xml\\?moment=${chosen}$`));

  await open(facilitator, '/w/demo?moment=3');
  await expect(facilitator.locator('.replayed')).toContainText('The workshop as it stood at event 3');
  await expect(facilitator.getByLabel('Replay the session to event')).toHaveValue('3');
  await open(facilitator, '/w/demo?moment=999999');
  await expect(facilitator.locator('.failure[role=alert]')).toContainText('The session has no such moment');
  await facilitator.context().close();
});
