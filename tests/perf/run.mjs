// The browser timing harness (issue #9). It generates the benchmark inputs with
// pgsight-gen, serves the built app (PGSIGHT_DIST, default dist/) and a harness-only
// PEV2 page, and times in Chromium, for each input:
//
//   - ours: from "Open file…" (a change event on the file input, the file already in
//     memory) to the first finding, and to the top of the plan tree, painted. Both
//     are taken inside the page: a MutationObserver notes when the element enters the
//     DOM ("dom"), and a message posted from the next requestAnimationFrame notes the
//     frame that drew it ("painted"). The time includes reading the file (analyzed at
//     once: no debounce for opened files), the worker's analysis, reading its reply
//     and rendering.
//   - on the 10,000-partition plan: scrolling the tree to its end and page by page,
//     and collapsing / expanding the root (each to the frame that shows the result);
//   - the 2,000-table schema, the same way (findings painted; the worker's own time);
//   - typing in the SQL input while the 50,000-node plan is analyzed: the longest
//     main-thread long task, key event delay, key-to-frame time and frame gap;
//   - PEV2 on the same bytes: from mounting its component to its first plan node
//     painted, with a timeout (a timeout or a crash counts as our win, and says so);
//   - the first-load transfer: gzip sizes of what our page fetched until the first
//     plan findings were painted, beside PEV2's (Vue + PEV2 + its CSS + Bootstrap).
//
// Prints a table and the PEV2/ours ratios, and writes tests/perf/output/perf-*.json.
// `node run.mjs --quick`: the 1,000-partition plan only (PEV2 included), about 2 minutes.
// PGSIGHT_INPUTS=<dir> uses inputs generated beforehand (`pgsight-gen <dir>`).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// playwright-core is installed once, for the browser tests.
const { chromium } = createRequire(path.join(root, 'tests/browser/package.json'))('playwright-core');

const quick = process.argv.includes('--quick');
const keepInputs = process.argv.includes('--keep-inputs');
// For working on the harness: `--only=append-10000.json,schema-2000.sql`, `--no-pev2`.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const noPev2 = process.argv.includes('--no-pev2');
const dist = path.resolve(process.env.PGSIGHT_DIST ?? path.join(root, 'dist'));
const gen = process.env.PGSIGHT_GEN ?? path.join(root, 'target/release/pgsight-gen');
const output = path.join(here, 'output');
mkdirSync(output, { recursive: true });

/** Our inputs: the generated file, the tab it goes in, and whether PEV2 gets it too. */
const INPUTS = [
  { file: 'append-1000.json', slot: 'plan', pev2: true, timeout: 60_000, pev2Timeout: 120_000 },
  { file: 'append-10000.json', slot: 'plan', pev2: true, timeout: 60_000, pev2Timeout: 180_000, tree: true },
  // The JSON forms of these two are over the app's 64 MiB input cap: the text forms.
  { file: 'join-2000.txt', slot: 'plan', pev2: true, timeout: 120_000, pev2Timeout: 120_000 },
  { file: 'union-50000.txt', slot: 'plan', pev2: true, timeout: 120_000, pev2Timeout: 120_000, typing: true },
  { file: 'union-50000.json', slot: 'plan', pev2: false, timeout: 120_000 },
  { file: 'schema-2000.sql', slot: 'schema', pev2: false, timeout: 60_000 },
].filter((i) => (only ? only.includes(i.file) : !quick || i.file === 'append-1000.json'));
if (quick) INPUTS[0].tree = true;
if (noPev2) for (const i of INPUTS) i.pev2 = false;

/** How long the typing goes on while the 50,000-node plan is analyzed. */
const TYPING_MS = 4000;

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--enable-precise-memory-info',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain', '.sql': 'text/plain',
};

// ---------------------------------------------------------------------------------
// Inputs and server

function generate() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgsight-perf-'));
  process.stderr.write(`generating inputs in ${dir} ...\n`);
  execFileSync(gen, [dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const gzipCache = new Map();
/** The gzip (level 9) size of a file, as a static host would send it. */
function gzipSize(file, body) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(body, { level: 9 }).length);
  return gzipCache.get(file);
}

/** Every request, with the file's raw and gzip size; `log.length` marks a point in time. */
const log = [];

