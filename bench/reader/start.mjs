// What a reader downloads and waits for when the page opens (issue 16), next to the figures before:
// the size of each part of the site (raw and gzip, as tools/serve.mjs sends it: zopfli's precompressed
// file, else gzip -9), the bytes of a
// first load, and the start broken into its steps (median of N loads): cold (a fresh profile, no
// cache) and warm (the same profile again, the service worker answering from its cache).
//   node bench/reader/start.mjs [N]        (needs the web build: ./dev.sh build; N defaults to 7)
//   LEDE_BEFORE_SITE=DIR node bench/reader/start.mjs [N]
//     also loads an earlier build's site (e.g. main's build-web/site, copied aside), cold and warm,
//     alternating with this one, so both meet the same machine load: the ratios then compare like with like.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, site, startServer } from '../../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] || 7);
// Measured before issue 16's work, on the same machine (2 cores, headless Chromium, SwiftShader).
// firstFrameMs: the median of 7 cold loads in README.md then; the issue saw medians from 1240 to 1630.
const BEFORE = { transferKiB: 1183, wasmRaw: 3.0 * 1024 * 1024, firstFrameMs: 1570, firstFrameRange: '1240-1630', suggestionsMs: 2100, atlasMs: 400 };

const kib = (n) => (n / 1024).toFixed(1);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
// As tools/serve.mjs sends a file: the build's precompressed FILE.gz (zopfli) when present, else gzip -9.
const served = (p, buf) => { try { return readFileSync(join(site, `${p}.gz`)).length; } catch { return gz(buf); } };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

// ---- sizes ----------------------------------------------------------------------------------------
console.log(`sizes (${site})`);
const parts = ['index.html', 'start.js', 'boot.js', 'style.css', 'lede.js', 'lede.wasm', 'sw.js', 'icon.svg', 'manifest.webmanifest', 'lede.html'];
const sizes = {};
for (const p of parts) {
  const buf = readFileSync(join(site, p));
  sizes[p] = { raw: buf.length, gzip: served(p, buf) };
  console.log(`  ${p.padEnd(22)} ${kib(buf.length).padStart(8)} KiB raw ${kib(sizes[p].gzip).padStart(8)} KiB gzip`);
}
// The fonts and the model are inside lede.wasm: their share of it.
const embed = join(site, '..', 'embed', 'fonts');
for (const f of ['Inter-Regular.otf', 'CharisSIL-Regular.ttf', 'CharisSIL-Bold.ttf']) {
  try {
    const buf = readFileSync(join(embed, f));
    console.log(`  (in lede.wasm) ${f.padEnd(22)} ${kib(buf.length).padStart(8)} KiB raw ${kib(gz(buf)).padStart(8)} KiB gzip`);
  } catch { /* another build layout */ }
}
try {
  const bin = readFileSync(join(site, '..', 'generated', 'assets', 'model', 'ner.bin'));
  console.log(`  (in lede.wasm) ${'model/ner.bin'.padEnd(22)} ${kib(bin.length).padStart(8)} KiB raw ${kib(gz(bin)).padStart(8)} KiB gzip`);
} catch { /* no analysis */ }
console.log(`  lede.wasm: ${(sizes['lede.wasm'].raw / BEFORE.wasmRaw).toFixed(2)}x the size before (${(BEFORE.wasmRaw / 1048576).toFixed(1)} MiB)`);

// ---- loads -----------------------------------------------------------------------------------------
const STEPS = [  // [name, from mark (the first a load has), to mark]; 'navigationStart' is 0
  ['previous page (reloads)', 'responded', 'unloaded'], ['page until start.js runs', 'navigationStart', 'start'],  // builds before start.js have no 'start'
  ['page until boot.js runs', 'navigationStart', 'boot'], ['WebGL 2 context (beside)', 'boot', 'webgl'], ['fetch', ['start', 'boot'], 'fetched'], ['compile', 'fetched', 'compiled'], ['instantiate', 'compiled', 'instantiated'],
  ['runtime start', 'instantiated', 'main'], ['open the article', 'main', 'article'], ['until the first frame', 'article', 'frame-start'],
  ['font atlas', 'frame-start', 'font-atlas'], ['GL set-up (shaders)', 'font-atlas', 'gl-setup'],
  ['layout', 'gl-setup', 'layout'], ['draw', 'layout', 'firstFrame'],
  ['lexicons and model', 'firstFrame', 'lexicons'], ['analysis', 'lexicons', 'analysis'],
];
const server = await startServer();
const beforeSite = process.env.LEDE_BEFORE_SITE;
const beforeServer = beforeSite ? await startServer(beforeSite) : null;
// The floor: a blank page whose one script marks 'boot', served and loaded the same way. Every page
// pays this (a new browser context, navigation, the HTML, one script) before its own code runs.
const blankDir = mkdtempSync(join(tmpdir(), 'lede-blank-'));
writeFileSync(join(blankDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><script src="b.js"></script></body></html>');
writeFileSync(join(blankDir, 'b.js'), "performance.mark('lede:boot');");
const blankServer = await startServer(blankDir);
const browser = await launch();

// The marks, and when a reload's previous page let go: its unload event comes after the new page's
// response, once the previous page's current work is done ('previous page' below).
const timingOf = (page) => page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return { ...window.lede.timing(), responded: n.responseEnd, unloaded: n.unloadEventStart || undefined };
});
async function load(page, url = server.url) {
  await page.goto(url);
  await page.waitForFunction(() => window.lede && window.lede.timing().analysis, null, { timeout: 60000 });
  return timingOf(page);
}
// Before a warm load: the worker is active and the page has finished what follows its start (the
// full atlas, the worker's install). Reloaded at once, the new page waited for the old one to let
// go, which made warm loads look slower than a later visit is (bench/README.md, session 14).
const settle = (page) => page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready).then(() => page.waitForTimeout(1500));
// The gzip bytes of the page's responses; the returned function waits for every header read.
function countBytes(page) {
  const pending = [];
  page.on('response', (r) => {
    if (r.request().serviceWorker()) return;  // the worker's own install fetches
    pending.push(r.allHeaders().then((h) => Number(h['content-length'] || 0), () => 0));
  });
  return async () => (await Promise.all(pending)).reduce((a, b) => a + b, 0);
}
const cold = [], warm = [], beforeCold = [], beforeWarm = [], blank = [];
let transferred = 0, beforeTransferred = 0;
for (let i = 0; i < runs; i++) {
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(blankServer.url);
    blank.push(await page.evaluate(() => performance.getEntriesByName('lede:boot')[0].startTime));
    await context.close();
  }
  if (beforeServer) {  // the earlier build: it marks only its first frame
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const bytesOf = countBytes(page);
    await page.goto(beforeServer.url);
    await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 60000 });
    await page.waitForFunction(() => window.lede.timing().analysis, null, { timeout: 60000 }).catch(() => {});
    beforeCold.push(await page.evaluate(() => window.lede.timing()));
    await page.waitForTimeout(200);
    beforeTransferred = await bytesOf();
    // Warm, as for this build below (builds without a service worker are reloaded from the HTTP cache).
    await settle(page);
    await page.goto(beforeServer.url);
    await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 60000 });
    await page.waitForFunction(() => window.lede.timing().analysis, null, { timeout: 60000 }).catch(() => {});
    beforeWarm.push(await timingOf(page));
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bytesOf = countBytes(page);
  cold.push(await load(page));
  await page.waitForTimeout(200);
  transferred = await bytesOf();
  // Warm: the worker has cached this build; reload through it.
  await settle(page);
  warm.push(await load(page));
  await context.close();
}
await browser.close();
await server.stop();
await blankServer.stop();
rmSync(blankDir, { recursive: true, force: true });
if (beforeServer) await beforeServer.stop();

