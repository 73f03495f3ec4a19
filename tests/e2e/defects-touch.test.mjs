// The defects a new user hit (issue 14), continued: touch and pen, a phone-wide page, and the
// contrast of every highlight against the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickUi, dragSelect, launch, openReader, startServer, state, until, withScreenshots } from './harness.mjs';
import { contrast, openFixture, pixels as decode } from './defects-shared.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });
const withFixture = (options) => openFixture(browser, server.url, pages, options);
const pixels = (png) => decode(browser, png);

test('touch: taps open menus, tabs and cards; drag and long press select; two fingers scroll and pinch', async () => {
  const { page } = await withFixture({ hasTouch: true });
  await withScreenshots('defects-touch', () => pages, async () => {
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const mid = (r) => [r.x + Math.min(r.w / 2, 30), r.y + r.h / 2];
    let s = await state(page);
    // A tap on a menu opens it; a tap on an item chooses it.
    await page.touchscreen.tap(...mid(s.ui['menu:View']));
    s = await until(page, (s) => s.ui['view:Larger text'], 'View menu open');
    await page.touchscreen.tap(...mid(s.ui['view:Larger text']));
    s = await until(page, (s) => s.view.bodySize === 21 && s.ui['tab:Numbers'], 'larger text');
    // A tap on a panel tab.
    await page.touchscreen.tap(...mid(s.ui['tab:Numbers']));
    await until(page, (s) => s.focus.panelTab === 2, 'Numbers tab');
    // A tap on a highlight opens its card.
    const [r] = await page.evaluate(() => window.lede.rects(0, 11));  // North Korea, the first suggestion
    await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    s = await until(page, (s) => s.active === 's1' && s.ui['card:close'], 'card open');
    await page.touchscreen.tap(...mid(s.ui['card:close']));
    await until(page, (s) => s.active === null, 'card closed');

    // A drag selects.
    const words = await page.evaluate(() => window.lede.rects(20, 60));
    const a = [words[0].x + 2, words[0].y + words[0].h / 2], b = [words[0].x + 160, words[0].y + words[0].h / 2];
    await touch('touchStart', [a]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [[a[0] + (b[0] - a[0]) * i / 6, a[1]]]);
    await touch('touchEnd', []);
    s = await until(page, (s) => s.selection.end - s.selection.start > 10, 'drag selected');
    // A long press selects the word.
    await page.keyboard.press('Escape');
    const w = await page.evaluate(() => window.lede.rects(18, 20));  // inside "rejected" ("North Korea has rejected")
    await touch('touchStart', [[w[0].x + 2, w[0].y + w[0].h / 2]]);
    await page.waitForTimeout(800);
    await touch('touchEnd', []);
    s = await until(page, (s) => s.selection.text === 'rejected', 'long press selected the word');

    // Two fingers: moving up scrolls down; spreading zooms in.
    await page.keyboard.press('Escape');
    const y0 = s.scroll.y, c = [s.page.x + s.page.w / 2, s.page.y + s.page.h / 2];
    await touch('touchStart', [[c[0] - 40, c[1]], [c[0] + 40, c[1]]]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [[c[0] - 40, c[1] - i * 25], [c[0] + 40, c[1] - i * 25]]);
    await touch('touchEnd', []);
    s = await until(page, (s) => s.scroll.y > y0 + 50, 'two fingers scrolled');
    const size = s.view.bodySize;
    await touch('touchStart', [[c[0] - 30, c[1]], [c[0] + 30, c[1]]]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [[c[0] - 30 - i * 10, c[1]], [c[0] + 30 + i * 10, c[1]]]);
    await touch('touchEnd', []);
    s = await until(page, (s) => s.view.bodySize > size + 4, 'pinch zoomed in');
    assert.equal(s.selection.start, s.selection.end, 'the gestures selected nothing');
  });
});