/** /pgsight/ → dist, /perf/ → tests/perf (the PEV2 page), /inputs/ → the generated files. */
function serve(inputs) {
  const mounts = [['/pgsight/', dist], ['/perf/', here], ['/inputs/', inputs]];
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p)) ?? [];
      if (!dir) throw new Error('no such mount');
      let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(dir)) throw new Error('outside the mount');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      if (prefix !== '/inputs/') log.push({ path: url.pathname, bytes: body.length, gzip: gzipSize(file, body) });
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------
// In the page

/**
 * Runs in our page: fetches the input, puts it in the tab's file input, fires the
 * change event at t0, and resolves when every wanted mark is in (or on timeout).
 * Marks, in ms from t0: `<name>Dom` when the element entered the DOM, `<name>` the
 * end of the frame after that.
 */
async function setInputAndWatch({ url, name, slot, timeoutMs }) {
  const text = await (await fetch(url)).text();
  const afterFrame = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then();
      channel.port2.postMessage(null);
    });
  const SELECTORS = {
    finding: '[data-testid="finding"]',
    tree: '[role="treeitem"][data-node="0"]',
    note: '[data-testid="note"], [data-testid="input-error"]',
  };
  const marks = {};
  let t0 = 0;
  let sawBusy = false;
  return new Promise((resolve) => {
    let done = false;
    const finish = (timedOut) => {
      if (done) return;
      done = true;
      observer.disconnect();
      const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
      const worker = status.match(/ in ([\d.,]+) (ms|s)$/);
      resolve({
        marks,
        timedOut,
        status,
        workerMs: worker ? Number(worker[1].replace(/,/g, '')) * (worker[2] === 's' ? 1000 : 1) : null,
        findings: document.querySelectorAll('[data-testid="finding"]').length,
        rows: Number(document.querySelector('[data-testid="tree-scroll"]')?.dataset.rows ?? 0),
        notes: [...document.querySelectorAll('[data-testid="note"], [data-testid="input-error"]')].map((n) => n.textContent.trim()).slice(0, 3),
        inputBytes: text.length,
        // Messages to and from the worker since t0, in ms from t0.
        worker: (window.__workerLog ?? [])
          .filter((m) => m.at >= t0)
          .map((m) => ({ kind: m.kind, at: Math.round(m.at - t0), took: Math.round(m.took), chars: m.chars })),
      });
    };
    const check = () => {
      for (const [mark, selector] of Object.entries(SELECTORS)) {
        if (marks[`${mark}Dom`] === undefined && document.querySelector(selector)) {
          marks[`${mark}Dom`] = performance.now() - t0;
          afterFrame(() => {
            marks[mark] = performance.now() - t0;
          });
        }
      }
      const busy = document.querySelector('[data-testid="status"][data-busy]');
      if (busy) sawBusy = true;
      if (sawBusy && !busy && marks.doneDom === undefined) {
        marks.doneDom = performance.now() - t0;
        afterFrame(() => {
          marks.done = performance.now() - t0;
          // Whatever else was going to show has shown by the end of the analysis.
          setTimeout(() => finish(false), 50);
        });
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-busy', 'data-rows'] });
    setTimeout(() => finish(true), timeoutMs);
    const input = document.querySelector(`[data-testid="${slot}-file"]`);
    const files = new DataTransfer();
    files.items.add(new File([text], name, { type: 'text/plain' }));
    input.files = files.files;
    t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/**
 * Runs in our page: the action at t0 (`scrollTop`: a number or 'end', or `click`: a
 * selector), then resolves at the end of the frame after `ready` holds: `selector`
 * is in the DOM (with `attribute` = `value` if given). Times in ms from t0. (No eval:
 * the app's CSP forbids it, and rightly.)
 */
function timeToFrame(page, action, ready, timeoutMs = 30_000) {
  return page.evaluate(
    ({ action, ready, timeoutMs }) =>
      new Promise((resolve) => {
        const scroller = document.querySelector('[data-testid="tree-scroll"]');
        const isReady = () => {
          const el = document.querySelector(ready.selector);
          return !!el && (ready.attribute === undefined || el.getAttribute(ready.attribute) === ready.value);
        };
        const t0 = performance.now();
        if (action.scrollTop !== undefined) scroller.scrollTop = action.scrollTop === 'end' ? scroller.scrollHeight : action.scrollTop;
        if (action.click) document.querySelector(action.click).click();
        const poll = () => {
          if (isReady()) {
            const dom = performance.now() - t0;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - t0 });
              channel.port2.postMessage(null);
            });
          } else if (performance.now() - t0 > timeoutMs) resolve({ dom: null, painted: null, timedOut: true });
          else setTimeout(poll, 0);
        };
        // Scroll events and Yew's render come after this task: look once it is over.
        setTimeout(poll, 0);
      }),
    { action, ready, timeoutMs },
  );
}

