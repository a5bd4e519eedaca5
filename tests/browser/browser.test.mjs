// Browser tests for the web app: paste, tree, share, offline, rule docs, parse
// errors, SQL inputs, requests, big and deep plans, narrow screens. The server and
// browser set-up is in harness.mjs. Run with tests/browser/run.sh.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  JSON_PLAN, TEXT_PLAN, base, finding, idle, open, origin, output, root, rulesShown, served, shot, useBrowser,
} from './harness.mjs';

useBrowser();

test('paste a JSON plan, then a text plan: the findings and the tree appear', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('welcome').waitFor();
  await shot(page, '01-empty');

  // JSON: a Seq Scan whose filter throws away 999,000 rows.
  const input = page.getByTestId('plan-input');
  await input.fill(JSON_PLAN);
  const seq = finding(page, 'seq-scan-selective-filter');
  await seq.waitFor({ timeout: 30_000 });
  await idle(page);
  assert.match(await page.getByTestId('detected').innerText(), /^JSON · 1 plan · 2 nodes$/);
  assert.equal(await seq.getAttribute('data-severity'), 'warning');
  assert.ok((await seq.locator('.finding-title').innerText()).length > 0, 'title');
  assert.ok((await seq.locator('[data-part="diagnosis"]').innerText()).length > 0, 'diagnosis');
  assert.ok((await seq.locator('.evidence dt').count()) > 0, 'evidence');
  for (const part of ['fix', 'impact', 'risk', 'rollback']) {
    assert.equal(await seq.locator(`[data-part="${part}"]`).count(), 1, `${part} section`);
  }
  // The tree: both nodes, with figures.
  const rows = page.locator('[role="treeitem"]');
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(1).innerText(), /Parallel Seq Scan on public\.orders/);
  assert.match(await rows.nth(1).innerText(), /%/);
  assert.ok((await rows.nth(1).getByTestId('node-badge').count()) > 0, 'the node carries a badge for its finding');

  // Copy puts the fix SQL on the clipboard.
  const fixSql = await seq.locator('[data-part="fix"] pre code').innerText();
  assert.match(fixSql, /CREATE INDEX/);
  await seq.locator('[data-part="fix"]').getByTestId('copy-sql').click();
  await seq.locator('[data-part="fix"]').getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fixSql);

  // Clicking the finding marks its node in the tree.
  await seq.getByTestId('finding-location').click();
  await page.locator('[role="treeitem"][aria-selected="true"]').waitFor();
  assert.match(await page.locator('[role="treeitem"][aria-selected="true"]').innerText(), /Seq Scan/);
  await page.getByTestId('node-details').waitFor();
  assert.match(await page.getByTestId('node-details').innerText(), /Filter/);
  await shot(page, '02-json-plan');

  // Text: a sort that spilled to disk, in parallel workers.
  await input.fill(TEXT_PLAN);
  const sort = finding(page, 'sort-spill');
  await sort.waitFor({ timeout: 30_000 });
  await idle(page);
  assert.match(await page.getByTestId('detected').innerText(), /^text · 1 plan · 3 nodes$/);
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(1).innerText(), /Sort/);

  // Keyboard: the tree takes the arrow keys; Enter selects; Left collapses.
  const tree = page.getByTestId('tree-scroll');
  await tree.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[role="treeitem"][aria-selected="true"]').getAttribute('data-node'), '1');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await rows.count(), 2, 'ArrowLeft collapsed the Sort');
  await page.keyboard.press('ArrowRight');
  assert.equal(await rows.count(), 3, 'ArrowRight expanded it again');

  // The filters hide and show findings by severity.
  const before = (await rulesShown(page)).length;
  const chipId = await page.locator('[data-testid^="filter-"][aria-pressed="true"]').first().getAttribute('data-testid');
  const chip = page.getByTestId(chipId);
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  assert.ok((await rulesShown(page)).length < before);
  await chip.click();
  assert.equal((await rulesShown(page)).length, before);

  await shot(page, '03-text-plan');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, '04-text-plan-dark');
  await check();
  await context.close();
});

