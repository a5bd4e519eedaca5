// Page security (issue #10): hostile inputs stay text, damaged share links show an
// error and leave the page working, and the Content-Security-Policy keeps every
// request on the origin. The hostile plans were made by a real PostgreSQL 15 from
// fixtures/hostile/schema.sql (fixtures/hostile/make.sh). Run with tests/browser/run.sh.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';

import { JSON_PLAN, base, finding, here, idle, open, origin, rulesShown, shot, useBrowser } from './harness.mjs';

useBrowser();

const hostile = (name) => readFileSync(path.join(here, 'fixtures/hostile', name), 'utf8');

/** The names in fixtures/hostile/schema.sql and migration.sql: HTML and script, as identifiers. */
const NAMES = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '<b onmouseover=alert(1)>name</b>',
  '<iframe src=javascript:alert(1)>',
  '<svg onload=alert(1)>',
];

/** Text that must never appear outside a quoted identifier or literal in SQL the page proposes. */
const BARE_MARKERS = ['<script', '<img', '<svg', '<iframe', '<b ', '</', '">', 'javascript:'];

/**
 * Watches a context for script running: every dialog (alert, confirm, prompt) is
 * recorded and dismissed, on every page of the context.
 */
function watchDialogs(context, page) {
  const dialogs = [];
  const watch = (p) =>
    p.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
  watch(page);
  context.on('page', watch);
  return dialogs;
}

/**
 * Asserts that nothing from the inputs became markup: no dialog, no `window.__pwned`,
 * no element the app does not make (script, iframe, object, embed, b, img src=x),
 * no event-handler attribute (Yew listens with addEventListener, never with `on*`
 * attributes), no `javascript:` URL, no image or script from anywhere but the origin.
 */