test('a pen works like a mouse', async () => {
  const { page } = await withFixture();
  await withScreenshots('defects-pen', () => pages, async () => {
    const cdp = await page.context().newCDPSession(page);
    const pen = (type, x, y, extra = {}) => cdp.send('Input.dispatchMouseEvent', { type, x, y, pointerType: 'pen', button: 'left', clickCount: 1, ...extra });
    const [r] = await page.evaluate(() => window.lede.rects(0, 11));
    await pen('mouseMoved', r.x + r.w / 2, r.y + r.h / 2, { button: 'none' });
    await pen('mousePressed', r.x + r.w / 2, r.y + r.h / 2);
    await pen('mouseReleased', r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.active === 's1', 'pen tap opened the card');
  });
});

test('at 390 px wide the legend and the status bar fit', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  pages.push(page);
  await withScreenshots('defects-narrow', () => pages, async () => {
    const s = await until(page, (s) => s.ui['status:end'] && s.ui['menu:Help'], 'drawn');
    for (const [name, r] of Object.entries(s.ui)) {
      if (name.startsWith('legend:')) assert.ok(r.x >= s.ui['menu:Help'].x + s.ui['menu:Help'].w && r.x + r.w <= 390, `${name} fits`);
    }
    assert.ok(s.ui['status:end'].x + s.ui['status:end'].w <= 390 - 4, `status bar fits: ${JSON.stringify(s.ui['status:end'])}`);
  });
  const wide = await openReader(browser, server.url);
  pages.push(wide.page);
  const w = await until(wide.page, (s) => s.ui['legend:actor'], 'legend on a wide page');
  assert.ok(w.ui['legend:number'].x + w.ui['legend:number'].w <= 1280);
});

test('every highlight stands at least 3:1 against the page, dark and light, at device scale 1', async () => {
  for (const dark of [true, false]) {
    const { page, fx } = await withFixture({ deviceScaleFactor: 1 });
    await withScreenshots(`defects-contrast-${dark}`, () => pages, async () => {
      if (dark) {
        await clickUi(page, 'menu:View');
        await clickUi(page, 'view:Dark theme');
        await until(page, (s) => s.view.dark, 'dark theme');
      }
      // One of each kind: a suggestion, and the same kinds made by the reader.
      const korea = fx.annotations.find((a) => a.attrs.entity === 'North Korea');
      const n47 = fx.annotations.find((a) => a.label === 'number');
      const claimAt = await page.evaluate(() => { const t = window.lede.state().article.text; const i = t.indexOf('blame was shifted'); return [...t.slice(0, i)].length; });
      await dragSelect(page, claimAt, claimAt + 17);
      await page.keyboard.press('2');
      await until(page, (s) => s.annotations.some((a) => a.label === 'claim'), 'claim marked');
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 400);
      await page.keyboard.press('Home');
      await page.waitForTimeout(300);
      const s = await state(page);
      const bg = dark ? [30, 31, 34] : [252, 251, 248];
      const mine = s.annotations.find((a) => a.label === 'claim');
      for (const an of [korea, n47, mine]) {
        const [r] = await page.evaluate(([a, b]) => window.lede.rects(a, b), [an.start, an.end]);
        const clip = { x: Math.ceil(r.x + 1), y: Math.floor(r.y + r.h * 0.75), width: Math.floor(r.w - 2), height: Math.ceil(r.h * 0.25) + 1 };
        const shot = await pixels(await page.screenshot({ clip }));
        // The underline: the row under the glyphs where the most pixels stand 3:1 against the page.
        let best = 0;
        for (let y = 0; y < clip.height; y++) {
          let n = 0;
          for (let x = 0; x < clip.width; x++) if (contrast(shot(x, y), bg) >= 3) n++;
          best = Math.max(best, n / clip.width);
        }
        const want = an.status === 'suggested' ? 0.45 : 0.9;
        assert.ok(best >= want, `${dark ? 'dark' : 'light'} ${an.label} ${an.status}: ${best.toFixed(2)} of its underline at 3:1`);
      }
    });
  }
});
