// What the page downloads (issue #9, download size): a session with plans only never
// fetches the full engine's worker (the SQL parser), and what it transfers stays
// within the `plan-session` budget of web/size-budget.txt; SQL, typed or from a share
// link, loads the full worker and its findings appear. Sizes are gzip -9 of each file
// the server sent, as GitHub Pages serves them compressed.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { JSON_PLAN, SUBPATH, base, dist, finding, idle, open, root, served, shot, useBrowser } from './harness.mjs';

useBrowser();

const FULL_WORKER = /\/pgsight-worker(_bg\.wasm|\.js|_loader\.js)$/;
const PLAN_WORKER_WASM = /\/pgsight-plan-worker_bg\.wasm$/;
const MIGRATION = readFileSync(
  path.join(root, 'crates/pgsight-core/tests/fixtures/migrations/create-index-not-concurrently/fires.sql'),
  'utf8',
);

const budget = (group) => {
  const line = readFileSync(path.join(root, 'web/size-budget.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${group} `));
  assert.ok(line, `web/size-budget.txt has no ${group} line`);
  return Number(line.split(/\s+/)[1]);
};

/** Gzip size of what the server sent for each path (a 404 counts as nothing). */
const gzipSizes = new Map();
function transferred(paths) {
  let total = 0;
  const rows = [];
  for (const url of paths) {
    const pathname = new URL(url, 'http://localhost').pathname;
    let file = path.join(dist, decodeURIComponent(pathname.slice(SUBPATH.length)));
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!gzipSizes.has(file)) {
      let size = 0;
      try {
        size = gzipSync(readFileSync(file), { level: 9 }).length;
      } catch {
        size = 0;
      }
      gzipSizes.set(file, size);
    }
    total += gzipSizes.get(file);
    rows.push(`${gzipSizes.get(file)}\t${pathname}`);
  }
  return { total, rows };
}

/** Waits until the service worker has installed (its precache is part of the visit). */
const serviceWorkerReady = (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
});

let shareLink;

test('a plan-only session never downloads the full worker and stays within its budget', async (t) => {
  const start = served.length;
  const { context, page, check } = await open(t);
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(page);
  await serviceWorkerReady(page);
  const session = served.slice(start);
  assert.ok(session.some((u) => PLAN_WORKER_WASM.test(u)), 'the plan worker was loaded');
  assert.deepEqual(session.filter((u) => FULL_WORKER.test(u)), [], 'the full worker was not requested');
  const { total, rows } = transferred(session);
  const limit = budget('plan-session');
  t.diagnostic(`plan-only session: ${session.length} requests, ${total} bytes gzip (budget ${limit})\n${rows.join('\n')}`);
  assert.ok(total <= limit, `a plan-only session transferred ${total} bytes gzip, over the budget of ${limit}`);

  // Typing SQL loads the full worker, and its findings appear with the plan's.
  const before = served.length;
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-migration').click();
  await page.getByTestId('sql-input').fill(MIGRATION);
  await finding(page, 'create-index-not-concurrently').first().waitFor({ timeout: 30_000 });
  await idle(page);
  assert.ok(served.slice(before).some((u) => /\/pgsight-worker_bg\.wasm$/.test(u)), 'SQL loaded the full worker');
  assert.ok((await finding(page, 'seq-scan-selective-filter').count()) > 0, 'the plan finding stays');
  const full = transferred(served.slice(before).filter((u) => FULL_WORKER.test(u)));
  t.diagnostic(`full worker on first SQL: ${full.total} bytes gzip`);
  await shot(page, 'loading-01-sql-after-plan');

  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  shareLink = await page.evaluate(() => navigator.clipboard.readText());
  await check();
  await context.close();
});

test('a share link with SQL loads the full worker at once', async (t) => {
  assert.ok(shareLink, 'the first test made a share link');
  const start = served.length;
  const { context, page, check } = await open(t, { hash: shareLink.slice(base.length) });
  await finding(page, 'create-index-not-concurrently').first().waitFor({ timeout: 30_000 });
  await idle(page);
  assert.ok(served.slice(start).some((u) => /\/pgsight-worker_bg\.wasm$/.test(u)), 'the full worker was loaded');
  assert.ok((await finding(page, 'seq-scan-selective-filter').count()) > 0, 'the plan finding is there too');
  await shot(page, 'loading-02-share-with-sql');
  await check();
  await context.close();
});
