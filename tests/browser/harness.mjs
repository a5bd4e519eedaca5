// What every browser test file shares: it serves dist/ (built beforehand by
// `trunk build --release`) under a subpath, /pgsight/, as GitHub Pages does, on a
// loopback port; drives Debian's Chromium through playwright-core; and saves
// screenshots to tests/browser/output/. Each `*.test.mjs` file imports it and calls
// `useBrowser()` once; tests/browser/run.sh runs them all.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.resolve(process.env.PGSIGHT_DIST ?? path.join(root, 'dist'));
export const output = path.join(here, 'output');
mkdirSync(output, { recursive: true });

/** The subpath the app is served from, like https://<user>.github.io/<repo>/. */
export const SUBPATH = '/pgsight/';

/** Real plans from PostgreSQL 15 (tests/scenarios/). */
export const scenario = (name) => readFileSync(path.join(root, 'tests/scenarios', name), 'utf8');
export const JSON_PLAN = scenario('seq-scan-orders-status.json');
export const TEXT_PLAN = scenario('sort-spill-low-work-mem.txt');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Every request the server saw, as paths. */
export const served = [];

/** A static file server for dist/ under SUBPATH, on 127.0.0.1, on a free port. */
function serve(dir) {
  const server = http.createServer(async (req, res) => {
    served.push(req.url);
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(SUBPATH)) throw new Error('outside the subpath');
      let file = path.join(dir, decodeURIComponent(url.pathname.slice(SUBPATH.length)));
      if (!file.startsWith(dir)) throw new Error('outside dist');
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

export let server;
export let browser;
export let origin;
export let base;

/** Registers the hooks that start the server and the browser for this test file. */
export function useBrowser() {
  before(async () => {
    assert.ok(existsSync(path.join(dist, 'index.html')), `${dist}/index.html is missing: run trunk build first`);
    server = await serve(dist);
    origin = `http://127.0.0.1:${server.address().port}`;
    base = `${origin}${SUBPATH}`;
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
}

/**
 * A fresh browser context (its own storage and service worker) and a page in it.
 * `check()` asserts that nothing went wrong: no page error, no console error (CSP
 * violations are console errors) and no request to anything but the test server.
 */
export async function open(t, { hash = '', viewport = { width: 1440, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${base}${hash}`);
  await page.getByTestId('plan-input').or(page.locator('main')).first().waitFor();
  const check = async () => {
    assert.deepEqual(errors, [], 'errors in the page');
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests leaving the origin');
    t.diagnostic(`${requests.length} requests, all to ${origin}`);
  };
  return { context, page, requests, errors, check };
}

export const finding = (page, rule) => page.locator(`[data-testid="finding"][data-rule="${rule}"]`);
export const rulesShown = (page) => page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.dataset.rule));
export const idle = (page) => page.locator('[data-testid="status"]:not([data-busy])').waitFor({ timeout: 30_000 });
export const shot = (page, name) => page.screenshot({ path: path.join(output, `${name}.png`) });