// ---------------------------------------------------------------------------------
// Our app

let browser;
let origin;

/**
 * Harness-only instrumentation of the page side of the worker: when each message was
 * posted to a worker and when each reply arrived and how long its handler ran, so the
 * time to the first finding can be split up. It wraps `Worker.prototype.postMessage`
 * and the `onmessage` setter; the app is unchanged.
 */
function instrumentWorkers() {
  const log = (window.__workerLog = []);
  // A message is a string (JSON), or an array: a request's JSON head and the input
  // texts as UTF-8 bytes (counted here as characters: one per byte).
  const size = (m) => (typeof m === 'string' ? m.length : ArrayBuffer.isView(m) ? m.byteLength : 0);
  const chars = (message) =>
    typeof message === 'string' ? message.length : Array.isArray(message) ? message.reduce((n, m) => n + size(m), 0) : null;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    const n = chars(message); // before the post, which detaches transferred buffers
    const start = performance.now();
    post.call(this, message, ...rest);
    log.push({ kind: 'post', at: start, took: performance.now() - start, chars: n });
  };
  const descriptor = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    configurable: true,
    get() {
      return descriptor.get.call(this);
    },
    set(handler) {
      descriptor.set.call(
        this,
        handler &&
          function (event) {
            const start = performance.now();
            const result = handler.call(this, event);
            log.push({ kind: 'reply', at: start, took: performance.now() - start, chars: chars(event.data) });
            return result;
          },
      );
    },
  });
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(instrumentWorkers);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  return { context, page, errors, crashed: () => crashed };
}

/** A page with the worker started and warm: a small real plan analyzed, then cleared. */
async function warmPage() {
  const session = await newPage();
  const { page } = session;
  const start = log.length;
  await page.goto(`${origin}/pgsight/`);
  await page.getByTestId('plan-input').waitFor();
  const plan = readFileSync(path.join(root, 'tests/scenarios/seq-scan-orders-status.json'), 'utf8');
  await page.getByTestId('plan-input').fill(plan);
  await page.locator('[data-testid="finding"]').first().waitFor({ timeout: 60_000 });
  // Each file once: the service worker's precache fetches them again, where a real
  // host's cache headers would let the HTTP cache answer.
  const firstLoad = [...new Map(log.slice(start).map((f) => [f.path, f])).values()];
  await page.getByTestId('plan-clear').click();
  await page.getByTestId('welcome').waitFor({ timeout: 30_000 });
  return { ...session, firstLoad };
}

async function measureOurs(input) {
  const { context, page, errors, crashed } = await warmPage();
  const result = { input: input.file };
  try {
    if (input.slot !== 'plan') {
      await page.getByTestId(`tab-${input.slot}`).click();
    }
    Object.assign(
      result,
      await page.evaluate(setInputAndWatch, {
        url: `${origin}/inputs/${input.file}`,
        name: input.file,
        slot: input.slot,
        timeoutMs: input.timeout,
      }),
    );
    await page.screenshot({ path: path.join(output, `perf-${input.file}.png`) });
    if (input.tree && result.rows > 0) result.tree = await measureTree(page, result.rows);
  } catch (e) {
    result.error = String(e).split('\n')[0];
  }
  result.crashed = crashed();
  result.pageErrors = errors.slice(0, 3);
  await context.close();
  return result;
}