async function assertInert(page, dialogs, where) {
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
    return {
      pwned: window.__pwned,
      handlers: all.flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.localName} ${a.name}>`),
      ),
      jsUrls: all.flatMap((e) =>
        urlAttrs
          .map((n) => e.getAttribute(n))
          .filter((v) => v && /^\s*javascript:/i.test(v))
          .map((v) => `<${e.localName}> ${v}`),
      ),
      foreign: [...document.querySelectorAll('iframe, object, embed, frame, b, img[src="x"], svg[onload], body script, math')]
        .map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].map((s) => s.src || `inline ${s.textContent.slice(0, 40)}`),
      images: [...document.images].map((i) => i.src).filter((s) => !s.startsWith(location.origin)),
    };
  });
  assert.equal(dom.pwned, undefined, `${where}: window.__pwned was set, a payload ran`);
  assert.deepEqual(dom.handlers, [], `${where}: event-handler attributes in the DOM`);
  assert.deepEqual(dom.jsUrls, [], `${where}: javascript: URLs in the DOM`);
  assert.deepEqual(dom.foreign, [], `${where}: elements from the input in the DOM`);
  assert.ok(dom.scripts.length <= 2 && dom.scripts.every((s) => !/pwned|alert/.test(s)), `${where}: scripts ${dom.scripts}`);
  assert.deepEqual(dom.images, [], `${where}: images from elsewhere`);
}

/** The page's visible text (textarea values are not part of it, so this is what was rendered). */
const visibleText = (page) => page.evaluate(() => document.body.innerText);

/**
 * Splits SQL into quoted identifiers, string literals and the rest (dollar-quoted
 * bodies are SQL too, so `$$` is just skipped). Returns the bare text and the decoded
 * quoted parts.
 */
function sqlParts(sql) {
  const bare = [];
  const quoted = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) throw new Error(`unterminated ${c} at ${i} in ${sql}`);
        if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) {
          break;
        } else {
          text += sql[j++];
        }
      }
      quoted.push({ kind: c === '"' ? 'identifier' : 'literal', text });
      i = j + 1;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (sql.startsWith('$$', i)) {
      i += 2;
    } else {
      bare.push(c);
      i++;
    }
  }
  return { bare: bare.join(''), quoted };
}

/**
 * What is wrong with the quoting of `sql`: a hostile name outside quotes, or a quoted
 * part that holds a piece of a name rather than a whole one (a name split at its `.`).
 */
function quotingProblems(sql) {
  let parts;
  try {
    parts = sqlParts(sql);
  } catch (e) {
    return [String(e.message)];
  }
  const problems = BARE_MARKERS.filter((m) => parts.bare.includes(m)).map((m) => `${m} outside quotes`);
  for (const { kind, text } of parts.quoted) {
    const hostilePiece = /[<>:]|pwned|alert/.test(text);
    if (hostilePiece && !NAMES.some((n) => text.includes(n))) problems.push(`${kind} ${JSON.stringify(text)} is part of a name`);
  }
  return problems;
}

test('the checks themselves: SQL quoting and raw HTML in Markdown', () => {
  assert.deepEqual(quotingProblems('CREATE INDEX CONCURRENTLY "<svg onload=alert(1)>" ON "<script>window.__pwned=1</script>" ("<img src=x onerror=""window.__pwned=1"">");'), []);
  assert.deepEqual(quotingProblems(`SELECT setval('"<img src=x onerror=alert(1)>_id_seq"', 1); -- <script>`), []);
  assert.deepEqual(quotingProblems('CREATE INDEX ON public."<script>window"."__pwned=1</script>" (x);'), [
    'identifier "<script>window" is part of a name',
    'identifier "__pwned=1</script>" is part of a name',
  ]);
  assert.deepEqual(quotingProblems('DROP TABLE public.<script>window.__pwned=1</script>;'), [
    '<script outside quotes', '</ outside quotes',
  ]);
  // A name made plain for an index (every other character replaced) needs no quotes.
  assert.deepEqual(quotingProblems('CREATE INDEX _img_src_x_onerror_alert_1___order_id_idx ON "<img src=x onerror=alert(1)>" (order_id);'), []);
  assert.deepEqual(rawHtml('## `<img src=x>` ok <b>bold</b>\n```sql\nSELECT "<script>";\n```\n| `<i>` | x <= 3 |\n'), ['<b>', '</b>']);
  assert.deepEqual(quotingProblems('SELECT "<b onmouseover=alert(1)>name</b>" FROM t WHERE x <= 40'), []);
});

/** Every SQL block the findings show: rule, part (fix or rollback) and text. */
const sqlBlocks = (page) =>
  page.getByTestId('finding').evaluateAll((cards) =>
    cards.flatMap((card) =>
      [...card.querySelectorAll('[data-part] pre code')].map((code) => ({
        rule: card.dataset.rule,
        part: code.closest('[data-part]').dataset.part,
        sql: code.textContent,
      })),
    ),
  );

/** Shows every finding (the list pages long reports). */
async function showAllFindings(page) {
  while (await page.getByTestId('show-more').count()) await page.getByTestId('show-more').click();
}

/**
 * Clicks, hovers and selects what a user would: every tree row (which opens its
 * details), every finding's location, badges and rule links.
 */
async function poke(page) {
  const rows = page.locator('[role="treeitem"]');
  for (let i = 0; i < (await rows.count()); i++) {
    await rows.nth(i).hover();
    await rows.nth(i).click();
    await page.getByTestId('node-details').waitFor();
  }
  const cards = page.getByTestId('finding');
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await card.hover();
    await card.locator('.finding-title').click();
    if (await card.getByTestId('finding-location').count()) await card.getByTestId('finding-location').click();
    await page.getByTestId('tab-plan').click();
  }
  for (const badge of await page.getByTestId('node-badge').all()) await badge.hover();
  // The views above the findings (schema, migration) show the names too.
  for (const tab of await page.locator('.view-tabs [role="tab"]').all()) {
    await tab.click();
    await page.locator('.view-tabs [role="tab"][aria-selected="true"]').filter({ hasText: await tab.innerText() }).waitFor();
  }
  await showPlanView(page);
}

/** Shows the plan tree when the results have several views. */
async function showPlanView(page) {
  if (await page.getByTestId('view-plan').count()) await page.getByTestId('view-plan').click();
  await page.getByTestId('plan-tree').waitFor();
}

/** HTML tags in Markdown outside code blocks and code spans: what a Markdown viewer would render. */
function rawHtml(markdown) {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  return prose.match(/<\/?[a-zA-Z][^>]*>/g) ?? [];
}

test('hostile plans, schema, migration and queries are rendered as text, and nothing runs', async (t) => {
  const { context, page, check } = await open(t);
  const dialogs = watchDialogs(context, page);
  await assertInert(page, dialogs, 'empty page');

  // Pass 1: the JSON plan (a Seq Scan under an HTML alias), the schema, the migration.
  await page.getByTestId('plan-input').fill(hostile('seq-scan.json'));
  await page.getByTestId('tab-schema').click();
  await page.getByTestId('schema-input').fill(hostile('schema.sql'));
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-migration').click();
  await page.getByTestId('sql-input').fill(hostile('migration.sql'));
  await finding(page, 'create-index-not-concurrently').waitFor({ timeout: 30_000 });
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(page);
  await page.getByTestId('tab-plan').click();
  await showAllFindings(page);
  const migrationRules = await rulesShown(page);
  t.diagnostic(`pass 1: ${migrationRules.length} findings: ${[...new Set(migrationRules)].join(', ')}`);
  for (const rule of ['missing-primary-key', 'fk-missing-index', 'prefer-text', 'rename-column', 'drop-index-not-concurrently']) {
    assert.ok(migrationRules.includes(rule), `${rule} in ${migrationRules}`);
  }
  await poke(page);
  await assertInert(page, dialogs, 'plan, schema and migration');
  if (await page.getByTestId('view-schema').count()) {
    await page.getByTestId('view-schema').click();
    await shot(page, 'security-06-hostile-schema-view');
    await showPlanView(page);
  }

  // The payloads are on the page, as text: in the tree, the node details, the findings.
  const text = await visibleText(page);
  for (const name of ['<script>window.__pwned=1</script>', '<iframe src=javascript:alert(1)>', '<img src=x onerror=alert(1)>',
    '<b onmouseover=alert(1)>name</b>', '<svg onload=alert(1)>']) {
    assert.ok(text.includes(name), `${name} shows as text`);
  }
  await showPlanView(page);
  const tree = await page.getByTestId('plan-tree').innerText();
  assert.ok(tree.includes('<script>window.__pwned=1</script>'), 'the relation name in the tree');
  assert.ok(tree.includes('<iframe src=javascript:alert(1)>'), 'the alias in the tree');
  await page.locator('[role="treeitem"][data-node="1"]').click();
  const details = await page.getByTestId('node-details').innerText();
  assert.ok(details.includes(`'<script>window.__pwned=1</script>'::text`), 'the filter literal in the node details');

  // The fix SQL quotes every hostile name as an identifier.
  const blocks = await sqlBlocks(page);
  assert.ok(blocks.length >= 10, `${blocks.length} SQL blocks`);
  const fixOf = (rule) => blocks.find((b) => b.rule === rule && b.part === 'fix')?.sql ?? '';
  assert.ok(
    fixOf('create-index-not-concurrently').includes(
      'CREATE INDEX CONCURRENTLY "<svg onload=alert(1)>" ON "<script>window.__pwned=1</script>" ("<img src=x onerror=""window.__pwned=1"">");',
    ),
    fixOf('create-index-not-concurrently'),
  );
  assert.ok(fixOf('missing-primary-key').includes('ALTER TABLE "<img src=x onerror=alert(1)>" ADD COLUMN "<img src=x onerror=alert(1)>_id"'));
  assert.ok(fixOf('prefer-text').includes('ALTER COLUMN "<b onmouseover=alert(1)>name</b>" TYPE text'));
  assert.ok(fixOf('drop-index-not-concurrently').includes('DROP INDEX CONCURRENTLY IF EXISTS "javascript:alert(1)"'));
  const bad = blocks.flatMap((b) => quotingProblems(b.sql).map((p) => `${b.rule} ${b.part}: ${p}`));
  assert.deepEqual(bad, [], 'fix and rollback SQL quote the hostile names');
  await shot(page, 'security-01-hostile-migration');

  // Rule links go to the rule's page and back, the inputs intact.
  await finding(page, 'create-index-not-concurrently').getByTestId('rule-link').click();
  await page.getByTestId('rule-page').waitFor();
  await page.goBack();
  await finding(page, 'create-index-not-concurrently').waitFor();

  // Exports carry the names as data. JSON: exactly; Markdown: at least as text.
  await page.getByTestId('export-menu').click();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.ok(report.findings.some((f) => f.title.includes('<img src=x onerror=alert(1)>')), 'titles keep the names');
  await page.getByTestId('export-menu').click();
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  const markdown = readFileSync(await md.path(), 'utf8');
  assert.ok(markdown.includes('<img src=x onerror=alert(1)>'));
  await page.getByTestId('export-menu').click();
  await page.getByTestId('copy-md').click();
  await page.getByText('Markdown copied').waitFor();
  await page.keyboard.press('Escape');
  await assertInert(page, dialogs, 'after the exports');

  // A share link of the hostile inputs, opened in another tab: the same findings, inert.
  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  const other = await context.newPage();
  await other.goto(link);
  await finding(other, 'create-index-not-concurrently').waitFor({ timeout: 30_000 });
  await idle(other);
  await showAllFindings(other);
  assert.deepEqual(await rulesShown(other), migrationRules);
  await poke(other);
  await assertInert(other, dialogs, 'the shared link');
  await other.close();

  // Pass 2: the text plan (an Index Scan using index "javascript:alert(1)") and queries.
  await page.getByTestId('plan-input').fill(hostile('index-filter.txt'));
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-queries').click();
  await page.getByTestId('sql-input').fill(hostile('queries.sql'));
  await finding(page, 'select-star').waitFor({ timeout: 30_000 });
  await finding(page, 'index-scan-filter').waitFor({ timeout: 30_000 });
  await idle(page);
  await page.getByTestId('tab-plan').click();
  await showAllFindings(page);
  const queryRules = await rulesShown(page);
  t.diagnostic(`pass 2: ${queryRules.length} findings: ${[...new Set(queryRules)].join(', ')}`);
  for (const rule of ['missing-where', 'leading-wildcard-like', 'not-in-subquery', 'order-by-random']) {
    assert.ok(queryRules.includes(rule), `${rule} in ${queryRules}`);
  }
  await poke(page);
  await assertInert(page, dialogs, 'text plan and queries');
  await showPlanView(page);
  const tree2 = await page.getByTestId('plan-tree').innerText();
  assert.ok(tree2.includes('javascript:alert(1)'), 'the index name in the tree');
  const select = (await sqlBlocks(page)).find((b) => b.rule === 'select-star' && b.part === 'fix');
  assert.ok(
    select.sql.includes('SELECT id, "<img src=x onerror=""window.__pwned=1"">", """><svg onload=alert(1)>", created_at, amount FROM "<script>window.__pwned=1</script>"'),
    select.sql,
  );
  const blocks2 = await sqlBlocks(page);
  const problems = blocks2.flatMap((b) => quotingProblems(b.sql).map((p) => `${b.rule} ${b.part}: ${p}`));
  // Names holding "." once split into two identifiers (public."<script>window"."__pwned=1</script>").
  assert.deepEqual(problems, [], 'fix and rollback SQL quote the hostile names');
  await shot(page, 'security-02-hostile-queries');

  // Recent analyses list the hostile inputs by name, as text.
  await page.reload();
  await page.getByTestId('recent-menu').click();
  const recentText = await page.getByTestId('recent-list').innerText();
  assert.ok(recentText.includes('<script>window.__pwned'), recentText);
  for (const item of await page.getByTestId('recent-item').all()) await item.hover();
  await shot(page, 'security-03-hostile-recent');
  await page.getByTestId('recent-item').first().click();
  await page.getByTestId('finding').first().waitFor({ timeout: 30_000 });
  await assertInert(page, dialogs, 'recent');

  // Routes are input too: a rule id or a path from the address bar is shown as text.
  await page.goto(`${base}#/rules/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await page.getByTestId('rule-missing').waitFor();
  await page.goto(`${base}#/rules/<img src=x onerror="window.__pwned=1">`);
  await page.getByTestId('rule-missing').waitFor();
  // The browser percent-encodes the fragment (%3Cimg…); either way it is text.
  assert.match(await page.getByTestId('rule-missing').innerText(), /no rule named (%3C|<)img(%20| )src=x(%20| )onerror=/);
  await page.goto(`${base}#/javascript:alert(1)/<svg onload=alert(1)>`);
  await page.getByText('Page not found').waitFor();
  await assertInert(page, dialogs, 'hostile routes');
  await check();

  // A filter on a column whose name holds "" (PostgreSQL's escape) still gets its index.
  const fix2 = (rule) => blocks2.find((b) => b.rule === rule && b.part === 'fix')?.sql ?? '';
  assert.match(fixOf('seq-scan-selective-filter'), /CREATE INDEX .*"<img src=x onerror=""window.__pwned=1"">"/);
  assert.match(fix2('index-scan-filter'), /CREATE INDEX .*"""><svg onload=alert\(1\)>"/);
  // The Markdown export (a PR comment) has no raw HTML outside code.
  assert.deepEqual(rawHtml(markdown), []);
  await context.close();
});

/** A share fragment for `inputs` made the way pgsight_core::share::encode makes it. */
const fragment = (inputs, level = 9) =>
  `v1.${zlib.deflateRawSync(Buffer.from(JSON.stringify(inputs)), { level }).toString('base64url')}`;

/** True when the payload of `frag` does not decode to pgsight inputs (as the core would find). */
function undecodable(frag) {
  try {
    const json = zlib.inflateRawSync(Buffer.from(frag.slice(3), 'base64url')).toString('utf8');
    const value = JSON.parse(json);
    return typeof value !== 'object' || value === null || Array.isArray(value);
  } catch {
    return true;
  }
}

/** Bytes of the page's WebAssembly memory (captured when Trunk starts the app). */
const wasmBytes = (page) => page.evaluate(() => window.__pgsightWasmMemory?.buffer.byteLength ?? -1);

test('damaged share links show an error and leave the page working', async (t) => {
  // A real link first, made by the app.
  const { context, page, check } = await open(t);
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__pgsightWasmMemory = e.detail.wasm.memory;
    });
  });
  await page.getByTestId('plan-input').fill(JSON_PLAN);
  await finding(page, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.getByTestId('share-url').inputValue();
  const good = link.slice(link.indexOf('#/s/') + 4);
  assert.ok(good.startsWith('v1.'), good);
  assert.equal(undecodable(good), false, 'the real link decodes in node too (same format)');
  // Opened, a good link stays in the address bar (a reload or a bookmark keeps it).
  const opened = await context.newPage();
  await opened.goto(link);
  await finding(opened, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
  await idle(opened);
  assert.equal(await opened.evaluate(() => location.hash), `#/s/${good}`);
  await opened.close();

  // Tampered: flip characters in the middle until the payload no longer decodes.
  let tampered;
  for (let at = Math.floor(good.length / 2); !tampered; at++) {
    const flipped = good[at] === 'A' ? 'B' : 'A';
    const candidate = good.slice(0, at) + flipped + good.slice(at + 1);
    if (undecodable(candidate)) tampered = candidate;
  }
  // A decompression bomb: 200 MB of spaces in the plan, in the share format.
  const bomb = fragment({ plan: `${' '.repeat(200 * 1024 * 1024)}` });
  t.diagnostic(`bomb link: ${bomb.length} characters for 200 MB`);

  const cases = [
    ['tampered', tampered, /damaged|does not hold pgsight inputs/],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), /damaged/],
    ['truncated on a base64 boundary', good.slice(0, 3 + 4 * Math.floor((good.length - 3) / 8)), /damaged/],
    ['unknown version', 'v9.eJzLSM3JyQcABiwCFQ', /newer or unknown version/],
    ['not base64', 'v1.<script>alert(1)</script>', /not base64url/],
    ['empty', '', /unknown version/],
    ['not inputs', fragment([1, 2, 3]), /does not hold pgsight inputs/],
    ['decompression bomb', bomb, /unpacks to more than 8388608 bytes/],
  ];
  for (const [name, frag, message] of cases) {
    const tab = await context.newPage();
    const dialogs = watchDialogs(context, tab);
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    const start = Date.now();
    await tab.goto(`${base}#/s/${frag}`);
    const banner = tab.getByTestId('share-error');
    await banner.waitFor({ timeout: 10_000 });
    const ms = Date.now() - start;
    const said = await banner.innerText();
    assert.match(said, /^This share link could not be opened: /, name);
    assert.match(said, message, `${name}: ${said}`);
    assert.equal(await banner.getAttribute('role'), 'alert');
    const memory = await wasmBytes(tab);
    t.diagnostic(`${name}: banner in ${ms} ms, wasm memory ${(memory / 1048576).toFixed(1)} MB: ${said}`);
    assert.ok(memory > 0 && memory < 128 * 1048576, `${name}: the page's wasm memory is ${memory} bytes`);
    if (name === 'decompression bomb') await shot(tab, 'security-04-share-bomb');
    if (name === 'tampered') await shot(tab, 'security-05-share-tampered');

    // The page still works: a pasted plan is analyzed, and the banner, about a link
    // the user has moved on from, goes.
    await tab.getByTestId('plan-input').fill(JSON_PLAN);
    await finding(tab, 'seq-scan-selective-filter').waitFor({ timeout: 30_000 });
    await idle(tab);
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await tab.evaluate(() => location.hash), '#/');
    assert.deepEqual(errors, [], `${name}: page errors`);
    await assertInert(tab, dialogs, name);
    await tab.close();
  }

  // The same damaged link reached by a hashchange (a link clicked inside the page) too.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/s/${cases[1][1]}`);
  await page.getByTestId('share-error').waitFor({ timeout: 10_000 });
  // ... and a good link afterwards clears the banner.
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/s/${good}`);
  await page.getByTestId('share-error').waitFor({ state: 'detached', timeout: 10_000 });
  await check();
  await context.close();
});

/**
 * A second server, on another loopback address, that records every request: the
 * "elsewhere" the page must never reach.
 */
async function recorder() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
    res.end('window.__pwned = 1;');
  });
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.2', resolve));
  return { hits, server, url: `http://127.0.0.2:${server.address().port}` };
}

test('the Content-Security-Policy blocks requests to other origins', async (t) => {
  const elsewhere = await recorder();
  try {
    const { context, page, requests, errors } = await open(t);
    const dialogs = watchDialogs(context, page);
    const failed = new Map();
    const finished = [];
    context.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText));
    context.on('requestfinished', (r) => finished.push(r.url()));
    // The recorder is reachable: without the CSP a request would get there.
    await new Promise((resolve, reject) =>
      http.get(`${elsewhere.url}/reachable`, (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    assert.deepEqual(elsewhere.hits, ['GET /reachable']);
    elsewhere.hits.length = 0;

    const attempts = await page.evaluate(async (url) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const outcome = {};
      const settle = (name, p, ms = 3000) =>
        Promise.race([p, new Promise((r) => setTimeout(() => r('no answer'), ms))]).then(
          (v) => (outcome[name] = String(v)),
          (e) => (outcome[name] = `blocked: ${e?.name ?? e}`),
        );
      const element = (tag, attrs, event = 'load') =>
        new Promise((resolve, reject) => {
          const el = document.createElement(tag);
          el.addEventListener(event, () => resolve('loaded'));
          el.addEventListener('error', () => reject(new Error('error event')));
          Object.assign(el, attrs);
          document.body.append(el);
        });
      // DevTools lets the code it evaluates call eval; a timer's callback runs as the page's own.
      const later = (f) =>
        new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(f());
            } catch (e) {
              reject(e);
            }
          }, 0),
        );
      await Promise.all([
        settle('fetch', fetch(`${url}/fetch`).then((r) => `status ${r.status}`)),
        settle('fetch no-cors', fetch(`${url}/fetch-no-cors`, { mode: 'no-cors' }).then((r) => `type ${r.type}`)),
        settle('xhr', new Promise((resolve, reject) => {
          const x = new XMLHttpRequest();
          x.open('GET', `${url}/xhr`);
          x.onload = () => resolve(`status ${x.status}`);
          x.onerror = () => reject(new Error('xhr error'));
          try {
            x.send();
          } catch (e) {
            reject(e);
          }
        })),
        settle('img', element('img', { src: `${url}/img.png` })),
        settle('script', element('script', { src: `${url}/script.js` })),
        settle('stylesheet', element('link', { rel: 'stylesheet', href: `${url}/style.css` })),
        settle('iframe', element('iframe', { src: `${url}/frame` })),
        settle('websocket', new Promise((resolve, reject) => {
          try {
            const ws = new WebSocket(url.replace('http', 'ws') + '/ws');
            ws.onopen = () => resolve('open');
            ws.onerror = () => reject(new Error('ws error'));
          } catch (e) {
            reject(e);
          }
        })),
        settle('worker', new Promise((resolve, reject) => {
          try {
            const w = new Worker(`${url}/worker.js`);
            w.onerror = () => reject(new Error('worker error'));
            setTimeout(() => resolve('no error'), 1500);
          } catch (e) {
            reject(e);
          }
        })),
        settle('beacon', Promise.resolve(navigator.sendBeacon(`${url}/beacon`, 'x') ? 'queued' : 'refused')),
        settle('form', new Promise((resolve) => {
          const form = document.createElement('form');
          form.method = 'POST';
          form.action = `${url}/form`;
          form.target = '_blank';
          document.body.append(form);
          form.submit();
          setTimeout(() => resolve('submitted'), 1000);
        })),
        settle('inline script', new Promise((resolve) => {
          const s = document.createElement('script');
          s.textContent = 'window.__pwned = 1;';
          document.body.append(s);
          resolve(window.__pwned === 1 ? 'ran' : 'did not run');
        })),
        settle('eval', later(() => eval('1 + 1'))),
        settle('new Function', later(() => new Function('return 2')())),
        settle('blob worker', new Promise((resolve, reject) => {
          try {
            const source = URL.createObjectURL(new Blob([`fetch('${url}/from-worker')`], { type: 'text/javascript' }));
            const w = new Worker(source);
            w.onerror = () => reject(new Error('worker error'));
            setTimeout(() => resolve('no error'), 1500);
          } catch (e) {
            reject(e);
          }
        })),
      ]);
      await new Promise((r) => setTimeout(r, 500));
      return { outcome, violations, pwned: window.__pwned };
    }, elsewhere.url);
    await new Promise((r) => setTimeout(r, 500));

    t.diagnostic(`outcomes: ${JSON.stringify(attempts.outcome)}`);
    t.diagnostic(`violations: ${attempts.violations.join(', ')}`);
    assert.deepEqual(elsewhere.hits, [], 'the other origin was reached');
    assert.equal(attempts.pwned, undefined, 'a script from elsewhere or inline ran');
    assert.equal(attempts.outcome['inline script'], 'did not run');
    assert.match(attempts.outcome.eval, /blocked: EvalError/);
    assert.match(attempts.outcome['new Function'], /blocked: EvalError/);
    for (const directive of ['connect-src', 'img-src', 'script-src-elem', 'style-src-elem', 'frame-src', 'worker-src', 'form-action']) {
      assert.ok(attempts.violations.some((v) => v.startsWith(directive)), `a ${directive} violation was reported`);
    }
    assert.deepEqual(dialogs, []);
    // The browser stopped each one itself: the requests it began fail as blocked by the CSP.
    const attempted = requests.filter((u) => u.startsWith(elsewhere.url));
    t.diagnostic(`requests begun and blocked: ${attempted.length}`);
    for (const u of attempted) assert.match(failed.get(u) ?? 'did not fail', /^csp$|ERR_BLOCKED_BY_CSP/, u);
    assert.deepEqual(finished.filter((u) => u.startsWith(elsewhere.url)), [], 'requests to the other origin completed');
    // CSP violations are console errors; they are what this test provoked, so none else.
    const unexpected = errors.filter((e) => !/Content Security Policy|Refused to|ERR_BLOCKED_BY_CSP/.test(e));
    assert.deepEqual(unexpected, []);
    await context.close();
  } finally {
    elsewhere.server.closeAllConnections();
    await new Promise((resolve) => elsewhere.server.close(resolve));
  }
});

test('a full analysis, share, export and recent round makes no request off the origin', async (t) => {
  const { context, page, requests, check } = await open(t);
  const dialogs = watchDialogs(context, page);
  await page.getByTestId('plan-input').fill(hostile('seq-scan.json'));
  await page.getByTestId('tab-schema').click();
  await page.getByTestId('schema-input').fill(hostile('schema.sql'));
  await page.getByTestId('tab-sql').click();
  await page.getByTestId('sql-input').fill(hostile('queries.sql'));
  await finding(page, 'select-star').waitFor({ timeout: 30_000 });
  await idle(page);
  await page.getByTestId('tab-plan').click();
  await showAllFindings(page);
  await poke(page);

  for (const [menu, item] of [['export-menu', 'export-md'], ['export-menu', 'export-json']]) {
    await page.getByTestId(menu).click();
    await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  }
  await page.getByTestId('export-menu').click();
  await page.getByTestId('copy-json').click();
  await page.getByText('JSON copied').waitFor();
  await page.keyboard.press('Escape');

  await page.getByTestId('share-button').click();
  await page.getByText('Link copied').waitFor();
  const link = await page.getByTestId('share-url').inputValue();
  await page.keyboard.press('Escape');
  await page.goto(link);
  await finding(page, 'select-star').waitFor({ timeout: 30_000 });
  await page.getByTestId('recent-menu').click();
  await page.getByTestId('recent-item').first().click();
  await idle(page);
  await page.getByTestId('rules-link').click();
  await page.getByTestId('rules-index').waitFor();
  await page.locator('a[href="#/rules/select-star"]').click();
  await page.getByTestId('rule-page').waitFor();
  await page.goBack();
  await page.goBack();
  await page.getByTestId('finding').first().waitFor({ timeout: 30_000 });
  await assertInert(page, dialogs, 'full round');
  // The harness check asserts that every request went to the test server's origin.
  assert.ok(requests.length > 5, `${requests.length} requests`);
  assert.ok(requests.every((u) => u.startsWith(`${origin}/`) || u.startsWith('blob:') || u.startsWith('data:')));
  await check();
  await context.close();
});
