// Paths that used to lose a reader's work: two tabs of the reader taking the library from each
// other, a tab closed with work neither stored nor saved, a note being typed when another article
// is dropped or shown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cleanup, clickUi, dismissNotice, fullStoreContext, launch, markFirst, mine, openReader, startServer, state, tempFile, until, waitReady,
  withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const texts = (s) => mine(s).map((a) => a.text).sort();

async function drop(page, name, text) {
  await page.evaluate(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/plain' }));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

test('two tabs: taking over adds this tab\u2019s changes to what the other stored, and closing the writer hands over', async () => {
  const { page, context } = await openReader(browser, server.url);
  const other = await context.newPage();
  let third = null;
  await withScreenshots('lostwork-two-tabs', () => [page, other, third].filter((p) => p && !p.isClosed()), async () => {
    await markFirst(page, 'Kharkiv');
    await until(page, (s) => s.autosave.saved, 'the first tab stored');
    await other.goto(server.url);
    await waitReady(other);
    await until(other, (s) => s.autosave.writer === false && s.notice, 'the second tab is told');
    await dismissNotice(other);
    await until(other, (s) => mine(s).length === 1, 'it shows the stored work');
    // Stored by the first tab after the second one read the library.
    await markFirst(page, 'Belgorod');
    await until(page, (s) => s.autosave.saved && mine(s).length === 2, 'the first tab stored its second change');
    // Made in the second tab, which does not write.
    await markFirst(other, 'Pyongyang');
    assert.equal((await state(other)).autosave.saved, false);

    // Taking over writes the second tab's change on top of the first tab's, not its old copy over them.
    await clickUi(other, 'status:take-over');
    let s = await until(other, (s) => s.autosave.writer && s.autosave.saved && mine(s).length === 3, 'taken over with both tabs\u2019 work');
    assert.deepEqual(texts(s), ['Belgorod', 'Kharkiv', 'Pyongyang']);
    await until(page, (s) => s.autosave.writer === false && s.notice, 'the first tab is told');
    await dismissNotice(page);

    // A change in the tab that no longer writes; then the writing tab closes: the first tab
    // writes again by itself, with the work of both.
    await page.keyboard.press('Escape');  // the card of the last mark
    await markFirst(page, 'Japan', '3');
    await other.close();
    s = await until(page, (s) => s.autosave.writer && s.autosave.saved && mine(s).length === 4, 'the first tab writes again', 10000);
    assert.deepEqual(texts(s), ['Belgorod', 'Japan', 'Kharkiv', 'Pyongyang']);
    third = await context.newPage();
    await third.goto(server.url);
    await waitReady(third);
    s = await until(third, (s) => mine(s).length === 4, 'the library holds all of it');
    assert.deepEqual(texts(s), ['Belgorod', 'Japan', 'Kharkiv', 'Pyongyang']);
  });
  await context.close();
});

// Closes the page as a reader does (the browser asks the page first); true if it asked to stay.
async function closeAsks(page) {
  const asked = new Promise((resolve) => {
    page.once('dialog', async (d) => { resolve(d.type() === 'beforeunload'); await d.dismiss(); });
    page.once('close', () => resolve(false));
  });
  await page.close({ runBeforeUnload: true });
  return asked;
}

test('closing a tab with work neither stored nor saved to a file asks first; stored work closes at once', async () => {
  const { page, context } = await openReader(browser, server.url);
  await withScreenshots('lostwork-close-stored', () => [page], async () => {
    await markFirst(page, 'Kharkiv');
    await until(page, (s) => s.autosave.saved, 'stored');
    assert.equal(await closeAsks(page), false);
  });
  await context.close();

  const full = await fullStoreContext(browser);
  const p = await full.newPage();
  await withScreenshots('lostwork-close-full', () => [p].filter((x) => !x.isClosed()), async () => {
    await p.goto(server.url);
    await waitReady(p);
    await markFirst(p, 'Kharkiv');
    await until(p, (s) => s.notice && s.autosave.storageError, 'told that the store is full');
    await dismissNotice(p);
    assert.equal(await closeAsks(p), true, 'the browser asks before the work is thrown away');
    assert.equal(p.isClosed(), false);
    // Saved to a file, it closes without asking.
    await Promise.all([p.waitForEvent('download'), p.keyboard.press('Control+s')]);
    await until(p, (s) => s.autosave.savedToFile, 'saved to a file');
    assert.equal(await closeAsks(p), false);
  });
  await full.close();
});

test('a note being typed is kept when another article is dropped, or another tab of the reader is shown', async () => {
  const { page, context } = await openReader(browser, server.url);
  await withScreenshots('lostwork-note', () => [page], async () => {
    let s = await markFirst(page, 'Kharkiv');
    const id = mine(s)[0].id;
    assert.equal(s.active, id, 'its card is open');
    await page.keyboard.press('n');
    await page.keyboard.type('Seen on the map');
    await until(page, (s) => s.focus.textInput, 'typing in the note');
    // Dropped while the note is being typed: the article opens beside the other.
    await drop(page, 'second.txt', 'A second article about Oslo.\n');
    s = await until(page, (s) => s.article.title === 'second', 'the dropped article is shown');
    await clickUi(page, 'articletab:0');
    s = await until(page, (s) => s.annotations.some((a) => a.id === id && a.note === 'Seen on the map'), 'the note was kept');
    assert.ok(s.undo >= 2, 'as a change of its own');

    // The same with a click on another tab of the reader while typing.
    s = await markFirst(page, 'Belgorod');
    const next = s.active;
    assert.equal(mine(s).find((a) => a.text === 'Belgorod').id, next);
    await page.keyboard.press('n');
    await page.keyboard.type('Check the date');
    await until(page, (s) => s.focus.textInput, 'typing in the note');
    await clickUi(page, 'articletab:1');
    await until(page, (s) => s.article.title === 'second', 'the other tab is shown');
    await clickUi(page, 'articletab:0');
    s = await until(page, (s) => s.annotations.some((a) => a.id === next && a.note === 'Check the date'), 'that note was kept too');
    await until(page, (s) => s.autosave.saved, 'and stored');

    // Ctrl+S while typing saves what is typed.
    s = await markFirst(page, 'Pyongyang');
    const third = s.active;
    await page.keyboard.press('n');
    await page.keyboard.type('Saved while typing');
    await until(page, (s) => s.focus.textInput, 'typing in the note');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.annotations.find((a) => a.id === third).note, 'Saved while typing');
  });
  await context.close();
});

// Esc leaves the search field, then closes the Library.
async function closeLibrary(page) {
  for (let i = 0; i < 4 && (await state(page)).libraryOpen; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  await until(page, (s) => !s.libraryOpen, 'the library closed');
}

test('importing a newer version of an open article is undone with Ctrl+Z, giving the work back', async () => {
  const { page, context } = await openReader(browser, server.url);
  await withScreenshots('lostwork-import', () => [page], async () => {
    await markFirst(page, 'Kharkiv');
    await until(page, (s) => s.autosave.saved, 'stored');
    await page.keyboard.press('Control+Shift+L');
    const [download] = await Promise.all([page.waitForEvent('download'), clickUi(page, 'library:export')]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    await closeLibrary(page);
    // A newer version of the article from elsewhere: the same mark, with a note.
    const theirs = exported.articles[0];
    theirs.meta.updated = '2099-01-01T00:00:00Z';
    const kharkiv = theirs.file.annotations.find((a) => a.status === 'accepted' || a.origin === 'user');
    kharkiv.note = 'from the other browser';
    // Meanwhile the reader works on.
    await markFirst(page, 'Belgorod');
    await until(page, (s) => s.autosave.saved && mine(s).length === 2, 'stored');
    const file = tempFile('newer-library.json', JSON.stringify(exported));
    await page.keyboard.press('Control+Shift+L');
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), clickUi(page, 'library:import')]);
    await fc.setFiles(file);
    let s = await until(page, (s) => /Imported newer-library\.json: 0 new, 1 updated/.test(s.status), 'imported');
    s = await until(page, (s) => mine(s).length === 1 && mine(s)[0].note === 'from the other browser', 'the newer version is shown');
    cleanup(file);
    await closeLibrary(page);
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => mine(s).length === 2, 'Ctrl+Z gives the reader\u2019s version back');
    assert.deepEqual(texts(s), ['Belgorod', 'Kharkiv']);
    assert.equal(mine(s).find((a) => a.text === 'Kharkiv').note || '', '');
    await until(page, (s) => s.autosave.saved, 'and stores it');
  });
  await context.close();
});

test('keys typed in a note stay in it: A, R, digits, Delete and Ctrl+Z do not reach the article', async () => {
  const { page, context } = await openReader(browser, server.url);
  await withScreenshots('lostwork-note-keys', () => [page], async () => {
    let s = await markFirst(page, 'Kharkiv');
    const id = s.active;
    const undoBefore = s.undo;
    await page.keyboard.press('n');
    await page.keyboard.type('Rated A 1 R 2');
    await until(page, (s) => s.focus.textInput, 'typing in the note');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+z');  // the field's own undo
    await page.keyboard.type(' ok');
    s = await state(page);
    const an = s.annotations.find((a) => a.id === id);
    assert.ok(an, 'the annotation is still there');
    assert.equal(an.label, 'actor');
    assert.equal(an.status, 'accepted');
    assert.equal(s.undo, undoBefore, 'nothing reached the article\u2019s undo');
    assert.equal(s.active, id);
    await page.keyboard.press('Control+Enter');
    s = await until(page, (s) => /ok$/.test(s.annotations.find((a) => a.id === id).note || ''), 'the note kept');
    assert.equal(s.undo, undoBefore + 1);
  });
  await context.close();
});
