// Autosave stores what changed (issue 16, "Lean memory"): after the article's whole file, each
// change goes to the browser's store as a journal entry without the text, folded into a new whole
// file now and then. What comes back after a reload is exactly the work as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { markFirst, mine, workOf, openReader, launch, startServer, until, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the work comes back exactly after many stored changes and a reload', async () => {
  const { page, context } = await openReader(browser, server.url);
  await markFirst(page, 'Belgorod');
  let s = await until(page, (x) => x.autosave.saved, 'stored');
  const whole = s.autosave.wholeStores;
  await page.keyboard.press('Escape');
  await markFirst(page, 'Japan', '3');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');  // the first annotation's card
  await page.keyboard.press('a');    // accepted
  await page.keyboard.press('Tab');
  await page.keyboard.press('r');    // rejected
  s = await until(page, (x) => x.autosave.saved && x.annotations.some((a) => a.status === 'rejected'), 'accepted and rejected, stored');
  assert.ok(s.autosave.journalStores >= 3, `changes after the first went to the journal (${s.autosave.journalStores})`);
  assert.equal(s.autosave.wholeStores, whole, 'and not as whole files');
  // Undo and redo, each a change of its own, until the journal is folded into a new whole file.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+z');
    await page.waitForTimeout(30);
  }
  await page.keyboard.press('Control+z');  // ends on the reject undone
  s = await until(page, (x) => x.autosave.saved && !x.annotations.some((a) => a.status === 'rejected') && x.undo >= 3, 'undone and stored');
  assert.ok(s.autosave.wholeStores > whole, 'a long journal is folded into a whole file');
  // Stored after the fold: the journal holds the last changes again.
  await page.keyboard.press('Escape');
  await markFirst(page, 'Pyongyang', '3');
  s = await until(page, (x) => x.autosave.saved, 'stored');
  const before = workOf(s);
  assert.equal(mine(s).length, 4);

  await page.reload();
  await waitReady(page);
  const back = await until(page, (x) => mine(x).length === 4, 'restored');
  assert.deepEqual(workOf(back), before);
  assert.match(back.toast, /Restored your work/);
  await context.close();
});
