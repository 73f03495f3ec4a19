// Where the page's change frames go (issue 15 item 5): opens the 1 MB article frames.mjs opens,
// marks a word as an actor, then samples the main thread (CDP Profiler, 100 us) while 40 undos and
// redos are made, as frames.mjs's "changes" rows do, with the Graph tab closed or open. Prints the
// frames' median and p99 (window.lede.frameTimes) and the functions with the most samples,
// self and inclusive. Wasm function names need a build linked with --profiling-funcs (see
// bench/README.md, "Change frames: the profile"); without them V8 shows wasm-function[N].
//   node bench/reader/profile_changes.mjs [--graph] [SIZE_MB]   (LEDE_SITE=DIR for another build)
import { writeFileSync } from 'node:fs';
import { launch, openReader, startServer, cleanup } from '../../tests/e2e/harness.mjs';
import { longArticle } from './long_article.mjs';

const graph = process.argv.includes('--graph');
const sizeMb = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) || 1);
const file = longArticle(sizeMb);
const server = await startServer();
const browser = await launch();
const { context, page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 900 } });
const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
await fc.setFiles(file);
await page.waitForFunction(() => window.lede.state().article.title === 'long-article', null, { timeout: 120000, polling: 500 });
const info = await page.evaluate(() => window.lede.state().page);
const cx = info.x + info.w / 2, cy = info.y + info.h / 2;
if (graph) {
  const tab = await page.evaluate(() => window.lede.state().ui['tab:Graph']);
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForTimeout(500);
}
// A word marked as an actor (double-click, 1), as frames.mjs does, for the undos and redos to change.
const marks = () => page.evaluate(() => window.lede.memory().article.mine);
const before = await marks();
for (let k = 0; k < 40 && (await marks()) === before; k++) {
  await page.mouse.dblclick(cx, cy + k * 9);
  await page.keyboard.press('1');
  await page.waitForTimeout(100);
}
if ((await marks()) === before) throw new Error('could not mark a word');
await page.waitForTimeout(300);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const from = await page.evaluate(() => window.lede.frameCount());
await cdp.send('Profiler.start');
for (let i = 0; i < 40; i++) { await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+z'); await page.waitForTimeout(30); }
await page.waitForTimeout(200);
const { profile } = await cdp.send('Profiler.stop');
const times = (await page.evaluate((f) => window.lede.frameTimes(f), from)).sort((a, b) => a - b);
await browser.close();
await server.stop();
cleanup(file);
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`${graph ? 'graph open' : 'graph closed'}: ${times.length} frames, median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
// Samples per function: self, and inclusive (once per sample however deep the recursion).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map(), incl = new Map();
const nameOf = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;  // ms until the next sample
  let n = byId.get(profile.samples[i]);
  const name = nameOf(n);
  if (name === '(idle)' || name === '(program)') continue;
  total += dt;
  self.set(name, (self.get(name) || 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const nm = nameOf(byId.get(id));
    if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + dt); }
  }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`busy ${total.toFixed(1)} ms over 40 changes (${(total / 40).toFixed(2)} ms a change)`);
console.log('inclusive ms (per change)            self ms (per change)');
const a = top(incl, 40), b = top(self, 40);
for (let i = 0; i < 40; i++) {
  const l = a[i] ? `${(a[i][1] / 40).toFixed(2).padStart(6)} ${a[i][0].slice(0, 44).padEnd(44)}` : ''.padEnd(51);
  const r = b[i] ? `${(b[i][1] / 40).toFixed(2).padStart(6)} ${b[i][0].slice(0, 44)}` : '';
  console.log(`${l}  ${r}`);
}