test('a share link opened in a new page gives the same findings', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(page);
  const expected = await rulesShown(page);

  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(await page.getByTestId('share-url').inputValue(), link);
  assert.ok(link.startsWith(`${base}#/s/v1.`), link);
  assert.equal(await page.getByTestId('share-size').getAttribute('data-size'), 'fine');
  assert.match(await page.getByTestId('share-size').innerText(), /characters/);
  await shot(page, '05-share');

  const other = await context.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(link);
  await finding(other, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(other);
  assert.deepEqual(await rulesShown(other), expected);
  assert.equal(await other.getByTestId('plan-input').inputValue(), JSON_PLAN);
  // Editing the shared inputs takes the inputs out of the address bar.
  await other.getByTestId('plan-input').fill(TEXT_PLAN);
  await other.waitForFunction(() => !location.hash.startsWith('#/s/'));
  assert.deepEqual(errors, []);

  // A damaged link says so.
  await other.goto(`${base}#/s/v1.!!!`);
  await other.getByTestId('share-error').waitFor();
  await check();
  await context.close();
});

test('after the first visit the app works offline', async (t) => {
  const { context, page, check } = await open(t);
  // Wait for the service worker to be installed and in control of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  const seen = served.length;
  await page.reload();
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  assert.equal(served.length, seen, `the server saw requests while offline: ${served.slice(seen).join(', ')}`);
  // Examples are in the app, too.
  await page.getByTestId('examples-menu').click();
  await page.locator('[data-example="sort-spill"]').first().click();
  await finding(page, 'sort-spill').waitFor({ timeout: 30_000 });
  await shot(page, '06-offline');
  await check();
  await context.close();
});

test('rule docs: the list and a rule page, linked from a finding', async (t) => {
  const { context, page, check } = await open(t, { hash: '#/rules' });
  await page.getByTestId('rules-index').waitFor();
  const count = await page.getByTestId('rule-item').count();
  assert.ok(count >= 20, `${count} rules listed`);
  await shot(page, '07-rules');

  await page.locator('a[href="#/rules/sort-spill"]').click();
  const doc = page.getByTestId('rule-page');
  // The page fetches the rule's doc (rules/<id>.md) when it opens.
  await page.locator('[data-testid="rule-page"][data-loaded="true"]').waitFor();
  assert.equal(await doc.getAttribute('data-rule'), 'sort-spill');
  assert.equal(await doc.locator('h1').innerText(), 'sort-spill');
  const headings = await doc.locator('h2').allInnerTexts();
  for (const h of ['What it does', 'Why it matters', 'Example', 'Fix']) assert.ok(headings.includes(h), `${h} in ${headings}`);
  assert.ok((await doc.locator('pre code').count()) >= 1, 'code blocks');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title', 'focus moves to the title');
  await shot(page, '08-rule-page');

  // From a finding to its rule, and back.
  await page.goto(`${base}#/`);
  await page.getByTestId('plan-input').fill(TEXT_PLAN);
  const sort = finding(page, 'sort-spill');
  await sort.waitFor({ timeout: 30_000 });
  await sort.getByTestId('rule-link').click();
  await page.waitForURL(/#\/rules\/sort-spill$/);
  await doc.waitFor();
  await page.goBack();
  await sort.waitFor();
  assert.equal(await page.getByTestId('plan-input').inputValue(), TEXT_PLAN, 'the inputs survive the trip');
  await check();
  await context.close();
});

test('a parse error is shown at its line and column; a click selects it', async (t) => {
  const { context, page, check } = await open(t);
  // Line 4 is broken (a doubled comma); line 3 holds characters that are two UTF-16
  // units, so the selection must count in UTF-16, not bytes or characters.
  const broken = '[\n  {\n    "Plan": {"Node Type": "Seq Scan", "Alias": "🐘é",\n      "Relation Name": "orders",,\n      "Plan Rows": 1}\n  }\n]\n';
  await page.getByTestId('plan-input').fill(broken);
  const error = page.getByTestId('input-error').first();
  await error.waitFor({ timeout: 30_000 });
  const line = Number(await error.getAttribute('data-line'));
  assert.equal(line, 4);
  assert.match(await error.innerText(), /line 4, column \d+/);
  assert.equal(await page.locator('.gutter-line.error').innerText(), '4', 'the gutter marks line 4');
  assert.equal(await page.getByTestId('tab-plan').locator('.tab-error').count(), 1);
  assert.equal(await page.getByTestId('finding').count(), 0);

  await error.getByTestId('goto-error').click();
  const column = Number((await error.innerText()).match(/column (\d+)/)[1]);
  const expected = await page.evaluate(
    ([text, line, column]) => text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1,
    [broken, line, column],
  );
  const selection = await page.getByTestId('plan-input').evaluate((el) => [el.selectionStart, document.activeElement === el]);
  assert.deepEqual(selection, [expected, true]);
  await shot(page, '09-parse-error');
  await check();
  await context.close();
});

test('SQL inputs: a finding at a line marks it; what parsed is still analyzed', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-migration').click();
  const migration = readFileSync(
    path.join(root, 'crates/pgsight-core/tests/fixtures/migrations/create-index-not-concurrently/fires.sql'),
    'utf8',
  );
  // The last statement does not parse: it gets a note at its line, the rest is analyzed.
  const sql = `${migration.trimEnd()}\nSELEC broken;\n`;
  const badLine = sql.split('\n').length - 1;
  await page.getByTestId('sql-input').fill(sql);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(page);
  const error = page.locator(`[data-testid="input-error"][data-line="${badLine}"]`);
  await error.waitFor();
  assert.match(await page.locator('.gutter-line.warning, .gutter-line.error').first().innerText(), new RegExp(`^${badLine}$`));

  // A finding located at a line of the migration, whatever the rule: clicking it
  // shows the SQL tab and selects that line.
  const located = page.locator('[data-testid="finding"]').filter({ has: page.getByText(/^migration, line \d+/) }).first();
  await located.waitFor({ timeout: 30_000 });
  await page.getByTestId('tab-plan').click();
  const where = await located.getByTestId('finding-location').innerText();
  const line = Number(where.match(/line (\d+)/)[1]);
  await located.getByTestId('finding-location').click();
  assert.equal(await page.getByTestId('tab-sql').getAttribute('aria-selected'), 'true');
  await page.locator('.gutter-line.current').waitFor();
  assert.equal(await page.locator('.gutter-line.current').innerText(), String(line));
  const start = await page.getByTestId('sql-input').evaluate((el) => el.selectionStart);
  assert.equal(sql.slice(0, start).split('\n').length, line, 'the selection is on the finding\'s line');
  await shot(page, '10-sql-finding');
  await check();
  await context.close();
});

