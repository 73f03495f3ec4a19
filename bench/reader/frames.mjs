// Frame CPU time of the reader on a long article, in headless Chromium (issue: long articles stay
// smooth). Opens a ~1 MB article built from the repository's own news passages, lets the analysis
// suggest its highlights, then measures every drawn frame while scrolling with the wheel and while
// dragging a selection down the page (which auto-scrolls).
//   node bench/reader/frames.mjs [SIZE_MB] [--graph]   (needs the web build: ./dev.sh build)
//   --graph: only the changes without the graph and the "graph open" rows (issue 15); LEDE_SITE=DIR
//   measures another build (the one before, for a comparison in the same run).
import { launch, openReader, startServer, cleanup } from '../../tests/e2e/harness.mjs';
import { longArticle } from './long_article.mjs';

const sizeMb = Number(process.argv[2] || 1);
const graphOnly = process.argv.includes('--graph');
const file = longArticle(sizeMb);

const server = await startServer();
const browser = await launch();
const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 900 } });
const t0 = Date.now();
const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
await fc.setFiles(file);
await page.waitForFunction(() => window.lede.state().article.title === 'long-article', null, { timeout: 120000, polling: 500 });
const openMs = Date.now() - t0;
const info = await page.evaluate(() => {
  const s = window.lede.state();
  return { bytes: new TextEncoder().encode(s.article.text).length, highlights: s.annotations.length, page: s.page };
});

const stats = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  return { frames: v.length, median: q(0.5), p99: q(0.99), max: v[v.length - 1] };
};
async function measure(name, body) {
  await page.waitForTimeout(300);
  const from = await page.evaluate(() => window.lede.frameCount());
  await body();
  await page.waitForTimeout(200);
  const times = await page.evaluate((f) => window.lede.frameTimes(f), from);
  const s = stats(times);
  console.log(`${name.padEnd(22)} frames ${String(s.frames).padStart(4)}  median ${s.median.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`);
  return s;
}

const cx = info.page.x + info.page.w / 2, cy = info.page.y + info.page.h / 2;
console.log(`article: ${(info.bytes / 1048576).toFixed(2)} MB, ${info.highlights} highlights (suggestions), opened and analysed in ${openMs} ms`);
await page.mouse.move(cx, cy);
const skip = async (name) => { console.log(`${name.padEnd(22)} (left out: --graph)`); return null; };
const scroll = graphOnly ? await skip('scrolling (wheel)') : await measure('scrolling (wheel)', async () => {
  for (let i = 0; i < 300; i++) { await page.mouse.wheel(0, 90); await page.waitForTimeout(8); }
});
const jump = graphOnly ? await skip('scrolling (PgDn, End)') : await measure('scrolling (PgDn, End)', async () => {
  for (let i = 0; i < 60; i++) { await page.keyboard.press('PageDown'); await page.waitForTimeout(8); }
  await page.keyboard.press('End');
});
await page.keyboard.press('Home');
const drag = graphOnly ? await skip('dragging a selection') : await measure('dragging a selection', async () => {
  await page.mouse.move(info.page.x + 200, info.page.y + 120);
  await page.mouse.down();
  for (let i = 0; i < 300; i++) {
    // Down the page and into the bottom edge, where the view auto-scrolls.
    const y = Math.min(info.page.y + info.page.h - 5, info.page.y + 120 + i * 3);
    await page.mouse.move(info.page.x + 200 + (i % 40) * 8, y);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
});
// A word marked as an actor (double-click, 1), for the undo / redo rows to change: the middle of
// the page may be a blank between paragraphs, so lower lines are tried until the mark is made.
const marks = () => page.evaluate(() => window.lede.memory().article.mine);
async function markWord() {
  const before = await marks();
  for (let k = 0; k < 40; k++) {
    await page.mouse.dblclick(cx, cy + k * 9);
    await page.keyboard.press('1');
    await page.waitForTimeout(100);
    if (await marks() > before) return;
  }
  throw new Error('could not mark a word for the changes rows');
}
const stores = () => page.evaluate(() => window.lede.memory().autosave.journalStores);
// Changes with the graph closed, for comparison: each change is stored and the panels rebuilt.
await markWord();
let stored = await stores();
const plainChange = await measure('changes (no graph)', async () => {
  for (let i = 0; i < 40; i++) { await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+z'); await page.waitForTimeout(30); }
});
console.log(`${''.padEnd(22)} (${(await stores()) - stored} changes stored)`);
// The Graph tab open (issue 15): scrolling beside it, hovering it, and changes that rebuild it
// (each undo or redo is a change: the graph and its layout are rebuilt on the next frame).
const tab = await page.evaluate(() => window.lede.state().ui['tab:Graph']);
await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
await page.waitForTimeout(500);
await page.keyboard.press('Home');
await page.mouse.move(cx, cy);
const graphScroll = await measure('graph open, scrolling', async () => {
  for (let i = 0; i < 200; i++) { await page.mouse.wheel(0, 90); await page.waitForTimeout(8); }
});
const canvas = await page.evaluate(() => window.lede.state().ui['graph:canvas']);
const graphHover = await measure('graph open, hovering', async () => {
  for (let i = 0; i < 200; i++) {
    await page.mouse.move(canvas.x + 10 + ((i * 37) % (canvas.w - 20)), canvas.y + 10 + ((i * 53) % (canvas.h - 20)));
    await page.waitForTimeout(8);
  }
});
// "Accepted only" on and off: each toggle rebuilds the graph (and lays it out when what is drawn
// changed) without a change to the session, so nothing is stored: the graph's own share of a frame.
const only = await page.evaluate(() => window.lede.state().ui['graph:accepted-only']);
const graphRebuild = await measure('graph open, rebuilds', async () => {
  for (let i = 0; i < 20; i++) { await page.mouse.click(only.x + 8, only.y + only.h / 2); await page.waitForTimeout(60); }
});
await page.mouse.move(cx, cy);
await markWord();
stored = await stores();
const graphChange = await measure('graph open, changes', async () => {
  for (let i = 0; i < 40; i++) { await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+z'); await page.waitForTimeout(30); }
});
console.log(`${''.padEnd(22)} (${(await stores()) - stored} changes stored)`);
await browser.close();
server.stop();
cleanup(file);
const all = [scroll, jump, drag, plainChange, graphScroll, graphHover, graphRebuild, graphChange].filter(Boolean);
console.log(`goal: median <= 4 ms, p99 <= 16 ms -> ${all.every((s) => s.median <= 4 && s.p99 <= 16) ? 'met' : 'NOT met'}`);
