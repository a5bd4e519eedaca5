// Browser tests for the Compare view (#/compare): a real before/after pair from
// tests/scenarios/diff (PostgreSQL 15, the fix its before plan's finding proposed),
// compared in the worker; the share link that carries both plans; starting from the
// analyzer's plan; a plan that does not read. Set-up in harness.mjs.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { JSON_PLAN, base, idle, open, scenario, shot, useBrowser } from './harness.mjs';

useBrowser();

// A partial index turned a Parallel Seq Scan into a Bitmap Heap Scan (see
// crates/pgsight-core/tests/diff_pairs.rs: seq-scan-selective-filter is resolved).
// JSON before, text after: mixed formats, as a person would paste them.
const BEFORE = scenario('diff/seq-scan-index-before.json');
const AFTER = scenario('diff/seq-scan-index-after.txt');

const compared = (page) => page.locator('[data-testid="compare-status"]:not([data-busy])').waitFor({ timeout: 30_000 });
const resolved = (page, rule) =>
  page.locator(`[data-testid="compare-finding"][data-status="resolved"][data-rule="${rule}"]`);

async function assertComparison(page) {
  const headline = page.getByTestId('compare-headline');
  await headline.waitFor({ timeout: 30_000 });
  await compared(page);
  const text = await headline.innerText();
  assert.match(text, /^Execution 74\.3 ms → 1\.5 ms \(−98%\): /, text);
  assert.match(text, /Parallel Seq Scan on orders replaced by Bitmap Heap Scan using orders_country_idx/, text);
  assert.match(text, /seq-scan-selective-filter resolved/, text);

  // The whole-plan figures, absolute and in %.
  const summary = page.getByTestId('compare-summary');
  assert.match(await summary.locator('tr', { hasText: 'Execution time' }).innerText(), /74\.3 ms\s+1\.5 ms\s+−72\.9 ms \(−98%\)/);
  assert.match(await summary.locator('tr', { hasText: 'Shared blocks read' }).innerText(), /10,250\s+1\s+−10,249 \(−99\.9%\)/);

  // The resolved finding, linked to its rule's doc.
  const finding = resolved(page, 'seq-scan-selective-filter');
  assert.equal(await finding.count(), 1);
  assert.ok((await finding.locator('a.rule-link').getAttribute('href')).endsWith('#/rules/seq-scan-selective-filter'));
  assert.match(await finding.innerText(), /at Parallel Seq Scan on public\.orders/);
  assert.equal(await page.locator('[data-testid="compare-finding"][data-status="new"]').count(), 0);

  // The reshaped pair side by side, with its deltas; the removed Gather and the added
  // Bitmap Index Scan marked.
  const reshaped = page.locator('[data-testid="compare-node"][data-change="scan changed"]');
  assert.equal(await reshaped.count(), 1);
  const cells = await reshaped.locator('td').allInnerTexts();
  assert.match(cells[1], /Parallel Seq Scan on public\.orders/);
  assert.match(cells[2], /Bitmap Heap Scan on public\.orders/);
  assert.match(cells[3], /59\.9 ms → 1\.3 ms\s+−58\.7 ms \(−98%\)/);
  assert.match(await page.locator('[data-testid="compare-node"][data-change="removed"]').innerText(), /Gather/);
  assert.match(await page.locator('[data-testid="compare-node"][data-change="added"]').innerText(), /Bitmap Index Scan using orders_country_idx/);
}

