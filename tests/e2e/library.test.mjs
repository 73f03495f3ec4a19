// The library: every article opened stays in the browser with its work; the Library view opens,
// renames, deletes (to a trash that restores) and searches them; tabs, a closed tab, a killed
// browser, a second tab and a browser that refuses to store never lose the reader's work.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { choose, cleanup, clickUi, dragSelect, find, launch, mine, openReader, startServer, state, tempFile, until, waitReady,
  withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const harbour = 'Harbour vote\n\nThe council of Tromsø voted on Tuesday to rebuild the old lighthouse.\n\n' +
  'The mayor said the work would cost around 4 million kroner.\n';
const mill = 'Mill closes\n\nThe paper mill in Kemi will close next year, the company said.\n';

async function dismissNotice(page) {
  await until(page, (s) => s.notice !== null, 'a notice');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.notice === null, 'notice closed');
}

async function markFirst(page, needle, key = '1') {
  const at = await find(page, needle);
  await dragSelect(page, at.start, at.end);
  await page.keyboard.press(key);
  return until(page, (s) => mine(s).some((a) => a.text === needle), `“${needle}” marked`);
}

test('every article opened is kept; the Library view opens, renames, trashes, restores and searches', async () => {
  const { page } = await openReader(browser, server.url);
  await withScreenshots('library-view', () => [page], async () => {
    const a = tempFile('harbour.txt', harbour), b = tempFile('mill.txt', mill);
    await choose(page, 'Control+o', a);
    await until(page, (s) => s.article.title === 'harbour', 'first article');
    await choose(page, 'Control+o', b);
    let s = await until(page, (s) => s.article.title === 'mill' && s.library.length === 2, 'second article beside the first');
    cleanup(a);
    cleanup(b);
    assert.deepEqual(s.tabs.map((t) => t.title), ['harbour', 'mill']);
    await markFirst(page, 'Kemi');
    s = await until(page, (s) => s.autosave.saved && s.library.find((e) => e.title === 'mill').annotations === 1, 'stored');

    // The Library view: search reaches the text of an article that is not shown.
    await page.keyboard.press('Control+Shift+L');
    await until(page, (s) => s.libraryOpen && s.ui['library:search'], 'library open');
    await page.keyboard.type('lighthouse');
    const harbourId = s.library.find((e) => e.title === 'harbour').id;
    await clickUi(page, `library:hit:${harbourId}`, 'the search hit');
    s = await until(page, (s) => s.article.title === 'harbour' && !s.libraryOpen, 'the hit opens its article');

    // Rename.
    await page.keyboard.press('Control+Shift+L');
    await clickUi(page, `library:rename:${harbourId}`);
    await until(page, (s) => s.ui[`library:rename-field:${harbourId}`], 'rename field');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Tromso lighthouse');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.library.some((e) => e.title === 'Tromso lighthouse'), 'renamed');
    assert.equal(s.article.title, 'Tromso lighthouse');
    await until(page, (s) => s.autosave.saved, 'the new title stored');

    // Delete goes to the trash, which restores it with its work.
    const millId = s.library.find((e) => e.title === 'mill').id;
    await clickUi(page, `library:delete:${millId}`);
    s = await until(page, (s) => s.library.length === 1 && s.tabs.length === 1, 'moved to the trash and its tab closed');
    await clickUi(page, 'library:trash');
    await clickUi(page, `library:restore:${millId}`);
    s = await until(page, (s) => s.library.length === 2, 'restored from the trash');
    await clickUi(page, `library:open:${millId}`);
    s = await until(page, (s) => s.article.title === 'mill' && mine(s).length === 1, 'reopened with its annotation');

    // After a reload the same tabs come back, the one shown last on top (which tab is shown is
    // stored a moment after it changes).
    await page.waitForTimeout(300);
    await page.reload();
    await waitReady(page);
    s = await until(page, (s) => s.tabs.length === 2 && s.article.title === 'mill' && mine(s).length === 1, 'tabs restored');
    assert.deepEqual(s.tabs.map((t) => t.title).sort(), ['Tromso lighthouse', 'mill']);
    assert.equal(s.library.length, 2);
  });
});

test('the reading position comes back with the article', async () => {
  const { page } = await openReader(browser, server.url);
  await withScreenshots('library-position', () => [page], async () => {
    const long = 'A long report\n\n' + Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the long report says the port handled ${i * 7} ships.`).join('\n\n');
    const f = tempFile('long-report.txt', long);
    await choose(page, 'Control+o', f);
    await until(page, (s) => s.article.title === 'long-report' && s.autosave.saved, 'stored');
    cleanup(f);
    await page.mouse.move(400, 400);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 600);
    const s0 = await until(page, (s) => s.scroll.top > 1000, 'scrolled down');
    await page.waitForTimeout(1200);  // the position is stored at most twice a second
    await page.reload();
    await waitReady(page);
    const s1 = await until(page, (s) => s.article.title === 'long-report' && s.scroll.top > 0, 'reopened scrolled');
    assert.ok(Math.abs(s1.scroll.top - s0.scroll.top) < 120, `position ${s0.scroll.top} -> ${s1.scroll.top}`);
  });
});

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (this.name === 'articles') throw new DOMException('quota', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
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

test('the library exports to one file and imports into another browser; a bad file changes nothing', async () => {
  const first = await openReader(browser, server.url);
  const second = await openReader(browser, server.url);
  await withScreenshots('library-export', () => [first.page, second.page], async () => {
    const { page } = first;
    const f = tempFile('harbour.txt', harbour);
    await choose(page, 'Control+o', f);
    await until(page, (s) => s.article.title === 'harbour', 'opened');
    cleanup(f);
    await markFirst(page, 'Tromsø');
    await until(page, (s) => s.autosave.saved && s.library.length === 1, 'stored');
    await page.keyboard.press('Control+Shift+L');
    const [download] = await Promise.all([page.waitForEvent('download'), clickUi(page, 'library:export')]);
    assert.match(download.suggestedFilename(), /^lede-library-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.format, 'lede-library');
    assert.equal(exported.articles.length, 1);

    // A damaged copy is refused whole, naming what is wrong; the library stays as it was.
    const other = second.page;
    const damaged = structuredClone(exported);
    damaged.articles[0].file.annotations[0].end = 1e6;
    const bad = tempFile('damaged-library.json', JSON.stringify(damaged));
    await other.keyboard.press('Control+Shift+L');
    let [fc] = await Promise.all([other.waitForEvent('filechooser'), clickUi(other, 'library:import')]);
    await fc.setFiles(bad);
    let s = await until(other, (s) => s.notice, 'refused');
    assert.match(s.notice.title, /Could not import damaged-library\.json/);
    assert.match(s.notice.text, /articles\[0\]\.file: .*annotations\[0\]\.end/);
    assert.equal(s.library.length, 0);
    await dismissNotice(other);
    cleanup(bad);

    // The good one brings the article and its work.
    const good = tempFile('library.json', JSON.stringify(exported));
    [fc] = await Promise.all([other.waitForEvent('filechooser'), clickUi(other, 'library:import')]);
    await fc.setFiles(good);
    s = await until(other, (s) => s.library.length === 1 && /Imported library\.json: 1 new/.test(s.status), 'imported');
    await clickUi(other, `library:open:${s.library[0].id}`);
    s = await until(other, (s) => s.article.title === 'harbour' && mine(s).length === 1, 'the imported article opens with its work');
    assert.equal(mine(s)[0].text, 'Tromsø');
    cleanup(good);
  });
  await first.context.close();
  await second.context.close();
});
