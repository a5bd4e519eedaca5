// Browser test for the web app: serves dist/ (built beforehand by `trunk build`) on a
// loopback port, drives Debian's Chromium through playwright-core, pastes a real plan
// and checks the rendered report. Run with tests/browser/run.sh.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.resolve(process.env.PGSIGHT_DIST ?? path.join(root, 'dist'));
const screenshot = path.join(here, 'screenshot.png');

// A real EXPLAIN (ANALYZE, FORMAT JSON): a Seq Scan whose filter removes 999,000 rows.
// The first of these that exists: the core's fixture, the scenario it is made from,
// our own copy.
const planPath = [
  path.join(root, 'crates/pgsight-core/tests/fixtures/seq-scan-selective-filter/orders-status.json'),
  path.join(root, 'tests/scenarios/seq-scan-orders-status.json'),
  path.join(here, 'fixtures/orders-customer-seq-scan.json'),
].find((p) => existsSync(p));
const PLAN = readFileSync(planPath, 'utf8');
const RULE = 'seq-scan-selective-filter';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A static file server for dist/ on 127.0.0.1, on a free port. */
function serve(dir) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.join(dir, decodeURIComponent(url.pathname));
      if (!file.startsWith(dir)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync(path.join(dist, 'index.html')), `${dist}/index.html is missing: run trunk build first`);
  server = await serve(dist);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('pasting a plan renders the finding, with no request leaving the page', async (t) => {
  t.diagnostic(`plan: ${path.relative(root, planPath)}`);
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(`${origin}/`);
  const input = page.getByTestId('plan-input');
  await input.waitFor();
  assert.equal(await page.getByTestId('finding').count(), 0);

  // Paste a real plan: the finding shows up after the debounce.
  await input.fill(PLAN);
  const finding = page.locator(`[data-testid="finding"][data-rule="${RULE}"]`);
  await finding.waitFor({ timeout: 10_000 });
  assert.equal(await finding.getAttribute('data-severity'), 'warning');
  assert.ok((await finding.locator('.finding-title').innerText()).length > 0, 'title');
  assert.ok((await finding.locator('.message').innerText()).length > 0, 'diagnosis');
  assert.ok((await finding.locator('.evidence dt').count()) > 0, 'evidence');
  for (const part of ['fix', 'impact', 'risk', 'rollback']) {
    assert.equal(await finding.locator(`[data-part="${part}"]`).count(), 1, `${part} section`);
  }
  const fixSql = await finding.locator('[data-part="fix"] pre code').innerText();
  assert.ok(fixSql.trim().length > 0, 'fix SQL');
  assert.equal(await page.getByTestId('note').count(), 0);

  // Copy puts the fix SQL on the clipboard.
  await finding.locator('[data-part="fix"]').getByTestId('copy-sql').click();
  await finding.locator('[data-part="fix"]').getByText('Copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fixSql);

  // An unreadable plan becomes a note with its position; the findings go away.
  await input.fill('[{"Plan": {"Node Type": "Seq Scan",, }}]');
  const note = page.getByTestId('note');
  await note.first().waitFor({ timeout: 10_000 });
  assert.equal(await note.first().getAttribute('data-level'), 'error');
  assert.match(await note.first().innerText(), /line \d+/);
  assert.equal(await page.getByTestId('finding').count(), 0);

  // The bundled example (a real plan, too) triggers the same rule.
  await page.getByTestId('load-example').click();
  await finding.waitFor({ timeout: 10_000 });
  assert.ok((await input.inputValue()).includes('"Node Type": "Seq Scan"'));
  await page.screenshot({ path: screenshot, fullPage: true });

  assert.deepEqual(errors, [], 'console errors');
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, [], 'requests to anything but the local server');
  await context.close();
});
