// lede.html, the reader in one file, opened from a folder (file://) where it is the only file: the
// default article with its suggestions, annotating, saving to a file and keeping the work in the
// browser across a reload, without a single request for another file. And index.html opened the
// same way says on the page why it cannot start and what to open instead.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { launch, markFirst, mine, site, until, waitReady, withScreenshots } from './harness.mjs';

let browser, dir;
const pages = [];
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'lede-onefile-'));
  copyFileSync(join(site, 'lede.html'), join(dir, 'lede.html'));  // alone in its folder
});
after(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });

test('lede.html from file:// runs the whole reader and asks for no other file', async () => {
  const url = pathToFileURL(join(dir, 'lede.html')).href;
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  pages.push(page);
  const requests = [], errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('filechooser', () => {});
  // Counts the page's attempts to register a service worker (there are none for file://).
  await context.addInitScript(() => {
    window.swRegisterCalls = 0;
    const sw = navigator.serviceWorker;
    if (sw) sw.register = () => { window.swRegisterCalls++; return Promise.reject(new Error('counted')); };
  });
  await withScreenshots('onefile', () => pages, async () => {
    await page.goto(url);
    await waitReady(page);
    // The default article, then the analysis' suggestions in the frames after it.
    let s = await until(page, (s) => s.article.text.startsWith('North Korea has rejected'), 'the default article');
    s = await until(page, (s) => s.annotations.some((a) => a.origin === 'auto' && a.status === 'suggested'), 'suggestions', 20000);
    assert.ok(s.annotations.some((a) => a.label === 'actor' && a.text === 'North Korea'));

    // Annotate with the mouse and a key; save to a file with Ctrl+S.
    await markFirst(page, 'Blinken', '1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.equal(download.suggestedFilename(), 'dprk-missiles-un.lede.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.ok(file.annotations.some((a) => a.origin === 'user' && a.quote.exact === 'Blinken'));

    // Chromium keeps IndexedDB for file:// pages: the work is stored and comes back on reload.
    s = await until(page, (s) => s.autosave.saved, 'work stored in the browser');
    assert.equal(s.autosave.storageError, null);
    await page.reload();
    await waitReady(page);
    s = await until(page, (s) => mine(s).some((a) => a.text === 'Blinken'), 'the work restored after a reload');

    // No service worker from file://, and no request but the page itself (and blob:/data: URLs).
    assert.equal(context.serviceWorkers().length, 0);
    assert.equal(await page.evaluate(() => window.swRegisterCalls), 0);
    const others = requests.filter((u) => u !== url && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(others, []);
    assert.deepEqual(errors, []);
  });
  await context.close();
});

test('index.html from file:// says on the page why it cannot start and to open lede.html', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await page.waitForSelector('#overlay.error', { timeout: 10000 });
  assert.equal(await page.isVisible('#overlay'), true);
  assert.match(await page.textContent('#overlay-text'), /must be served over http.*Open lede\.html instead/s);
  await context.close();
});
