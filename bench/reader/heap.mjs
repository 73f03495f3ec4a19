// The reader's WebAssembly heap with a long article (issue 16, "Lean memory"), in headless
// Chromium: opens a ~1 MB article built from the repository's own news passages, waits for its
// suggestions and for autosave, makes two changes (each stored by autosave), then saves with
// Ctrl+S, reloads the page (which restores the article from the browser's store: its file and
// journal), and finally opens the saved file with Ctrl+O in a fresh page. After each step it prints the Wasm heap's size (it only grows, so this is the peak so
// far), what malloc holds and its peak, and the bytes autosave handed to the browser's store.
//   node bench/reader/heap.mjs [SIZE_MB]        (needs the web build: ./dev.sh build)
//   LEDE_SITE=DIR node bench/reader/heap.mjs    (another build's site, e.g. the one before)
// Polls window.lede.memory(), never state(): state() of a large article is a large JSON of its
// own, which would grow the heap being measured.
import { readFileSync, statSync } from 'node:fs';
import { launch, openReader, startServer, cleanup, site, tempFile } from '../../tests/e2e/harness.mjs';
import { longArticle } from './long_article.mjs';

const sizeMb = Number(process.argv[2] || 1);
const file = longArticle(sizeMb);
const mb = (n) => (n / 1048576).toFixed(1);

const server = await startServer(site);
const browser = await launch();
let { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 900 } });
const memory = () => page.evaluate(() => window.lede.memory());
async function until(fn, timeout = 180000) {
  const t0 = Date.now();
  for (;;) {
    const m = await memory();
    if (fn(m)) return m;
    if (Date.now() - t0 > timeout) throw new Error('timed out: ' + JSON.stringify(m));
    await page.waitForTimeout(250);
  }
}
const rows = [];
function row(step, m, extra = '') {
  rows.push({ step, heap: m.heap, peak: m.peak });
  console.log(`${step.padEnd(34)} heap ${mb(m.heap).padStart(6)} MiB  malloc ${mb(m.used).padStart(6)} MiB (peak ${mb(m.peak).padStart(6)}, top ${mb(m.top).padStart(5)})  stored ${String(m.autosave.bytesStored).padStart(9)} B ${extra}`);
}

row('page open (default article)', await until((m) => m.article.annotations > 0));
const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
await fc.setFiles(file);
let m = await until((x) => x.article.title === 'long-article' && x.article.annotations > 0 && x.autosave.saved);
row('1 MB article open, suggested', m, `(${m.article.length} code points, ${m.article.annotations} suggestions)`);
// Two changes through the keyboard: Tab opens the next suggestion's card, A accepts it.
for (let i = 0; i < 2; i++) {
  const before = m.autosave.bytesStored;
  await page.keyboard.press('Tab');
  await page.keyboard.press('a');
  m = await until((x) => x.autosave.saved && x.article.mine > i);
  row(`change ${i + 1}, autosaved`, m, `(+${m.autosave.bytesStored - before} B)`);
}
const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
const saved = statSync(await download.path()).size;
// Under its own name: the page tells a .lede.json from an article by it.
const savedFile = tempFile(download.suggestedFilename(), readFileSync(await download.path()));
m = await until((x) => x.autosave.savedToFile);
row('saved with Ctrl+S', m, `(file ${mb(saved)} MiB)`);
const peak = Math.max(...rows.map((r) => r.heap));
// The same article restored from the browser's store after a reload: the stored file and the
// journal of the two changes (the heap starts afresh with the page).
await page.reload();
await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 60000 });
m = await until((x) => x.article.title === 'long-article' && x.article.mine === 2);
row('restored after a reload', m);
const restored = m.heap;
// The saved file opened with Ctrl+O in a fresh page (its own browser store, nothing restored).
({ page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 900 } }));
row('fresh page (default article)', await until((x) => x.article.annotations > 0));
const [fc2] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
await fc2.setFiles(savedFile);
m = await until((x) => x.article.title === 'long-article' && x.article.mine === 2);
row('saved file opened with Ctrl+O', m);
const opened = m.heap;
const verdict = (n) => `${n <= 64 * 1048576 ? 'met' : 'NOT met'} (${mb(n)} MiB)`;
console.log(`goal: Wasm heap <= 64 MiB during and after save -> ${verdict(peak)}; restore -> ${verdict(restored)}; open of the saved file -> ${verdict(opened)}`);
await browser.close();
await server.stop();
cleanup(file);
cleanup(savedFile);
