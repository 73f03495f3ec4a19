// Nothing the reader made is lost when things go wrong: a tab closed or a browser killed right after
// a change, a second tab on the same library, a browser that refuses to store or is full.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { clickUi, dismissNotice, fullStoreContext, launch, markFirst, mine, openReader, startServer, state, until, waitReady,
  withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a tab closed 100 ms after a change loses nothing', async () => {
  const { page, context } = await openReader(browser, server.url);
  await markFirst(page, 'Belgorod');
  await page.waitForTimeout(100);
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url);
  await waitReady(again);
  const s = await until(again, (s) => mine(s).length === 1, 'restored');
  assert.equal(mine(s)[0].text, 'Belgorod');
  assert.match(s.toast, /Restored your work on “dprk-missiles-un”/);
  assert.equal(s.autosave.savedToFile, false);
  await context.close();
});

test('a browser killed 100 ms after a change loses nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lede-profile-'));
  const args = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const open = () => chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args,
    viewport: { width: 1280, height: 800 } });
  try {
    let context = await open();
    let page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);
    await markFirst(page, 'Kharkiv');
    await page.waitForTimeout(100);
    // Killed without a chance to clean up: every process of that profile.
    for (const line of execSync('ps -eo pid=,args=').toString().split('\n'))
      if (line.includes(dir)) try { process.kill(Number(line.trim().split(' ')[0]), 'SIGKILL'); } catch { /* gone */ }
    await context.close().catch(() => {});
    context = await open();
    page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);
    const s = await until(page, (s) => mine(s).length === 1, 'restored after the kill', 10000);
    assert.equal(mine(s)[0].text, 'Kharkiv');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});

test('a second tab does not overwrite the first: it says so, and can take over', async () => {
  const { page, context } = await openReader(browser, server.url);
  const other = await context.newPage();
  await withScreenshots('library-two-tabs', () => [page, other], async () => {
    await markFirst(page, 'Kharkiv');
    await until(page, (s) => s.autosave.saved, 'first tab stored');
    await other.goto(server.url);
    await waitReady(other);
    let s = await until(other, (s) => s.autosave.writer === false && s.notice, 'the second tab is told');
    assert.match(s.notice.title, /open in another tab/);
    await dismissNotice(other);
    s = await until(other, (s) => mine(s).length === 1, 'it shows the stored work');
    // The first tab keeps writing; the second one's change is not stored over it.
    await markFirst(page, 'Belgorod');
    await until(page, (s) => s.autosave.saved && mine(s).length === 2, 'the first tab stores its second change');
    await markFirst(other, 'Pyongyang');
    s = await state(other);
    assert.equal(s.autosave.saved, false);

    // Taking over: the second tab writes (its work now), the first one is told.
    await clickUi(other, 'status:take-over');
    s = await until(other, (s) => s.autosave.writer && s.autosave.saved, 'the second tab took over and stored');
    s = await until(page, (s) => s.autosave.writer === false && s.notice, 'the first tab is told');
    assert.match(s.notice.title, /open in another tab/);
  });
  await context.close();
});

test('a browser that refuses to store: the reader says so at once and until the work is in a file', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  const page = await context.newPage();
  await withScreenshots('library-blocked', () => [page], async () => {
    await page.goto(server.url);
    await waitReady(page);
    let s = await until(page, (s) => s.notice, 'told at once');
    assert.match(s.notice.title, /not being kept in this browser/);
    assert.match(s.notice.text, /private window|storage turned off/);
    await dismissNotice(page);
    await markFirst(page, 'Kharkiv');
    s = await state(page);
    assert.equal(s.autosave.saved, false);
    assert.ok(s.autosave.storageError);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.match(download.suggestedFilename(), /\.lede\.json$/);
    s = await until(page, (s) => s.autosave.savedToFile, 'saved to a file');
  });
  await context.close();
});

test('a full store is reported, and the work stays open', async () => {
  const context = await fullStoreContext(browser);
  const page = await context.newPage();
  await withScreenshots('library-full', () => [page], async () => {
    await page.goto(server.url);
    await waitReady(page);
    await markFirst(page, 'Kharkiv');
    const s = await until(page, (s) => s.notice && s.autosave.storageError, 'told that the store is full');
    assert.match(s.autosave.storageError, /full/);
    assert.equal(mine(s).length, 1);
  });
  await context.close();
});
