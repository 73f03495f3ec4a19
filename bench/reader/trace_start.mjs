// Where the page's main thread works or waits from navigation to the first article frame: one
// cold load traced (Chrome's trace through CDP), each step between the 'lede:*' marks given as
// wall time, the main thread's CPU time in it, and the Wasm functions V8 compiled lazily in it
// (each function is compiled on its first call, on the main thread). On a loaded machine the wall
// time is mostly waiting for a core; the CPU time is the work.
//   node bench/reader/trace_start.mjs [SITE [TRACE.json]]   (SITE defaults to build-web/site)
import { writeFileSync } from 'node:fs';
import { launch, site as defaultSite, startServer } from '../../tests/e2e/harness.mjs';

const root = process.argv[2] || defaultSite;
const server = await startServer(root);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', {
  traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8', 'v8.wasm', 'loading', 'toplevel'] },
  transferMode: 'ReportEvents',
});
await page.goto(server.url);
await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 60000 });
await cdp.send('Tracing.end');
await done;
await browser.close();
await server.stop();
if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(events));

const at = (name) => events.find((e) => e.name === `lede:${name}` && e.ph !== 'X');
const boot = at('boot');
const nav = events.filter((e) => e.name === 'navigationStart' && e.pid === boot.pid && e.ts <= boot.ts).pop();
const marks = [['navigation', nav.ts]];
for (const n of ['start', 'fetched', 'compiled', 'boot', 'webgl', 'instantiated', 'main', 'article', 'frame-start', 'font-atlas', 'gl-setup', 'layout']) {
  const e = at(n);
  if (e) marks.push([n, e.ts]);
}
marks.sort((a, b) => a[1] - b[1]);
const main = events.filter((e) => e.pid === boot.pid && e.tid === boot.tid && e.ph === 'X' && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const top = [];
let end = 0;
for (const e of main) if (e.ts >= end) { top.push(e); end = e.ts + e.dur; }
const cpu = (a, b) => top.reduce((s, e) => {
  const lo = Math.max(a, e.ts), hi = Math.min(b, e.ts + e.dur);
  return hi > lo ? s + (e.tdur || 0) * (hi - lo) / e.dur : s;
}, 0);
const lazy = main.filter((e) => e.name === 'wasm.CompileLazy');
const ms = (us) => (us / 1000).toFixed(0).padStart(5);
console.log(`${root}\nstep (from the mark before)        wall   main-thread CPU   lazily compiled: functions, CPU`);
for (let i = 1; i < marks.length; i++) {
  const [a, b] = [marks[i - 1][1], marks[i][1]];
  const l = lazy.filter((e) => e.ts >= a && e.ts < b);
  console.log(`  ${marks[i][0].padEnd(30)} ${ms(b - a)}  ${ms(cpu(a, b))}        ${String(l.length).padStart(5)} ${ms(l.reduce((s, e) => s + (e.tdur || 0), 0))}`);
}
const last = marks[marks.length - 1][1];
console.log(`  until 'layout': wall ${ms(last - nav.ts)}, main-thread CPU ${ms(cpu(nav.ts, last))}`);
