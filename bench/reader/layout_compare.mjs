// Does a change to the fonts (or anything drawn) move the page? Loads two sites' default article
// at scale 1 and 2 (1280x800), waits for the suggestions and the settled page, and compares what
// window.lede reports: the rectangle of every drawn line of the article (their count and heights
// say whether the line breaks are the same; their widths how far the text moved) and of every
// named interface item. Writes the screenshots to OUT (default /tmp/lede-layout) to look at.
//   node bench/reader/layout_compare.mjs SITE_A SITE_B [OUT]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, startServer, until, untilIdle, waitReady } from '../../tests/e2e/harness.mjs';

const [a, b] = [process.argv[2], process.argv[3]];
const out = process.argv[4] || '/tmp/lede-layout';
if (!a || !b) throw new Error('usage: node bench/reader/layout_compare.mjs SITE_A SITE_B [OUT]');
mkdirSync(out, { recursive: true });
const browser = await launch();
async function layout(root, scale) {
  const server = await startServer(root);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitReady(page);
  await until(page, (s) => s.annotations.length > 0, 'suggestions', 60000);
  // settled: no frame drawn for 300 ms (the full atlas follows the suggestions)
  await untilIdle(page, 300);
  const s = await page.evaluate(() => window.lede.state());
  const rects = await page.evaluate((n) => window.lede.rects(0, n), s.article.text.length);
  const png = await page.screenshot();
  await context.close();
  await server.stop();
  return { ui: s.ui, rects, png };
}
for (const scale of [1, 2]) {
  const A = await layout(a, scale), B = await layout(b, scale);
  writeFileSync(join(out, `a-${scale}.png`), A.png);
  writeFileSync(join(out, `b-${scale}.png`), B.png);
  let dmax = 0, otherY = 0, otherW = 0;
  for (let i = 0; i < Math.min(A.rects.length, B.rects.length); i++) {
    const p = A.rects[i], q = B.rects[i];
    dmax = Math.max(dmax, Math.abs(p.x - q.x), Math.abs(p.w - q.w));
    if (p.y !== q.y) otherY++;
    if (Math.abs(p.w - q.w) > 0.01) otherW++;
  }
  console.log(`scale ${scale}: article lines ${A.rects.length} and ${B.rects.length}; at another height ${otherY}; ` +
    `another width ${otherW}, by at most ${dmax.toFixed(3)} px`);
  let moved = 0, umax = 0;
  for (const [k, p] of Object.entries(A.ui)) {
    const q = B.ui[k];
    const d = q ? Math.max(...['x', 'y', 'w', 'h'].map((f) => Math.abs(p[f] - q[f]))) : Infinity;
    if (q) umax = Math.max(umax, d);
    if (d > 0.5) {
      moved++;
      console.log(`  ${k}: ${JSON.stringify(p)} against ${JSON.stringify(q)}`);
    }
  }
  console.log(`  interface items ${Object.keys(A.ui).length} and ${Object.keys(B.ui).length}; moved ${moved}, by at most ${umax.toFixed(1)} px`);
}
await browser.close();