test('paste a before and an after plan: headline, figures, node pairs and resolved finding; the share link restores both', async (t) => {
  const { context, page, check } = await open(t, { hash: '#/compare' });
  await page.getByTestId('before-input').waitFor();
  assert.equal(await page.getByTestId('compare-link').getAttribute('class').then((c) => c.includes('current')), true);
  await shot(page, '30-compare-empty');

  await page.getByTestId('before-input').fill(BEFORE);
  await page.getByTestId('compare-status').filter({ hasText: 'Now paste the after plan' }).waitFor();
  await page.getByTestId('after-input').fill(AFTER);
  await assertComparison(page);
  const headline = await page.getByTestId('compare-headline').innerText();
  await shot(page, '31-compare');
  await page.getByTestId('compare-nodes').scrollIntoViewIfNeeded();
  await shot(page, '32-compare-nodes');

  // The comparison as Markdown, on the clipboard.
  await page.getByTestId('compare-copy-md').click();
  await page.getByTestId('compare-copy-md').filter({ hasText: 'Copied' }).waitFor();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.startsWith('## pgsight diff\n\n**Execution 74.3 ms'), markdown.slice(0, 80));

  // The share link carries both plans and opens the Compare view on them.
  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(await page.getByTestId('share-url').inputValue(), link);
  assert.ok(link.startsWith(`${base}#/s/v1.`), link);
  assert.equal(await page.getByTestId('share-size').getAttribute('data-size'), 'fine');
  await shot(page, '33-compare-share');
  await page.keyboard.press('Escape');

  const other = await context.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto(link);
  await assertComparison(other);
  assert.equal(await other.getByTestId('compare-headline').innerText(), headline);
  assert.equal(await other.getByTestId('before-input').inputValue(), BEFORE);
  assert.equal(await other.getByTestId('after-input').inputValue(), AFTER);
  assert.equal(await other.getByTestId('welcome').count(), 0, 'not the analyzer');
  // Edited, the plans leave the address bar: it shows the Compare view's own route.
  await other.getByTestId('after-input').fill(BEFORE);
  await other.waitForFunction(() => location.hash === '#/compare');
  await other.getByTestId('compare-headline').filter({ hasText: 'same plan' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, []);

  // Swapping compares the other way: the finding is new, not resolved.
  await page.getByTestId('compare-swap').click();
  await page.locator('[data-testid="compare-finding"][data-status="new"][data-rule="seq-scan-selective-filter"]').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('compare-headline').innerText(), /^Execution 1\.5 ms → 74\.3 ms/);

  // The rule link opens the rule's doc.
  await page.getByTestId('compare-swap').click();
  await resolved(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await resolved(page, 'seq-scan-selective-filter').locator('a.rule-link').click();
  await page.waitForFunction(() => location.hash === '#/rules/seq-scan-selective-filter');
  await page.locator('#page-title').waitFor();
  await check();
  await context.close();
});

test('a compare link opens in the dark theme too, with keyboard access', async (t) => {
  const { context, page, check } = await open(t, { hash: '#/compare', colorScheme: 'dark' });
  await page.getByTestId('before-input').fill(BEFORE);
  await page.getByTestId('after-input').fill(AFTER);
  await assertComparison(page);
  await shot(page, '34-compare-dark');
  // The node table scrolls sideways on a narrow screen and takes the focus to do so.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.locator('.compare-nodes-wrap').focus();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('compare-nodes-wrap')), true);
  await shot(page, '35-compare-narrow-dark');
  await check();
  await context.close();
});

test('from the analyzer: "Compare" takes its plan as the before plan; a plan that does not read is marked', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await idle(page);
  await page.getByTestId('compare-link').click();
  await page.waitForFunction(() => location.hash === '#/compare');
  await page.getByTestId('before-input').waitFor();
  assert.equal(await page.getByTestId('before-input').inputValue(), JSON_PLAN);
  assert.match(await page.getByTestId('compare-status').innerText(), /Now paste the after plan/);

  // The after side: broken JSON is named with its line, in the after plan's editor.
  await page.getByTestId('after-input').fill('[{"Plan": {\n  "Node Type": "Seq Scan",,\n}}]');
  const error = page.getByTestId('compare-after').getByTestId('compare-input-error');
  await error.waitFor({ timeout: 30_000 });
  assert.match(await error.innerText(), /line 2/);
  assert.equal(await page.getByTestId('compare-before').getByTestId('compare-input-error').count(), 0);
  assert.equal(await page.getByTestId('compare-headline').count(), 0);
  assert.equal(await page.getByTestId('after-input').getAttribute('aria-invalid'), 'true');
  await shot(page, '36-compare-parse-error');

  // "Use the analyzer's plan" fills a side; the same plan on both sides is the same plan.
  await page.getByTestId('after-use-analyzer').click();
  await page.getByTestId('compare-headline').filter({ hasText: 'same plan' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('[data-testid="compare-finding"][data-status="remaining"][data-rule="seq-scan-selective-filter"]').count(), 1);
  await check();
  await context.close();
});
