// Where the page's main thread works or waits from navigation to the suggestions: loads traced
// (Chrome's trace through CDP), each step between the 'lede:*' marks given as wall time, the main
// thread's CPU time in it and the Wasm functions V8 compiled lazily in it (each function is
// compiled on its first call, on the main thread). On a loaded machine the wall time is mostly
// waiting for a core; the CPU time is the work, and the figure to compare builds by.
//   node bench/reader/trace_start.mjs [SITE [TRACE.json]]   (SITE defaults to build-web/site)
//   LEDE_TRACE_RUNS=N     N loads (default 1), each step's median
//   LEDE_TRACE_WARM=1     warm loads: each traced load is a reload served by the service worker
//                         (the page loaded once before, the worker ready and 1.5 s given to settle)
//   LEDE_BEFORE_SITE=DIR  also an earlier build's site, its loads taking turns with SITE's
import { writeFileSync } from 'node:fs';
import { launch, site as defaultSite, startServer } from '../../tests/e2e/harness.mjs';

const root = process.argv[2] || defaultSite;
const runs = Number(process.env.LEDE_TRACE_RUNS || 1);
const warm = process.env.LEDE_TRACE_WARM === '1';
const sites = [root, process.env.LEDE_BEFORE_SITE].filter(Boolean);
const servers = [];
for (const s of sites) servers.push(await startServer(s));
const browser = await launch();
const MARKS = ['start', 'fetched', 'compiled', 'boot', 'webgl', 'instantiated', 'main', 'article', 'frame-start', 'font-atlas', 'gl-setup', 'layout', 'lexicons', 'analysis'];

async function traceLoad(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (warm) {
    await page.goto(url);
    await page.waitForFunction(() => window.lede && window.lede.timing().analysis, null, { timeout: 60000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1500);
  }
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8', 'v8.wasm', 'loading', 'toplevel'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await page.waitForFunction(() => window.lede && window.lede.timing().analysis, null, { timeout: 60000 });
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  return events;
}

// Each step: [name, wall us, main-thread CPU us, lazily compiled functions, their CPU us].
function steps(events) {
  const boot = events.filter((e) => e.name === 'lede:boot' && e.ph !== 'X').pop();
  const at = (name) => events.filter((e) => e.name === `lede:${name}` && e.ph !== 'X' && e.pid === boot.pid).pop();
  const nav = events.filter((e) => e.name === 'navigationStart' && e.pid === boot.pid && e.ts <= boot.ts).pop();
  const marks = [['navigation', nav.ts]];
  for (const n of MARKS) {
    const e = at(n);
    if (e && e.ts >= nav.ts) marks.push([n, e.ts]);
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
  const out = [];
  for (let i = 1; i < marks.length; i++) {
    const [a, b] = [marks[i - 1][1], marks[i][1]];
    const l = lazy.filter((e) => e.ts >= a && e.ts < b);
    out.push([marks[i][0], b - a, cpu(a, b), l.length, l.reduce((s, e) => s + (e.tdur || 0), 0)]);
  }
  const layout = marks.find((m) => m[0] === 'layout'), last = marks[marks.length - 1];
  if (layout) out.push(["until 'layout' (first frame)", layout[1] - nav.ts, cpu(nav.ts, layout[1]), lazy.filter((e) => e.ts < layout[1]).length, 0]);
  out.push([`until '${last[0]}'`, last[1] - nav.ts, cpu(nav.ts, last[1]), lazy.length, 0]);
  return out;
}

const results = sites.map(() => []);
for (let r = 0; r < runs; r++) {
  for (let s = 0; s < sites.length; s++) {
    // A trace now and then lacks the navigation's own events (dropped under load): load again.
    for (let attempt = 0; ; attempt++) {
      const events = await traceLoad(servers[s].url);
      if (r === 0 && s === 0 && process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(events));
      try {
        results[s].push(steps(events));
        break;
      } catch (err) {
        if (attempt === 2) throw err;
        process.stderr.write(`(an incomplete trace: ${err.message}; again)\n`);
      }
    }
  }
}
await browser.close();
for (const s of servers) await s.stop();

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length ? v[Math.floor(v.length / 2)] : NaN; };
const ms = (us) => (us / 1000).toFixed(0).padStart(5);
for (let s = 0; s < sites.length; s++) {
  console.log(`${sites[s]}: ${warm ? 'warm' : 'cold'} loads, median of ${runs}`);
  console.log('step (from the mark before)        wall   main-thread CPU   lazily compiled: functions, CPU');
  const names = results[s][0].map((x) => x[0]);
  for (const name of names) {
    const rows = results[s].map((steps) => steps.find((x) => x[0] === name)).filter(Boolean);
    const col = (k) => median(rows.map((x) => x[k]));
    console.log(`  ${name.padEnd(30)} ${ms(col(1))}  ${ms(col(2))}        ${String(col(3)).padStart(5)} ${ms(col(4))}`);
  }
}
