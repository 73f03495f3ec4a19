// Reading the default article: it is drawn, sized for the screen, and scrolls by wheel and keys.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distinctColours, launch, mine, openReader, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the default article opens and is drawn', async () => {
  const { page, errors, requests } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('reading-default', () => pages, async () => {
    // the analysis adds its suggestions a frame after the article is drawn
    const s = await until(page, (s) => s.analysisReady && s.annotations.length > 0, 'suggestions', 30000);
    assert.equal(s.article.title, 'dprk-missiles-un');
    assert.equal(s.article.length, 3057);  // code points, not the file's 3077 bytes
    assert.ok(s.article.text.startsWith('North Korea has rejected the allegations'));
    assert.deepEqual(mine(s), []);
    assert.ok(s.annotations.every((a) => a.origin === 'auto' && a.status === 'suggested'));
    assert.equal(await page.isVisible('#overlay'), false, 'the loading indicator is gone');

    const colours = await distinctColours(browser, await page.screenshot());
    assert.ok(colours > 20, `the screenshot is not blank (${colours} colours)`);

    // state() is read-only: changing what it returns changes nothing.
    const count = s.annotations.length;
    await page.evaluate(() => { const s = window.lede.state(); s.article.title = 'x'; s.annotations.push({}); });
    assert.equal((await state(page)).article.title, 'dprk-missiles-un');
    assert.equal((await state(page)).annotations.length, count);

    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
    assert.deepEqual(errors, []);
  });
});

test('the page forbids other origins and fills the window at any pixel ratio', async () => {
  const { page, context } = await openReader(browser, server.url, { deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
  pages.push(page);
  await withScreenshots('reading-hidpi', () => pages, async () => {
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /default-src 'self'/);
    let size = await page.$eval('#canvas', (c) => [c.width, c.height, c.clientWidth, c.clientHeight]);
    assert.deepEqual(size, [1800, 1400, 900, 700]);
    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 1400);
    size = await page.$eval('#canvas', (c) => [c.width, c.height]);
    assert.deepEqual(size, [1400, 1000]);
    // A fetch to another origin is refused by the policy.
    const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => false, () => true));
    assert.equal(blocked, true);
    const colours = await distinctColours(browser, await page.screenshot());
    assert.ok(colours > 20);
  });
  await context.close();
});

test('wheel, keyboard and scrollbar scroll the article', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1000, height: 500 } });
  pages.push(page);
  await withScreenshots('reading-scroll', () => pages, async () => {
    assert.equal((await state(page)).scroll.y, 0);
    await page.mouse.move(500, 250);
    await page.mouse.wheel(0, 300);
    const s1 = await until(page, (s) => s.scroll.y > 100, 'wheel scroll');
    await page.keyboard.press('Home');
    await until(page, (s) => s.scroll.y === 0, 'Home');
    await page.keyboard.press('PageDown');
    const s2 = await until(page, (s) => s.scroll.y > 300, 'PageDown');
    await page.keyboard.press('ArrowDown');
    await until(page, (s) => s.scroll.y > s2.scroll.y, 'ArrowDown');
    await page.keyboard.press('End');
    const s3 = await until(page, (s) => s.scroll.y >= s.scroll.max - 1 && s.scroll.max > 0, 'End');
    await page.keyboard.press('PageUp');
    await until(page, (s) => s.scroll.y < s3.scroll.y, 'PageUp');
    // Drag the scrollbar thumb (right edge of the page) back to the top.
    await page.keyboard.press('End');
    const s4 = await until(page, (s) => s.scroll.y >= s.scroll.max - 1, 'End again');
    const bar = s4.page.x + s4.page.w - 7;
    await page.mouse.move(bar, s4.page.y + s4.page.h - 30);
    await page.mouse.down();
    await page.mouse.move(bar, s4.page.y + 5, { steps: 8 });
    await page.mouse.up();
    await until(page, (s) => s.scroll.y < s1.scroll.y, 'scrollbar drag');
  });
});
