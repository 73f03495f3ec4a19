// The start of the page (issue 16): the module compiles while the rest of the page loads, it is
// downloaded once, and the first frame, drawn with a small font atlas that holds only what it
// shows, looks as the page does once the full atlas is in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, menu, pixels, startServer, until, untilIdle, waitReady, withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('lede.wasm compiles while the stylesheet is still loading, and is downloaded once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const wasmRequests = [];
  page.on('request', (r) => { if (r.url().endsWith('/lede.wasm') && !r.serviceWorker()) wasmRequests.push(r.url()); });
  // The stylesheet is held back until the module has compiled: the compile must not wait for it.
  let compiledFirst = false;
  await context.route('**/style.css', async (route) => {
    for (let i = 0; i < 600 && !compiledFirst; i++) {
      await new Promise((r) => setTimeout(r, 50));
      compiledFirst = await page.evaluate(() => performance.getEntriesByName('lede:compiled').length > 0).catch(() => false);
    }
    await route.continue();
  });
  await withScreenshots('start-compile', () => [page], async () => {
    await page.goto(server.url, { waitUntil: 'commit' });  // the load event waits for the stylesheet
    await waitReady(page);
    assert.ok(compiledFirst, 'the module compiled before the stylesheet arrived');
    const t = await page.evaluate(() => window.lede.timing());
    assert.ok(t.start < t.fetched && t.fetched < t.compiled && t.start < t.boot, `start ${t.start}, fetched ${t.fetched}, compiled ${t.compiled}, boot.js ${t.boot}`);
    const s = await until(page, (s) => s.article.text.length > 1000 && s.ui['page:title'], 'the article drawn');
    assert.match(s.article.title, /\S/);
    assert.equal(wasmRequests.length, 1, `lede.wasm requested ${wasmRequests.length} times`);
  });
  await context.close();
});

// boot.js is downloaded with the module (not after start.js has run, at low priority), and the
// service worker, whose install downloads every file again, is registered only once the
// suggestions are drawn: offline support still comes, after the start.
test('boot.js is fetched with the module, and offline support is set up after the suggestions', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => { window.swRegisteredAt = performance.now(); return register(...args); };
  });
  const page = await context.newPage();
  await withScreenshots('start-order', () => [page], async () => {
    await page.goto(server.url);
    await waitReady(page);
    await until(page, (s) => s.annotations.length > 0, 'suggestions', 20000);
    await page.waitForFunction(() => window.swRegisteredAt !== undefined, null, { timeout: 20000 });
    const r = await page.evaluate(() => ({
      timing: window.lede.timing(),
      sw: window.swRegisteredAt,
      bootFetch: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/boot.js')).fetchStart,
    }));
    assert.ok(r.bootFetch < r.timing.start, `boot.js fetched at ${r.bootFetch} ms, start.js ran at ${r.timing.start} ms`);
    assert.ok(r.sw > r.timing.analysis && r.sw > r.timing.firstFrame, `service worker registered at ${r.sw} ms, suggestions at ${r.timing.analysis} ms`);
    await page.evaluate(() => navigator.serviceWorker.ready);
  });
  await context.close();
});

// The canvas as the first frame left it: read when boot.js hides the loading overlay, which it
// does right after that frame is drawn, in the same task (the drawing buffer is still there).
function keepFirstFrame() {
  new MutationObserver((_, observer) => {
    const overlay = document.getElementById('overlay');
    if (!overlay || !overlay.hidden) return;
    observer.disconnect();
    window.firstFramePng = document.getElementById('canvas').toDataURL('image/png');
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

for (const scale of [1, 2]) {
  test(`the first frame draws the headline as the finished page does (scale ${scale})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale });
    await context.addInitScript(keepFirstFrame);
    const page = await context.newPage();
    await withScreenshots(`start-first-frame-${scale}`, () => [page], async () => {
      await page.goto(server.url);
      await waitReady(page);
      // The suggestions, then the full atlas a frame later; then the page is idle.
      await until(page, (s) => s.annotations.length > 0, 'suggestions', 20000);
      await untilIdle(page, 150);
      const s = await page.evaluate(() => window.lede.state());
      const r = s.ui['page:title'];
      assert.ok(r && r.w > 50, 'the headline is drawn');
      // The headline's device pixels in the first frame and on the page now.
      const css = { x: Math.floor(r.x), y: Math.floor(r.y), width: Math.ceil(r.w), height: Math.ceil(r.h) };
      const box = [css.x, css.y, css.width, css.height].map((v) => v * scale);
      const first = await page.evaluate(async ([x, y, w, h]) => {
        if (!window.firstFramePng) return null;
        const img = new Image();
        img.src = window.firstFramePng;
        await img.decode();
        const g = new OffscreenCanvas(w, h).getContext('2d');
        g.drawImage(img, -x, -y);
        const bytes = g.getImageData(0, 0, w, h).data;
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(bin);
      }, box);
      assert.ok(first, 'the first frame was read');
      const before = Buffer.from(first, 'base64');
      const now = await pixels(browser, await page.screenshot({ clip: css }));
      assert.equal(now.width, box[2]);
      // A glyph missing from the first atlas would be drawn as another (the fallback) and change
      // dozens of pixels.
      let differ = 0, inked = 0;
      for (let y = 0; y < box[3]; y++) {
        for (let x = 0; x < box[2]; x++) {
          const a = [...before.subarray((y * box[2] + x) * 4, (y * box[2] + x) * 4 + 3)], b = now(x, y);
          if (Math.max(...a.map((v, i) => Math.abs(v - b[i]))) > 8) differ++;
          if (a[0] < 128) inked++;
        }
      }
      assert.ok(inked > 200 * scale * scale, `the first frame shows the headline (${inked} dark pixels)`);
      assert.equal(differ, 0, `${differ} pixels of the headline differ between the first frame and the finished page`);
    });
    await context.close();
  });
}

// The fonts, NOTICE and the default article are compiled into the module (no file system in the
// page): each is found where the reader uses it.
test('the compiled-in files are there: the article, its headline in the title face, the credits in Help > About', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await withScreenshots('start-page-files', () => [page], async () => {
    await page.goto(server.url);
    await waitReady(page);
    const s = await until(page, (s) => s.article.text.length > 1000 && s.ui['page:title'], 'the article drawn');
    // ImGui's built-in font (what the reader falls back to without its fonts) is 13 px high.
    assert.ok(s.ui['page:title'].h > 24, `the headline is ${s.ui['page:title'].h} px high`);
    await menu(page, 'Help', 'About');
    const about = await until(page, (s) => s.ui['about:notice'], 'the notice in About');
    assert.ok(about.ui['about:notice'].h > 100, 'the attribution notices fill several lines');
  });
  await context.close();
});