/** Scrolling, and collapsing / expanding the root and a middle node, on a loaded plan of `rows` rows. */
async function measureTree(page, rows) {
  const tree = {};
  const { rowHeight, pageHeight } = await page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="tree-scroll"]');
    const canvas = scroller.querySelector('.tree-canvas');
    return { rowHeight: canvas.getBoundingClientRect().height / Number(scroller.dataset.rows), pageHeight: scroller.clientHeight };
  });
  const row = (node) => ({ selector: `[role="treeitem"][data-node="${node}"]` });
  // To the end at once (the scrollbar dragged to the bottom): the last row shows.
  tree.scrollToEnd = await timeToFrame(page, { scrollTop: 'end' }, row(rows - 1));
  // Back to the top, then page by page: each step to the frame that shows its first row.
  await timeToFrame(page, { scrollTop: 0 }, row(0));
  const steps = [];
  for (let i = 1; i <= 30; i++) {
    const target = i * pageHeight;
    const step = await timeToFrame(page, { scrollTop: target }, row(Math.min(rows - 1, Math.floor(target / rowHeight))));
    steps.push(step.painted ?? Infinity);
  }
  steps.sort((a, b) => a - b);
  tree.scrollPage = { median: steps[Math.floor(steps.length / 2)], max: steps[steps.length - 1], steps: steps.length };
  await timeToFrame(page, { scrollTop: 0 }, row(0));
  // The root's twisty: everything below it folds away, then comes back.
  const rootTwisty = { click: '[role="treeitem"][data-node="0"] .twisty' };
  const rowsAre = (n) => ({ selector: '[data-testid="tree-scroll"]', attribute: 'data-rows', value: String(n) });
  tree.collapseRoot = await timeToFrame(page, rootTwisty, rowsAre(1));
  tree.expandRoot = await timeToFrame(page, rootTwisty, rowsAre(rows));
  // An expanded node halfway down the tree.
  await timeToFrame(page, { scrollTop: Math.floor(rows / 2) * rowHeight }, row(Math.floor(rows / 2)));
  const middle = await page.evaluate(() => {
    const top = document.querySelector('[data-testid="tree-scroll"]').getBoundingClientRect().top;
    const open = [...document.querySelectorAll('[role="treeitem"][aria-expanded="true"]')].find((r) => r.getBoundingClientRect().top > top);
    return open ? open.dataset.node : null;
  });
  if (middle !== null) {
    const twisty = { click: `[role="treeitem"][data-node="${middle}"] .twisty` };
    const expanded = (v) => ({ selector: `[role="treeitem"][data-node="${middle}"]`, attribute: 'aria-expanded', value: v });
    tree.middleNode = Number(middle);
    tree.collapseMiddle = await timeToFrame(page, twisty, expanded('false'));
    tree.expandMiddle = await timeToFrame(page, twisty, expanded('true'));
  }
  return tree;
}

/**
 * Typing in the SQL input while the plan is analyzed in the worker: the main thread's
 * long tasks (PerformanceObserver 'longtask', over 50 ms), each key's delay (handler
 * time minus the event's timestamp), each key to the end of the next frame, and the
 * longest gap between frames; while the typing goes on, and up to the findings drawn
 * (reading and drawing the final reply is main-thread work by design).
 */