test('no request leaves the origin: examples, share, export, recent', async (t) => {
  const { context, page, requests, check } = await open(t);
  await page.getByTestId('examples-menu').click();
  await page.locator('[data-example="nested-loop"]').first().click();
  await finding(page, 'nested-loop-many-loops').waitFor({ timeout: 30_000 });
  await idle(page);

  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  await page.keyboard.press('Escape');

  // Export: Markdown and JSON, as downloads and on the clipboard.
  await page.getByTestId('export-menu').click();
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  assert.equal(md.suggestedFilename(), 'pgsight-report.md');
  assert.match(readFileSync(await md.path(), 'utf8'), /^## pgsight report/);
  await page.getByTestId('export-menu').click();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.ok(report.findings.some((f) => f.rule === 'nested-loop-many-loops'));
  await page.getByTestId('export-menu').click();
  await page.getByTestId('copy-md').click();
  await page.getByText('Markdown copied').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /nested-loop-many-loops/);
  await page.keyboard.press('Escape');

  // Recent analyses survive a reload (localStorage), and can be cleared.
  await page.reload();
  await page.getByTestId('recent-menu').click();
  assert.ok((await page.getByTestId('recent-item').count()) >= 1);
  await shot(page, '11-recent');
  await page.getByTestId('recent-item').first().click();
  await finding(page, 'nested-loop-many-loops').waitFor({ timeout: 30_000 });
  await page.getByTestId('recent-menu').click();
  await page.getByTestId('recent-clear').click();
  await page.getByTestId('recent-menu').click();
  assert.equal(await page.getByTestId('recent-item').count(), 0);
  await page.keyboard.press('Escape');

  // The CSP in the page allows this origin only.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, 'the loader is allowed by its hash');
  assert.ok(requests.length > 0);
  await check();
  await context.close();
});

