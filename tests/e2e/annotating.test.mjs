// Annotating like in a good editor: label bar, notes, boundaries, undo/redo, find, zoom, autosave.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dragSelect, find, launch, mine, openReader, reveal, startServer, state, until, waitReady, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const rectsOf = (page, at) => page.evaluate(([a, b]) => window.lede.rects(a, b), [at.start, at.end]);

test('select, label from the label bar, write a note, change a boundary, undo and redo', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotating-edit', () => pages, async () => {
    const at = await find(page, 'Dmitry Peskov');
    await dragSelect(page, at.start, at.end);
    const bar = (await until(page, (s) => s.labelBar, 'label bar')).labelBar;
    await page.mouse.click(bar.x + 30, bar.y + bar.h / 2);  // "1 Actor", the first button
    let s = await until(page, (s) => mine(s).length === 1, 'annotation from the label bar');
    const an = mine(s)[0];
    assert.equal(an.label, 'actor');
    assert.equal(an.text, 'Dmitry Peskov');
    assert.equal(s.active, an.id, 'the new annotation is open');

    // A note, by keyboard: N, type, Ctrl+Enter.
    await page.keyboard.press('n');
    await page.keyboard.type('Kremlin spokesman; check the quote.');
    await page.keyboard.press('Control+Enter');
    s = await until(page, (s) => mine(s)[0].note === 'Kremlin spokesman; check the quote.', 'note saved');

    // Boundaries: Shift+Left twice shrinks the end, Alt+Shift+Right moves the start.
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    s = await until(page, (s) => mine(s)[0].text === 'Dmitry Pesk', 'end moved');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    s = await until(page, (s) => mine(s)[0].text === 'mitry Pesk', 'start moved');

    // Drag the end handle to the end of "Peskov".
    const r = (await rectsOf(page, { start: mine(s)[0].start, end: mine(s)[0].end })).at(-1);
    const full = (await rectsOf(page, at)).at(-1);
    await page.mouse.move(r.x + r.w, r.y + r.h / 2);
    await page.mouse.down();
    await page.mouse.move(full.x + full.w - 1, full.y + full.h / 2, { steps: 5 });
    await page.mouse.up();
    s = await until(page, (s) => mine(s)[0].text === 'mitry Peskov', 'end dragged');

    // Undo the drag and two boundary moves, then redo them, with the standard keys.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => mine(s)[0].text === 'Dmitry Pesko', 'three undos');
    await page.keyboard.press('Control+Shift+z');
    s = await until(page, (s) => mine(s)[0].text === 'Dmitry Pesk', 'redo');
    await page.keyboard.press('Control+y');
    s = await until(page, (s) => mine(s)[0].text === 'mitry Pesk', 'redo with Ctrl+Y');
    // Undo everything: the boundary moves, the note, then the annotation itself.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    s = await until(page, (s) => mine(s)[0].text === 'Dmitry Peskov' && mine(s)[0].note, 'boundaries undone');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => mine(s).length === 1 && !mine(s)[0].note, 'note undone');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => mine(s).length === 0, 'annotation undone');
    assert.equal(s.undo, 0);
    await page.keyboard.press('Control+y');
    s = await until(page, (s) => mine(s).length === 1, 'annotation redone');

    // Delete with the keyboard while it is open.
    await page.keyboard.press('Tab');
    await until(page, (s) => s.active !== null, 'Tab opens a highlight');
    const active = (await state(page)).active;
    await page.keyboard.press('Delete');
    s = await until(page, (s) => !s.annotations.some((a) => a.id === active), 'deleted');
  });
});

test('double-click selects a word, triple-click a paragraph, Shift+arrows extend', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotating-select', () => pages, async () => {
    const at = await find(page, 'Nebenzya');
    const [r] = await reveal(page, at.start, at.end);
    await page.mouse.dblclick(r.x + 5, r.y + r.h / 2);
    await until(page, (s) => s.selection.text === 'Nebenzya', 'word selected');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await until(page, (s) => s.selection.text === 'Nebenzya dismissed ', 'extended by a word and a character');
    await page.mouse.click(r.x + 5, r.y + r.h / 2, { clickCount: 3 });
    const s = await until(page, (s) => s.selection.text.startsWith('When questioned'), 'paragraph selected');
    assert.ok(s.selection.text.endsWith('incorrect information.'));
  });
});

test('a triple click selects the paragraph even when frames are slow', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotating-slow-clicks', () => pages, async () => {
    const at = await find(page, 'Nebenzya');
    const [r] = await reveal(page, at.start, at.end);
    // A slow machine: the reader applies one button change per frame, so the six changes of a
    // triple click span six slow frames, longer than a double-click interval in frame time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 30 });
    try {
      await page.mouse.click(r.x + 5, r.y + r.h / 2, { clickCount: 3 });
      const s = await until(page, (s) => s.selection.text.startsWith('When questioned'), 'paragraph selected', 30000);
      assert.ok(s.selection.text.endsWith('incorrect information.'));
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  });
});

test('find highlights every match and steps through them', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotating-find', () => pages, async () => {
    await page.keyboard.press('Control+f');
    await until(page, (s) => s.find.open, 'find bar');
    await page.keyboard.type('kyiv');
    let s = await until(page, (s) => s.find.count === 3, 'three matches for kyiv');
    assert.equal(s.find.current, 0);
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.find.current === 1, 'next');
    await page.keyboard.press('Shift+Enter');
    s = await until(page, (s) => s.find.current === 0, 'previous');
    await page.keyboard.press('Shift+Enter');
    s = await until(page, (s) => s.find.current === 2, 'wraps around');
    assert.ok(s.scroll.y > 0, 'the match was scrolled into view');
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.find.open, 'closed');
  });
});

test('text zoom keeps the reading position; view settings persist', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1100, height: 600 } });
  pages.push(page);
  await withScreenshots('annotating-zoom', () => pages, async () => {
    await page.mouse.move(300, 300);
    await page.mouse.wheel(0, 600);
    const s0 = await until(page, (s) => s.scroll.y > 300, 'scrolled');
    const topByte = async () => (await state(page)).scroll.top;
    const before = await topByte();
    await page.keyboard.press('Control+Equal');
    const s1 = await until(page, (s) => s.view.bodySize === 21 && s.scroll.y !== s0.scroll.y, 'zoomed in');
    await page.waitForTimeout(150);
    const after = await topByte();
    assert.ok(before > 300);
    // Lines break elsewhere at the new size: the line now at the top holds the old top line's start.
    assert.ok(after <= before && before - after < 80, `reading position kept (${before} -> ${after})`);
    assert.notEqual(s1.scroll.y, s0.scroll.y);
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    await until(page, (s) => s.view.bodySize === 17, 'zoomed out');
    await page.reload();
    await waitReady(page);
    await until(page, (s) => s.view.bodySize === 17, 'zoom persisted');
    await page.keyboard.press('Control+0');
    await until(page, (s) => s.view.bodySize === 19, 'default size');
  });
});
