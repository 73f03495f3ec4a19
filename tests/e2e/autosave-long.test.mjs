// Autosave of a long article stores what changed (issue 16, "Lean memory"): a change goes to the
// browser's store as a journal entry of a few hundred bytes, not as the article's file with its
// text (the page state counts the bytes it hands to the store); a reload gives the work back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cleanup, mine, workOf, openReader, launch, repo, startServer, tempFile, until, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a change to a long article stores the change, not the article', async () => {
  const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8').repeat(40);  // about 125 KB
  const file = tempFile('long-read.txt', text);
  const { page, context } = await openReader(browser, server.url);
  try {
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await fc.setFiles(file);
    let s = await until(page, (x) => x.article.title === 'long-read' && x.annotations.length > 1000 && x.autosave.saved, 'opened and stored', 60000);
    const bytes = Buffer.byteLength(s.article.text);
    assert.ok(bytes > 100000);
    for (let i = 1; i <= 2; i++) {
      const before = s.autosave.bytesStored;
      await page.keyboard.press('Tab');
      await page.keyboard.press('a');
      s = await until(page, (x) => x.autosave.saved && mine(x).length === i, `change ${i} stored`, 30000);
      const written = s.autosave.bytesStored - before;
      assert.ok(written > 0 && written < 4096, `change ${i}: ${written} bytes stored for a ${bytes}-byte article`);
    }
    const accepted = workOf(s);
    await page.reload();
    await waitReady(page);
    const back = await until(page, (x) => x.article.title === 'long-read' && mine(x).length === 2, 'restored', 60000);
    assert.deepEqual(workOf(back), accepted);
  } finally {
    await context.close();
    cleanup(file);
  }
});
