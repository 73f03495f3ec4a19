// Measures what a reader waits for: time from navigation to the first drawn article frame, and
// the bytes transferred (gzip, as served by tools/serve.mjs). Fresh profile each run, no cache.
//   node tools/measure-load.mjs [RUNS]     (needs the web build and tests/e2e/node_modules)
import { launch, startServer } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] || 5);
const server = await startServer();
const browser = await launch();
const times = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let transferred = 0;
  page.on('response', async (r) => {
    const h = await r.allHeaders();
    transferred += Number(h['content-length'] || 0);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 30000 });
  times.push(await page.evaluate(() => window.lede.timing().firstFrame));
  await page.waitForTimeout(300);
  bytes = transferred;
  await context.close();
}
await browser.close();
server.stop();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first article frame: median ${median.toFixed(0)} ms over ${runs} cold loads (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)})`);
console.log(`transferred: ${(bytes / 1024).toFixed(0)} KiB (gzip) for the first load`);
