// The schema, migration and snapshot parts of the page: a plan read with its schema
// (tests/scenarios/schema.sql, the schema the scenario plans were captured on), the
// schema view with its inline findings, a migration's statements and rollback
// script, and the health-snapshot script on the clipboard.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { finding, idle, open, root, scenario, shot, useBrowser } from './harness.mjs';

useBrowser();

// 12,000 lines: opened as a file, as a user loads a pg_dump (Playwright's fill types
// text that long for minutes).
const SCHEMA_FILE = path.join(root, 'tests/scenarios/schema.sql');
// `lower(email) = ...` while customers_email_idx is on `email`: with the schema, the
// plan's scan is `index-not-used` (tests/scenarios_with_schema.rs).
const LOWER_EMAIL = scenario('non-sargable-predicate-lower-email.json');
const MIGRATION = readFileSync(path.join(root, 'crates/pgsight-core/tests/fixtures/sql/migrations/evolve-orders.sql'), 'utf8');
const SNAPSHOT_SQL = readFileSync(path.join(root, 'crates/pgsight-core/src/snapshot/snapshot.sql'), 'utf8');

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function planWithSchema(page) {
  await page.getByTestId('plan-input').fill(LOWER_EMAIL);
  await page.getByTestId('tab-schema').click();
  await page.getByTestId('schema-file').setInputFiles(SCHEMA_FILE);
  await finding(page, 'index-not-used').waitFor({ timeout: 30_000 });
  await idle(page);
}

test('schema plus plan: a cross finding appears', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(LOWER_EMAIL);
  await finding(page, 'non-sargable-predicate').first().waitFor({ timeout: 30_000 });
  await idle(page);
  assert.equal(await finding(page, 'index-not-used').count(), 0, 'without the schema nothing knows the index');

  await page.getByTestId('tab-schema').click();
  await page.getByTestId('schema-file').setInputFiles(SCHEMA_FILE);
  const crossFinding = finding(page, 'index-not-used');
  await crossFinding.waitFor({ timeout: 30_000 });
  await idle(page);
  assert.match(await crossFinding.innerText(), /customers_email_idx/);
  // The plan tree is still there, and the schema view is a tab beside it.
  assert.equal(await page.getByTestId('view-plan').getAttribute('aria-selected'), 'true');
  await page.getByTestId('view-schema').waitFor();
  await shot(page, 'schema-01-cross-finding');
  await check();
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the schema view lists the tables with their indexes and an inline finding (${colorScheme})`, async (t) => {
    const { context, page, check } = await open(t, { colorScheme });
    await planWithSchema(page);
    await page.getByTestId('view-schema').click();
    const view = page.getByTestId('schema-view');
    await view.waitFor();
    // 390 tables (partitions included): every row starts closed, one page is rendered.
    const rows = view.getByTestId('schema-table');
    assert.equal(await rows.count(), 100);
    assert.match(await page.getByTestId('schema-counts').innerText(), /^390 tables/);
    assert.equal(await view.getByTestId('schema-index').count(), 0);

    // The filter finds the table; the keyboard opens it.
    await page.getByTestId('schema-filter').fill('customers');
    const customers = view.locator('[data-testid="schema-table"][data-table="public.customers"]');
    await customers.waitFor();
    assert.equal(await rows.count(), 1);
    const toggle = customers.getByTestId('schema-table-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const index = customers.locator('[data-testid="schema-index"][data-index="customers_email_idx"]');
    assert.match(await index.innerText(), /CREATE INDEX customers_email_idx ON public\.customers USING btree \(email\)/);
    assert.match(await customers.getByTestId('schema-columns').innerText(), /email\s+text\s+not null/);

    // The cross finding shows under its table; a click selects it in the list.
    const inline = customers.locator('[data-testid="schema-finding"][data-rule="index-not-used"]');
    await inline.click();
    await page.locator('[data-testid="finding"][data-rule="index-not-used"].selected').waitFor();
    assert.equal(await page.getByTestId('view-schema').getAttribute('aria-selected'), 'true', 'the schema view stays');
    assert.equal(await inline.getAttribute('aria-current'), 'true');

    // A schema finding selected in the list opens its table in the view.
    await page.getByTestId('schema-filter').fill('');
    const noKey = finding(page, 'missing-primary-key').first();
    const title = await noKey.locator('.finding-title').innerText();
    const table = title.match(/^(\S+) has no primary key/)[1];
    await noKey.locator('.finding-title').click();
    const opened = view.locator(`[data-testid="schema-table"][data-table="${table}"]`);
    await opened.locator('[data-testid="schema-finding"][data-rule="missing-primary-key"][aria-current="true"]').waitFor();
    assert.equal(await opened.getByTestId('schema-table-toggle').getAttribute('aria-expanded'), 'true');
    await customers.scrollIntoViewIfNeeded();
    await shot(page, `schema-02-view-${colorScheme}`);
    await check();
    await context.close();
  });
}

test('a migration shows its statements and the rollback script goes on the clipboard', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-migration').click();
  await page.getByTestId('sql-input').fill(MIGRATION);
  const view = page.getByTestId('migration-view');
  await view.waitFor({ timeout: 30_000 });
  await idle(page);
  const statements = view.getByTestId('migration-statement');
  assert.ok((await statements.count()) > 10, 'one row per statement');
  assert.match(await view.getByTestId('migration-statements').innerText(), /ACCESS EXCLUSIVE on public\.orders/);

  const script = await view.getByTestId('rollback-script').innerText();
  assert.match(script, /^-- undoes migration line \d+: /);
  await view.getByTestId('copy-rollback').click();
  await view.getByTestId('copy-rollback').filter({ hasText: 'Copied' }).waitFor();
  assert.equal((await clipboard(page)).trimEnd(), script.trimEnd());
  await shot(page, 'schema-03-migration');

  // A statement's line selects it in the SQL input.
  const first = statements.first().locator('button');
  const line = Number(await first.innerText());
  await first.click();
  await page.locator('.gutter-line.current').waitFor();
  assert.equal(await page.locator('.gutter-line.current').innerText(), String(line));
  await check();
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the snapshot-SQL button puts the health script on the clipboard (${colorScheme})`, async (t) => {
    const { context, page, check } = await open(t, { colorScheme });
    await page.getByTestId('tab-schema').click();
    await page.getByTestId('snapshot-menu').click();
    const help = page.getByTestId('snapshot-help');
    await help.waitFor();
    assert.match(await help.innerText(), /Run it with psql on your server, then paste its output here/);
    await page.getByTestId('copy-snapshot-sql').click();
    await page.getByTestId('copy-snapshot-sql').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await clipboard(page), SNAPSHOT_SQL);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-snapshot-sql').click()]);
    assert.equal(download.suggestedFilename(), 'pgsight-snapshot.sql');
    await shot(page, `schema-04-snapshot-menu-${colorScheme}`);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await check();
    await context.close();
  });
}