function report(name, ts) {
  console.log(`\n${name} loads (median of ${ts.length}, ms)`);
  for (const [step, a, b] of STEPS) {
    const from = (t) => (a === 'navigationStart' ? 0 : [a].flat().map((m) => t[m]).find((x) => x !== undefined));
    const d = ts.map((t) => t[b] - from(t)).filter((x) => Number.isFinite(x));
    if (d.length) console.log(`  ${step.padEnd(24)} ${median(d).toFixed(0).padStart(6)}  (fastest ${Math.min(...d).toFixed(0)})`);
  }
  const ff = median(ts.map((t) => t.firstFrame)), sug = median(ts.map((t) => t.analysis).filter((x) => Number.isFinite(x)));
  console.log(`  ${'first article frame'.padEnd(24)} ${ff.toFixed(0).padStart(6)}   (before: ${BEFORE.firstFrameRange}; now/before ${(ff / BEFORE.firstFrameMs).toFixed(2)})`);
  console.log(`  ${'suggestions ready'.padEnd(24)} ${sug.toFixed(0).padStart(6)}   (before: about ${BEFORE.suggestionsMs}; now/before ${(sug / BEFORE.suggestionsMs).toFixed(2)})`);
  const atlas = median(ts.map((t) => t['font-atlas'] - t['frame-start']));
  if (name === 'cold') console.log(`  font atlas ${atlas.toFixed(0)} ms (before: about ${BEFORE.atlasMs}; now/before ${(atlas / BEFORE.atlasMs).toFixed(2)})`);
}
console.log(`\nfirst load: ${kib(transferred)} KiB (${transferred} bytes) transferred (gzip)   (before: ${BEFORE.transferKiB} KiB; ${(transferred / 1024 / BEFORE.transferKiB).toFixed(2)}x)`);
console.log(`\nblank page, navigation to its script (the floor every page pays here): median ${median(blank).toFixed(0)} ms, fastest ${Math.min(...blank).toFixed(0)}`);
report('cold', cold);
report('warm', warm);
if (beforeServer) {
  report('cold, the earlier build', beforeCold);
  report('warm, the earlier build', beforeWarm);
  const a = median(cold.map((t) => t.firstFrame)), b = median(beforeCold.map((t) => t.firstFrame));
  const fa = Math.min(...cold.map((t) => t.firstFrame)), fb = Math.min(...beforeCold.map((t) => t.firstFrame));
  console.log(`\nthe same runs, alternating with ${beforeSite}:`);
  console.log(`  first load ${transferred} vs ${beforeTransferred} bytes (${(transferred / beforeTransferred).toFixed(2)}x)`);
  console.log(`  first article frame, cold: ${a.toFixed(0)} ms vs ${b.toFixed(0)} ms (${(a / b).toFixed(2)}x); fastest ${fa.toFixed(0)} vs ${fb.toFixed(0)} ms (${(fa / fb).toFixed(2)}x)`);
  const wa = median(warm.map((t) => t.firstFrame)), wb = median(beforeWarm.map((t) => t.firstFrame));
  const wfa = Math.min(...warm.map((t) => t.firstFrame)), wfb = Math.min(...beforeWarm.map((t) => t.firstFrame));
  console.log(`  first article frame, warm: ${wa.toFixed(0)} ms vs ${wb.toFixed(0)} ms (${(wa / wb).toFixed(2)}x); fastest ${wfa.toFixed(0)} vs ${wfb.toFixed(0)} ms (${(wfa / wfb).toFixed(2)}x)`);
}