/** An EXPLAIN (ANALYZE, FORMAT JSON) of 10,000 nodes: an Append of 99 Appends of 100 scans. */
function bigPlan() {
  const node = (type, extra) => ({
    'Node Type': type,
    'Parent Relationship': 'Member',
    'Parallel Aware': false,
    'Startup Cost': 0.0,
    'Total Cost': 35.5,
    'Plan Rows': 2550,
    'Plan Width': 8,
    'Actual Startup Time': 0.004,
    'Actual Total Time': 0.05,
    'Actual Rows': 100,
    'Actual Loops': 1,
    ...extra,
  });
  const scan = (i) => node('Seq Scan', { 'Relation Name': `events_p${i}`, Alias: `events_p${i}` });
  const group = (g) =>
    node('Append', { 'Actual Total Time': 5.2, 'Actual Rows': 10_000, Plans: Array.from({ length: 100 }, (_, j) => scan(g * 100 + j)) });
  const root = node('Append', { 'Actual Total Time': 530.0, 'Actual Rows': 990_000, Plans: Array.from({ length: 99 }, (_, g) => group(g)) });
  delete root['Parent Relationship'];
  return JSON.stringify([{ Plan: root, 'Planning Time': 12.5, Triggers: [], 'Execution Time': 560.1 }], null, 2);
}

test('a 10,000-node plan renders and scrolls', async (t) => {
  const { context, page, check } = await open(t);
  const plan = bigPlan();
  t.diagnostic(`plan: ${(plan.length / 1e6).toFixed(1)} MB`);
  const start = Date.now();
  // Through "Open file…", which the test also covers that way.
  await page.getByTestId('plan-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(plan) });
  const tree = page.getByTestId('tree-scroll');
  await page.locator('[data-testid="tree-scroll"][data-rows="10000"]').waitFor({ timeout: 60_000 });
  await idle(page);
  t.diagnostic(`read, analyzed and rendered in ${Date.now() - start} ms`);
  assert.match(await page.getByTestId('detected').innerText(), /10000 nodes/);
  // The input shows in the light read-only view (a 5 MB textarea is slow to type in).
  await page.getByTestId('large-input').waitFor();

  const inDom = await page.locator('[role="treeitem"]').count();
  assert.ok(inDom > 10 && inDom < 200, `${inDom} rows in the DOM`);
  await shot(page, '12-big-plan');

  // Scroll to the end: the last node is there.
  await tree.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = page.locator('[role="treeitem"][data-node="9999"]');
  await last.waitFor();
  assert.ok(await last.isVisible());
  assert.match(await last.innerText(), /events_p9899/);
  assert.ok((await page.locator('[role="treeitem"]').count()) < 200);
  // And the keyboard reaches it too: Home, then End.
  await tree.focus();
  await page.keyboard.press('Home');
  await page.locator('[role="treeitem"][data-node="0"]').waitFor();
  await page.keyboard.press('End');
  await last.waitFor();
  assert.equal(await tree.getAttribute('aria-activedescendant'), 'node-0-9999');
  await shot(page, '13-big-plan-end');

  // Still responsive: a keystroke in the input gets a frame quickly.
  const frame = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }),
  );
  assert.ok(frame < 1000, `a frame took ${frame} ms`);
  await check();
  await context.close();
});

/** A JSON plan nested `depth` levels deep (serde_json's recursion limit is 128). */
function deepPlan(depth) {
  let node = { 'Node Type': 'Seq Scan', 'Relation Name': 't', 'Plan Rows': 1, 'Actual Rows': 1, 'Actual Loops': 1, 'Actual Total Time': 0.01 };
  for (let i = 0; i < depth; i++) {
    node = {
      'Node Type': 'Nested Loop', 'Join Type': 'Inner', 'Plan Rows': 1, 'Actual Rows': 1, 'Actual Loops': 1,
      'Actual Total Time': 0.01 * (i + 2), Plans: [node],
    };
  }
  return JSON.stringify([{ Plan: node, 'Execution Time': 10.0 }]);
}

test('a plan 500 levels deep parses and renders in wasm without overflowing the stack', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(deepPlan(500));
  await page.locator('[data-testid="tree-scroll"][data-rows="501"]').waitFor({ timeout: 60_000 });
  await idle(page);
  assert.match(await page.getByTestId('detected').innerText(), /501 nodes/);
  assert.equal(await page.getByTestId('note').count(), 0, 'no parse error');
  await shot(page, '14-deep-plan');
  await check();
  await context.close();
});

test('narrow screens stack the panels', async (t) => {
  const { context, page, check } = await open(t, { viewport: { width: 420, height: 860 } });
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(output, '14-narrow.png'), fullPage: true });
  await check();
  await context.close();
});