async function measureTyping(input) {
  const { context, page, crashed } = await warmPage();
  const result = { input: input.file };
  try {
    await page.evaluate(() => {
      const p = (window.__typing = { longtasks: [], keys: [], frames: [], replyAt: null });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) p.longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      document.addEventListener(
        'keydown',
        (e) => {
          const handled = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => p.keys.push({ at: e.timeStamp, delay: handled - e.timeStamp, frame: performance.now() - e.timeStamp });
            channel.port2.postMessage(null);
          });
        },
        true,
      );
      let last = performance.now();
      const tick = (now) => {
        p.frames.push({ at: last, gap: now - last });
        last = now;
        if (!p.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="finding"], [role="treeitem"]')) {
          p.replyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    // The plan goes in through "Open file…" (the page reads it; the work is in the worker).
    const text = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const input = document.querySelector('[data-testid="plan-file"]');
      const files = new DataTransfer();
      files.items.add(new File([text], 'plan', { type: 'text/plain' }));
      input.files = files.files;
      window.__typing.t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return text.length;
    }, `${origin}/inputs/${input.file}`);
    result.inputBytes = text;
    // Once the request is posted, so the analysis is running; then type in the SQL tab for
    // TYPING_MS, about as long as the worker takes, at a steady typist's pace. Each key is an
    // edit: the reply to the plan alone comes back stale (dropped) and the plan is
    // analyzed again with the SQL once the typing stops; then it is drawn.
    await page.waitForFunction(() => window.__workerLog.some((m) => m.kind === 'post' && m.at >= window.__typing.t0), null, { timeout: input.timeout });
    await page.getByTestId('tab-sql').click();
    await page.getByTestId('sql-input').click();
    const typed = "SELECT id, status FROM orders WHERE customer_id = 42 AND status = 'open';\n";
    const start = Date.now();
    for (let i = 0; Date.now() - start < TYPING_MS; i++) {
      await page.keyboard.type(typed[i % typed.length]);
      await page.waitForTimeout(60);
    }
    await page.evaluate(() => (window.__typing.typingEnd = performance.now()));
    await page.locator('[data-testid="status"]:not([data-busy])').waitFor({ timeout: input.timeout });
    await page.waitForTimeout(300);
    const p = await page.evaluate(() => {
      window.__typing.stop = true;
      return { ...window.__typing, workerLog: window.__workerLog ?? [] };
    });
    const before = (at) => at < p.typingEnd;
    const max = (xs) => (xs.length ? Math.max(...xs) : 0);
    const split = (pick, at, list) => ({
      whileTyping: max(list.filter((x) => before(at(x))).map(pick)),
      all: max(list.map(pick)),
    });
    const during = (x) => x >= p.t0;
    const tasks = p.longtasks.filter((t) => during(t.start));
    const keysIn = p.keys.filter((k) => during(k.at));
    const frames = p.frames.filter((f) => during(f.at));
    Object.assign(result, {
      keys: keysIn.length,
      replyAfter: p.replyAt ? p.replyAt - p.t0 : null,
      longestTask: split((t) => t.duration, (t) => t.start, tasks),
      longTasks: { whileTyping: tasks.filter((t) => before(t.start)).length, all: tasks.length },
      typingMs: p.typingEnd - p.t0,
      keyDelay: split((k) => k.delay, (k) => k.at, keysIn),
      keyToFrame: split((k) => k.frame, (k) => k.at, keysIn),
      frameGap: split((f) => f.gap, (f) => f.at, frames),
      longTaskList: tasks.map((t) => ({ start: Math.round(t.start - p.t0), duration: Math.round(t.duration) })),
      worker: p.workerLog
        .filter((m) => during(m.at))
        .map((m) => ({ kind: m.kind, at: Math.round(m.at - p.t0), took: Math.round(m.took), chars: m.chars })),
    });
  } catch (e) {
    result.error = String(e).split('\n')[0];
  }
  result.crashed = crashed();
  await context.close();
  return result;
}

// ---------------------------------------------------------------------------------
// PEV2

async function measurePev2(input, inputs) {
  const { context, page, errors, crashed } = await newPage();
  const result = { input: input.file, timeoutMs: input.pev2Timeout };
  const started = Date.now();
  try {
    await page.goto(`${origin}/perf/pev2.html`);
    await page.waitForFunction(() => typeof window.mountPev2 === 'function' && typeof window.pev2 === 'object');
    const text = readFileSync(path.join(inputs, input.file), 'utf8');
    // The plan is in the page before the clock starts (as ours is).
    await page.evaluate(async (url) => {
      window.planSource = await (await fetch(url)).text();
    }, `${origin}/inputs/${input.file}`);
    await page.evaluate(() => window.mountPev2(window.planSource));
    // The page can hang for minutes: the timeout is kept here, not in the page.
    const outcome = await Promise.race([
      page
        // PEV2 shows "Couldn't parse plan" for a moment before the plan: an error
        // counts when no node came and it is still there a second later.
        .waitForFunction(() => {
          const r = window.pev2Result;
          if (!r || r.node !== undefined) return r?.node !== undefined;
          if (r.error === undefined) return false;
          r.errorSeen ??= performance.now();
          return performance.now() - r.errorSeen > 1000;
        }, null, {
          timeout: 0,
          polling: 250,
        })
        .then(() => 'done'),
      new Promise((resolve) => setTimeout(() => resolve('timeout'), input.pev2Timeout)),
      new Promise((resolve) => page.on('crash', () => resolve('crash'))),
    ]);
    result.outcome = outcome;
    if (outcome === 'done') {
      Object.assign(result, await page.evaluate(() => window.pev2Result));
      result.outcome = result.node !== undefined ? 'rendered' : 'error';
      await page.screenshot({ path: path.join(output, `pev2-${input.file}.png`) });
    }
    result.inputBytes = text.length;
  } catch (e) {
    result.outcome = crashed() ? 'crash' : 'error';
    result.error = String(e).split('\n')[0];
  }
  result.wallMs = Date.now() - started;
  result.pageErrors = errors.slice(0, 3);
  // A hung renderer: closing the context ends it.
  await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return result;
}

