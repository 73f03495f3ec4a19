// A change cut short in the browser's store (issue 16, "Lean memory"): restoring reads the stored
// file and its journal (autosave's changes) one entry at a time; an entry that cannot be read is
// left out and said, every change before it comes back, and the next change stores the whole file.
// Its own file: autosave.test.mjs alone takes about half of ctest's 300 s on a loaded machine.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dismissNotice, markFirst, mine, workOf, openReader, launch, startServer, until, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a change cut short in the store: the changes before it come back, the reader is told, the store heals', async () => {
  const { page, context } = await openReader(browser, server.url);
  await markFirst(page, 'Belgorod');
  await until(page, (x) => x.autosave.saved, 'stored');
  await page.keyboard.press('Escape');
  await markFirst(page, 'Japan', '3');
  let s = await until(page, (x) => x.autosave.saved && x.autosave.journalStores >= 1, 'second change stored in the journal');
  const kept = workOf(s);
  await page.keyboard.press('Escape');
  await markFirst(page, 'Pyongyang', '3');
  const entries = s.autosave.journalStores;
  s = await until(page, (x) => x.autosave.saved && mine(x).length === 3, 'third change stored');
  assert.equal(s.autosave.journalStores, entries + 1, 'as a journal entry');
  // The browser stopped while writing the last change: only the first half of its entry is stored.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('lede');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('journal', 'readwrite');
      const last = tx.objectStore('journal').openCursor(null, 'prev');
      last.onsuccess = () => {
        const c = last.result;
        c.update({ ...c.value, entry: c.value.entry.slice(0, c.value.entry.length >> 1) });
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await waitReady(page);
  const back = await until(page, (x) => x.notice !== null && mine(x).length === 2, 'restored, with a notice');
  assert.deepEqual(workOf(back), kept, 'every change before the cut one is back');
  assert.match(back.notice.title, /could not be restored/);
  assert.match(back.notice.text, /journal\[\d+\]: a change stored in the browser could not be read/);
  // The next change stores the whole file again: after another reload nothing is missing or said.
  await dismissNotice(page);
  await markFirst(page, 'Pyongyang', '3');
  s = await until(page, (x) => x.autosave.saved && mine(x).length === 3, 'marked again and stored');
  const now = workOf(s);
  await page.reload();
  await waitReady(page);
  const again = await until(page, (x) => mine(x).length === 3, 'restored again');
  assert.deepEqual(workOf(again), now);
  assert.equal(again.notice, null);
  await context.close();
});
