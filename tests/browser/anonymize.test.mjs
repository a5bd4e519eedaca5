// "Anonymize before sharing" (issue #7): the share menu's Anonymize option puts
// renamed inputs in the link. The link's fragment is decoded here (the format of
// crates/pgsight-core/src/share.rs: `v1.` + base64url of raw-DEFLATE JSON) to check that
// none of the original names travel in it, and the link opened in a new page gives the
// same rule ids as the original analysis.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

import { base, finding, idle, open, root, rulesShown, scenario, shot, useBrowser } from './harness.mjs';

useBrowser();

const SCHEMA_FILE = path.join(root, 'tests/scenarios/schema.sql');
const SCHEMA = scenario('schema.sql');
// `lower(email) = ...` with customers_email_idx on `email`: with the schema, a cross
// finding (index-not-used) that names the index.
const PLAN = scenario('non-sargable-predicate-lower-email.json');

/** The inputs a share link carries. */
function decode(link) {
  const fragment = link.split('#/s/')[1];
  assert.ok(fragment?.startsWith('v1.'), link);
  const json = inflateRawSync(Buffer.from(fragment.slice(3), 'base64url')).toString('utf8');
  return JSON.parse(json);
}

/** The names of the original: the plan's relations, aliases, indexes and output
 *  columns, and the tables, columns and indexes its schema creates. */
function originalNames() {
  const names = new Set();
  const walk = (node) => {
    for (const key of ['Relation Name', 'Alias', 'Index Name']) if (node[key]) names.add(node[key]);
    for (const out of node.Output ?? []) {
      const m = /^(?:\w+\.)?([a-z_][a-z0-9_]*)$/.exec(out);
      if (m) names.add(m[1]);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  for (const doc of JSON.parse(PLAN)) walk(doc.Plan);
  for (const m of SCHEMA.matchAll(/^CREATE (?:UNIQUE )?INDEX (\w+)/gm)) names.add(m[1]);
  for (const m of SCHEMA.matchAll(/^CREATE TABLE public\.(\w+) \(([^;]*)\);/gm)) {
    names.add(m[1]);
    for (const line of m[2].split('\n')) {
      const column = /^\s+([a-z_][a-z0-9_]*) /.exec(line);
      if (column) names.add(column[1]);
    }
  }
  return names;
}

// Generic names the anonymizer keeps on purpose: rules read them (`id`, `status`,
// `created_at`, soft-delete markers); they say nothing about a database.
const KEPT_ON_PURPOSE = new Set(['id', 'status', 'state', 'type', 'kind', 'created_at', 'deleted_at', 'date', 'timestamp', 'public']);

test('anonymized share gives the same rule ids and none of the original names in the URL', async (t) => {
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(PLAN);
  await page.getByTestId('tab-schema').click();
  await page.getByTestId('schema-file').setInputFiles(SCHEMA_FILE);
  await finding(page, 'index-not-used').waitFor({ timeout: 30_000 });
  await idle(page);
  const expected = (await rulesShown(page)).sort();
  assert.ok(expected.length > 0);

  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const plain = await page.getByTestId('share-url').inputValue();
  assert.equal(await page.getByTestId('share-url').getAttribute('data-anonymized'), 'false');
  assert.match(decode(plain).schema, /customers_email_idx/, 'without the option the link holds the inputs as they are');

  await page.getByTestId('share-anonymize').check();
  await page.locator('[data-testid="share-url"][data-anonymized="true"]').waitFor({ timeout: 60_000 });
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(await page.getByTestId('share-url').inputValue(), link);
  assert.ok(link.startsWith(`${base}#/s/v1.`), link);
  await page.getByTestId('share-mapping-download').waitFor();
  await shot(page, 'anonymize-01-share-menu');

  const shared = decode(link);
  assert.ok(shared.plan && shared.schema, 'the link holds the plan and the schema');
  // The plan's values (its keys, `Relation Name`..., are EXPLAIN's own words).
  const values = [];
  const collect = (v) => (typeof v === 'string' ? values.push(v) : v && typeof v === 'object' && Object.values(v).forEach(collect));
  collect(JSON.parse(shared.plan));
  const text = `${values.join('\n')}\n${shared.schema}\n${shared.sql ?? ''}`;
  const words = new Set(text.split(/[^A-Za-z0-9_$]+/).map((w) => w.toLowerCase()));
  const names = originalNames();
  assert.ok(names.has('customers') && names.has('customers_email_idx') && names.has('email'), [...names].join(' '));
  // Columns named like SQL words (`value`, `line`) stay, and the menu lists them.
  const kept = (await page.getByTestId('share-mapping').getAttribute('data-kept')).split(',').filter(Boolean);
  assert.ok(kept.every((n) => ['value', 'line', 'key', 'data', 'type', 'user'].includes(n)), kept.join(','));
  const left = [...names].filter((n) => !KEPT_ON_PURPOSE.has(n) && !kept.includes(n) && words.has(n.toLowerCase()));
  assert.deepEqual(left, [], 'original names in the anonymized link');
  assert.match(shared.plan, /table_\d+/);

  const other = await context.newPage();
  await other.goto(link);
  await finding(other, 'index-not-used').waitFor({ timeout: 60_000 });
  await idle(other);
  assert.deepEqual((await rulesShown(other)).sort(), expected);
  assert.doesNotMatch(await other.getByTestId('finding').first().innerText(), /customers/);
  await shot(other, 'anonymize-02-opened');
  await check();
  await context.close();
});