/** PEV2's first load, as the README's "without building tools" page fetches it. */
function pev2Transfer() {
  const files = [
    'node_modules/vue/dist/vue.global.prod.js',
    'node_modules/pev2/dist/pev2.umd.js',
    'node_modules/pev2/dist/pev2.css',
    'node_modules/bootstrap/dist/css/bootstrap.min.css',
  ];
  return files.map((f) => {
    const body = readFileSync(path.join(here, f));
    return { path: f, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

// ---------------------------------------------------------------------------------
// Report

const ms = (x) => (x === null || x === undefined ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const kb = (x) => `${(x / 1024).toFixed(0)} KiB`;
const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);

function pad(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

async function main() {
  const chromiumVersion = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
  const pev2Version = JSON.parse(readFileSync(path.join(here, 'node_modules/pev2/package.json'), 'utf8')).version;
  const vueVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/vue/package.json'), 'utf8')).version;
  const inputs = process.env.PGSIGHT_INPUTS ?? generate();
  const server = await serve(inputs);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    chromium: chromiumVersion,
    pev2: pev2Version,
    vue: vueVersion,
    dist,
    ours: [],
    pev2Runs: [],
  };
  try {
    // First load: a fresh page, until the first plan finding is painted.
    const first = await warmPage();
    results.firstLoad = first.firstLoad;
    await first.context.close();
    results.pev2Load = pev2Transfer();

    for (const input of INPUTS) {
      process.stderr.write(`ours: ${input.file} ...\n`);
      const ours = await measureOurs(input);
      results.ours.push(ours);
      process.stderr.write(`  ${JSON.stringify({ finding: ours.marks?.finding, tree: ours.marks?.tree, done: ours.marks?.done, worker: ours.workerMs })}\n`);
      if (input.typing) {
        process.stderr.write(`typing while ${input.file} is analyzed ...\n`);
        results.typing = await measureTyping(input);
      }
      if (input.pev2) {
        process.stderr.write(`PEV2: ${input.file} (timeout ${input.pev2Timeout / 1000} s) ...\n`);
        const run = await measurePev2(input, inputs);
        results.pev2Runs.push(run);
        process.stderr.write(`  ${run.outcome} ${ms(run.node)}\n`);
      }
    }
  } finally {
    await browser.close();
    server.close();
    if (!process.env.PGSIGHT_INPUTS && !keepInputs) rmSync(inputs, { recursive: true, force: true });
  }

  // The table.
  const rows = [['input', 'MB', 'finding painted', 'tree top painted', 'analysis done', 'worker', 'findings', 'rows', 'notes']];
  for (const r of results.ours) {
    rows.push([
      r.input,
      ((r.inputBytes ?? 0) / 1e6).toFixed(1),
      ms(r.marks?.finding),
      ms(r.marks?.tree),
      ms(r.marks?.done),
      ms(r.workerMs),
      r.findings ?? '–',
      r.rows ?? '–',
      [r.timedOut && 'TIMED OUT', r.crashed && 'CRASHED', r.error, ...(r.notes ?? [])].filter(Boolean).join('; ').slice(0, 80),
    ]);
  }
  console.log(`\npgsight in ${results.chromium}, ${results.machine.cpus} cores (${results.mode} run, ${results.date})\n`);
  console.log(pad(rows));

  console.log('\nTo the worker and back (ms from the file\'s change event; handler time; message size):');
  for (const r of results.ours) {
    const parts = (r.worker ?? []).map((m) => `${m.kind} at ${m.at} (${m.took} ms, ${(m.chars / 1e6).toFixed(1)} M chars)`);
    console.log(`  ${r.input.padEnd(18)} ${parts.join(', ')}`);
  }
  for (const r of results.ours.filter((o) => o.tree)) {
    const t = r.tree;
    console.log(`\n${r.input} tree (${r.rows} rows), to the frame that shows it:`);
    console.log(`  scroll to the end        ${ms(t.scrollToEnd?.painted)}`);
    console.log(`  scroll a page            median ${ms(t.scrollPage?.median)}, max ${ms(t.scrollPage?.max)} (${t.scrollPage?.steps} pages)`);
    console.log(`  collapse / expand root   ${ms(t.collapseRoot?.painted)} / ${ms(t.expandRoot?.painted)}`);
    if (t.collapseMiddle) console.log(`  collapse / expand a node ${ms(t.collapseMiddle?.painted)} / ${ms(t.expandMiddle?.painted)}`);
  }
  if (results.typing) {
    const y = results.typing;
    console.log(`\nTyping in the SQL input while ${y.input} is analyzed (${y.keys} keys until ${ms(y.typingMs)}; findings drawn at ${ms(y.replyAfter)}):`);
    console.log('                        while typing       including drawing the findings');
    for (const [label, v] of [['longest long task', y.longestTask], ['longest key delay', y.keyDelay], ['longest key to frame', y.keyToFrame], ['longest frame gap', y.frameGap]]) {
      console.log(`  ${label.padEnd(22)}${ms(v?.whileTyping).padEnd(19)}${ms(v?.all)}`);
    }
    console.log(`  long tasks (start ms: duration): ${y.longTaskList?.map((t) => `${t.start}: ${t.duration}`).join(', ')}`);
    console.log(`  worker messages: ${y.worker?.map((m) => `${m.kind} at ${m.at} (${m.took} ms)`).join(', ')}`);
    if (y.error) console.log(`  error: ${y.error}`);
  }

  const pevRows = [['input', 'PEV2 outcome', 'PEV2 node painted', 'ours: tree top painted', 'PEV2 / ours']];
  results.ratios = [];
  for (const run of results.pev2Runs) {
    const ours = results.ours.find((o) => o.input === run.input);
    const oursMs = ours?.marks?.tree;
    const pevMs = run.outcome === 'rendered' ? run.node : null;
    // A timeout or crash is our win: the ratio is then at least timeout / ours.
    const ratio = oursMs ? (pevMs ? pevMs / oursMs : run.timeoutMs / oursMs) : null;
    const ratioText = ratio === null ? '–' : `${pevMs ? '' : '> '}${ratio.toFixed(1)}x`;
    results.ratios.push({ input: run.input, pev2Ms: pevMs, pev2Outcome: run.outcome, oursMs, ratio, lowerBound: !pevMs });
    pevRows.push([run.input, `${run.outcome}${run.nodes ? ` (${run.nodes} nodes)` : ''}`, pevMs ? ms(pevMs) : `> ${ms(run.timeoutMs)}`, ms(oursMs), ratioText]);
  }
  if (results.pev2Runs.length) {
    console.log(`\nPEV2 ${results.pev2} (Vue ${results.vue}) on the same bytes, same browser:`);
    console.log(pad(pevRows));
  }
  const appFiles = results.firstLoad ?? [];
  console.log(`\nFirst load until the first plan finding is painted: ${appFiles.length} files, ${kb(sum(appFiles, 'gzip'))} gzip (${kb(sum(appFiles, 'bytes'))} raw)`);
  for (const f of appFiles) console.log(`  ${f.path.padEnd(48)} ${kb(f.gzip).padStart(9)} gzip ${kb(f.bytes).padStart(9)}`);
  console.log(`PEV2's page: ${kb(sum(results.pev2Load, 'gzip'))} gzip (${kb(sum(results.pev2Load, 'bytes'))} raw), of which Bootstrap CSS ${kb(results.pev2Load[3].gzip)}`);

  const file = path.join(output, `perf-${results.mode}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(root, file)}`);
}

await main();
