// Issue #9, download size: the page's wasm carries neither the rule docs nor the
// example plans; it fetches them when they are shown (rules/<id>.md generated from
// the doc comments into docs/rules/, examples/ from web/examples/), and the service
// worker precaches them so both work offline.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { base, browser, dist, finding, open, root, served, shot, useBrowser } from './harness.mjs';

useBrowser();

const wasm = (prefix) => {
  const name = readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('_bg.wasm'));
  assert.ok(name, `${prefix}*_bg.wasm in ${dist}`);
  return readFileSync(path.join(dist, name));
};

test('no rule doc and no example plan is compiled into the page or the workers', () => {
  // A sentence of a rule doc (docs/rules/sort-spill.md) and of an example plan.
  const doc = readFileSync(path.join(root, 'docs/rules/sort-spill.md'), 'utf8');
  const docSentence = doc.split('\n').find((l) => l.startsWith('Finds a Sort'));
  assert.ok(docSentence, 'docs/rules/sort-spill.md has its "What it does" sentence');
  const heading = '## Why it matters';
  const plan = readFileSync(path.join(root, 'web/examples/hash-spill-join-low-work-mem.json'), 'utf8');
  const planLine = plan.split('\n').find((l) => l.includes('"Hash Cond"')).trim();
  for (const prefix of ['pgsight-web-', 'pgsight-plan-worker', 'pgsight-worker']) {
    const bytes = wasm(prefix);
    for (const needle of [heading, docSentence.slice(0, 40), planLine]) {
      assert.equal(bytes.indexOf(needle), -1, `${prefix} wasm contains ${JSON.stringify(needle)}`);
    }
  }
});

test('a rule page and an example are fetched when shown, and work offline', async (t) => {
  const { context, page, check } = await open(t, { hash: '#/rules/hash-spill' });
  const doc = page.locator('[data-testid="rule-page"][data-loaded="true"]');
  await doc.waitFor();
  assert.equal(await doc.locator('h1').innerText(), 'hash-spill');
  const headings = await doc.locator('h2').allInnerTexts();
  for (const h of ['What it does', 'Why it matters', 'Example', 'Fix', 'Thresholds']) {
    assert.ok(headings.includes(h), `${h} in ${headings}`);
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title', 'the title keeps the focus');
  assert.ok(served.some((u) => u.endsWith('/rules/hash-spill.md')), 'the doc was fetched');

  // Offline, once the service worker has precached everything: another rule's page
  // and an example, neither of which this page has fetched yet.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  const seen = served.length;
  await page.goto(`${base}#/rules/lossy-bitmap`);
  await page.locator('[data-testid="rule-page"][data-rule="lossy-bitmap"][data-loaded="true"]').waitFor();
  assert.equal(await page.getByTestId('rule-doc-error').count(), 0, 'the doc loaded offline');
  assert.ok((await page.locator('[data-testid="rule-page"] h2').allInnerTexts()).includes('Fix'));
  await shot(page, 'shrink-01-rule-offline');

  await page.goto(`${base}#/`);
  await page.getByTestId('examples-menu').click();
  await page.locator('[data-example="lossy-bitmap"]').first().click();
  await finding(page, 'lossy-bitmap').waitFor({ timeout: 30_000 });
  const expected = readFileSync(path.join(root, 'web/examples/lossy-bitmap-low-work-mem.txt'), 'utf8');
  assert.equal(await page.getByTestId('plan-input').inputValue(), expected);
  assert.equal(served.length, seen, `the server saw requests while offline: ${served.slice(seen).join(', ')}`);
  await shot(page, 'shrink-02-example-offline');
  await check();
  await context.close();
});

test('a rule page that cannot be fetched says so', async () => {
  // Its own context: no service worker (it would have the doc cached), and the doc's
  // request fails (the browser logs that, so the harness's check() is not used here).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/rules/sort-spill.md', (route) => route.abort());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}#/rules/sort-spill`);
  await page.locator('[data-testid="rule-page"][data-loaded="true"]').waitFor();
  await page.getByTestId('rule-doc-error').waitFor();
  // The summary is in the page (the rule's metadata), so the page still says something.
  assert.match(await page.getByTestId('rule-page').innerText(), /sorted on disk|spilled to disk/);
  assert.deepEqual(pageErrors, []);
  await shot(page, 'shrink-03-rule-error');
  await context.close();
});

test('an example that cannot be fetched says so, and the next one loads', async () => {
  // As above: no service worker, and this example's request fails.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/examples/lossy-bitmap-low-work-mem.txt', (route) => route.abort());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(base);
  await page.getByTestId('examples-menu').click();
  await page.locator('[data-example="lossy-bitmap"]').first().click();
  const banner = page.getByTestId('load-error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not be loaded/);
  await shot(page, 'shrink-04-example-error');
  // Another example loads and clears the banner.
  await page.getByTestId('examples-menu').click();
  await page.locator('[data-example]:not([data-example="lossy-bitmap"])').first().click();
  await page.getByTestId('finding').first().waitFor({ timeout: 30_000 });
  assert.equal(await banner.count(), 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
