// The library: every article opened stays in the browser with its work; the Library view opens,
// renames, deletes (to a trash that restores), searches, exports and imports them; the tabs and the
// reading position come back. (library-safety.test.mjs: nothing is lost when things go wrong.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { choose, cleanup, clickUi, dismissNotice, launch, markFirst, mine, openReader, startServer, tempFile, until, waitReady,
  withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const harbour = 'Harbour vote\n\nThe council of Tromsø voted on Tuesday to rebuild the old lighthouse.\n\n' +
  'The mayor said the work would cost around 4 million kroner.\n';
const mill = 'Mill closes\n\nThe paper mill in Kemi will close next year, the company said.\n';

test('every article opened is kept; the Library view opens, renames, trashes, restores and searches', async () => {
  const { page } = await openReader(browser, server.url);
  await withScreenshots('library-view', () => [page], async () => {
    const a = tempFile('harbour.txt', harbour), b = tempFile('mill.txt', mill);
    await choose(page, 'Control+o', a);
    await until(page, (s) => s.article.title === 'Harbour vote', 'first article');
    await choose(page, 'Control+o', b);
    let s = await until(page, (s) => s.article.title === 'Mill closes' && s.library.length === 2, 'second article beside the first');
    cleanup(a);
    cleanup(b);
    assert.deepEqual(s.tabs.map((t) => t.title), ['Harbour vote', 'Mill closes']);
    await markFirst(page, 'Kemi');
    s = await until(page, (s) => s.autosave.saved && s.library.find((e) => e.title === 'Mill closes').annotations === 1, 'stored');

    // The Library view: search reaches the text of an article that is not shown.
    await page.keyboard.press('Control+Shift+L');
    await until(page, (s) => s.libraryOpen && s.ui['library:search'], 'library open');
    await page.keyboard.type('lighthouse');
    const harbourId = s.library.find((e) => e.title === 'Harbour vote').id;
    await clickUi(page, `library:hit:${harbourId}`, 'the search hit');
    s = await until(page, (s) => s.article.title === 'Harbour vote' && !s.libraryOpen, 'the hit opens its article');

    // Rename.
    await page.keyboard.press('Control+Shift+L');
    await clickUi(page, `library:rename:${harbourId}`);
    await until(page, (s) => s.ui[`library:rename-field:${harbourId}`], 'rename field');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Tromso lighthouse');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.library.some((e) => e.title === 'Tromso lighthouse'), 'renamed');
    assert.equal(s.article.title, 'Tromso lighthouse');
    assert.equal(await page.title(), 'Lede \u2014 Tromso lighthouse');
    // A rename of an open article is a change like any other: Ctrl+Z names it back, Ctrl+Shift+Z again.
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.libraryOpen, 'library closed');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => s.article.title === 'Harbour vote' && s.library.some((e) => e.title === 'Harbour vote'), 'rename undone');
    assert.equal(await page.title(), 'Lede \u2014 Harbour vote');
    await page.keyboard.press('Control+Shift+z');
    s = await until(page, (s) => s.article.title === 'Tromso lighthouse' && s.library.some((e) => e.title === 'Tromso lighthouse'), 'rename redone');
    await until(page, (s) => s.autosave.saved, 'the new title stored');
    await page.keyboard.press('Control+Shift+L');
    await until(page, (s) => s.libraryOpen, 'library open again');

    // Delete goes to the trash, which restores it with its work.
    const millId = s.library.find((e) => e.title === 'Mill closes').id;
    await clickUi(page, `library:delete:${millId}`);
    s = await until(page, (s) => s.library.length === 1 && s.tabs.length === 1, 'moved to the trash and its tab closed');
    await clickUi(page, 'library:trash');
    await clickUi(page, `library:restore:${millId}`);
    s = await until(page, (s) => s.library.length === 2, 'restored from the trash');
    await clickUi(page, `library:open:${millId}`);
    s = await until(page, (s) => s.article.title === 'Mill closes' && mine(s).length === 1, 'reopened with its annotation');

    // After a reload the same tabs come back, the one shown last on top (which tab is shown is
    // stored a moment after it changes).
    await page.waitForTimeout(300);
    await page.reload();
    await waitReady(page);
    s = await until(page, (s) => s.tabs.length === 2 && s.article.title === 'Mill closes' && mine(s).length === 1, 'tabs restored');
    assert.deepEqual(s.tabs.map((t) => t.title).sort(), ['Mill closes', 'Tromso lighthouse']);
    assert.equal(s.library.length, 2);
  });
});

test('the reading position comes back with the article', async () => {
  const { page } = await openReader(browser, server.url);
  await withScreenshots('library-position', () => [page], async () => {
    const long = 'A long report\n\n' + Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the long report says the port handled ${i * 7} ships.`).join('\n\n');
    const f = tempFile('long-report.txt', long);
    await choose(page, 'Control+o', f);
    await until(page, (s) => s.article.title === 'A long report' && s.autosave.saved, 'stored');
    cleanup(f);
    await page.mouse.move(400, 400);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 600);
    const s0 = await until(page, (s) => s.scroll.top > 1000, 'scrolled down');
    await page.waitForTimeout(1200);  // the position is stored at most twice a second
    await page.reload();
    await waitReady(page);
    const s1 = await until(page, (s) => s.article.title === 'A long report' && s.scroll.top > 0, 'reopened scrolled');
    assert.ok(Math.abs(s1.scroll.top - s0.scroll.top) < 120, `position ${s0.scroll.top} -> ${s1.scroll.top}`);
  });
});

test('the library exports to one file and imports into another browser; a bad file changes nothing', async () => {
  const first = await openReader(browser, server.url);
  const second = await openReader(browser, server.url);
  await withScreenshots('library-export', () => [first.page, second.page], async () => {
    const { page } = first;
    const f = tempFile('harbour.txt', harbour);
    await choose(page, 'Control+o', f);
    await until(page, (s) => s.article.title === 'Harbour vote', 'opened');
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
    s = await until(other, (s) => s.article.title === 'Harbour vote' && mine(s).length === 1, 'the imported article opens with its work');
    assert.equal(mine(s)[0].text, 'Tromsø');
    cleanup(good);
  });
  await first.context.close();
  await second.context.close();
});
