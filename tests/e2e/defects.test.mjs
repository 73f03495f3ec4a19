// The defects a new user hit (issue 14): text from input methods, labelling over a suggestion,
// New label, Tab after R or Delete, hover marks the panel row, Close not clipped, tooltips and the
// card, the drop hint, plurals, a click with no move before it, notes that wrap.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickUi, dragSelect, launch, openReader, reveal, startServer, state, until, withScreenshots } from './harness.mjs';
import { contrast, inside, openFixture, pixels as decode } from './defects-shared.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });
const withFixture = (options) => openFixture(browser, server.url, pages, options);
const pixels = (png) => decode(browser, png);

test('text from an input method or a character picker reaches the note, find and label fields', async () => {
  const { page } = await withFixture();
  await withScreenshots('defects-ime', () => pages, async () => {
    const cdp = await page.context().newCDPSession(page);
    const compose = async (t) => {
      // What an IME does: a composition that grows, then the commit. A person presses the next key
      // after the commit has happened; CDP's commit and its key events take different routes into
      // the page, so the test waits for the commit before it goes on.
      await page.evaluate(() => {
        window.committed = new Promise((done) => document.getElementById('ime').addEventListener('compositionend', done, { once: true }));
      });
      for (let i = 1; i <= [...t].length; i++) {
        const part = [...t].slice(0, i).join('');
        await cdp.send('Input.imeSetComposition', { text: part, selectionStart: i, selectionEnd: i });
      }
      await cdp.send('Input.insertText', { text: t });
      await page.evaluate(() => Promise.race([window.committed,
        new Promise((_, fail) => setTimeout(() => fail(new Error('no compositionend within 10 s')), 10000))]));
    };
    // Open the first suggestion's card and write its note.
    await page.keyboard.press('Tab');
    await until(page, (s) => s.active === 's1', 'card open');
    await page.keyboard.press('n');
    let s = await until(page, (s) => s.focus.textInput && s.ui['card:note'], 'note field has the keyboard');
    // The text area that receives the text sits at the caret (where an IME shows its candidates).
    const f = s.ui['card:note'];
    await page.waitForFunction(([x, y, w, h]) => {
      const r = document.getElementById('ime').getBoundingClientRect();
      return document.activeElement.id === 'ime' && r.x >= x - 4 && r.x <= x + w && r.y >= y - 24 && r.y <= y + h;
    }, [f.x, f.y, f.w, f.h]);
    await page.keyboard.type('Seen ');
    await page.keyboard.insertText('José');  // a character picker or dead keys
    await page.keyboard.type(', ');
    await compose('Zoë');
    await page.keyboard.type(' ');
    await compose('北京');
    await page.keyboard.press('Control+Enter');
    s = await until(page, (s) => s.annotations.find((a) => a.id === 's1').note, 'note kept');
    assert.equal(s.annotations.find((a) => a.id === 's1').note, 'Seen José, Zoë 北京');

    // Find.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    await until(page, (s) => s.find.open && s.focus.textInput, 'find field has the keyboard');
    await compose('Kor');
    await page.keyboard.insertText('é');
    s = await until(page, (s) => s.find.query === 'Koré', 'query typed');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('ea');
    s = await until(page, (s) => s.find.query === 'Korea' && s.find.count > 0, 'query edited');
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.find.open, 'find closed');
  });
});

test('labelling a suggested span accepts the suggestion instead of adding a duplicate', async () => {
  const { page, fx } = await withFixture();
  await withScreenshots('defects-duplicate', () => pages, async () => {
    const russia = fx.annotations.find((a) => a.attrs.entity === 'Russia');
    let s = await state(page);
    const before = s.annotations.length, undo = s.undo;
    await dragSelect(page, russia.start, russia.end);
    await page.keyboard.press('1');
    s = await until(page, (s) => s.annotations.find((a) => a.id === russia.id).status === 'accepted', 'suggestion accepted');
    assert.equal(s.annotations.length, before, 'no new annotation');
    assert.equal(s.annotations.filter((a) => a.start === russia.start && a.end === russia.end).length, 1);
    assert.equal(s.undo, undo + 1, 'one undoable change');
    assert.equal(s.active, russia.id);
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => s.annotations.find((a) => a.id === russia.id).status === 'suggested', 'undone');
    assert.equal(s.annotations.length, before);
  });
});

test('Labels > New label takes typing; plurals; a click that comes without a move first', async () => {
  const { page } = await withFixture();
  await withScreenshots('defects-labels', () => pages, async () => {
    await page.keyboard.press('l');
    // The window sizes itself over its first frames: wait until New label stays put, then click it.
    let placed = null;
    await until(page, (s) => { const r = JSON.stringify(s.ui['labels:new']), same = r === placed; placed = r; return same && r; }, 'Labels window placed');
    await clickUi(page, 'labels:new');
    let s = await until(page, (s) => s.labels.length === 4 && s.focus.textInput, 'new label with its name field focused');
    await page.keyboard.type('Source ');
    await page.keyboard.insertText('Zoë');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.labels[3].name === 'Source Zoë', 'typed name kept');
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.ui['window:labels'], 'labels window closed');

    // One number suggestion: accepting all numbers says "1 suggestion".
    await clickUi(page, 'menu:Suggestions');
    await clickUi(page, 'menu:Accept all numbers');
    s = await until(page, (s) => /Accepted 1 suggestion$/.test(s.status), 'singular status');

    // A press and release on a panel tab with no mouse move before it (as a touch screen or a
    // remote desktop sends them) still chooses the tab.
    s = await until(page, (s) => s.ui['tab:Claims'] && s.ui['tab:Numbers'], 'tabs drawn');
    await page.mouse.move(s.ui['tab:Claims'].x + 10, s.ui['tab:Claims'].y + 5);
    await page.waitForTimeout(200);  // drawn with the mouse over the Claims tab
    const cdp = await page.context().newCDPSession(page);
    const t = s.ui['tab:Numbers'];
    const at = { x: t.x + t.w / 2, y: t.y + t.h / 2, button: 'left', clickCount: 1 };
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
    await until(page, (s) => s.focus.panelTab === 2, 'Numbers tab chosen');
  });
});

test('after R or Delete on a card, Tab goes on from there', async () => {
  const { page, fx } = await withFixture();
  await withScreenshots('defects-tab', () => pages, async () => {
    const ordered = fx.annotations;  // sorted by start
    // A suggestion in the middle of the article, with others before it in view.
    const i = ordered.findIndex((a, k) => k > 3 && a.attrs.entity === 'Russia');
    const target = ordered[i];
    const [r] = await reveal(page, target.start, target.end);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.active === target.id, 'card open');
    await page.keyboard.press('r');
    await until(page, (s) => s.active === null && s.annotations.find((a) => a.id === target.id).status === 'rejected', 'rejected');
    await page.keyboard.press('Tab');
    let s = await until(page, (s) => s.active, 'next open');
    assert.equal(s.active, ordered[i + 1].id, 'the one after the rejected suggestion');

    // Delete on a card too.
    await page.keyboard.press('Delete');
    await until(page, (s) => s.active === null && !s.annotations.find((a) => a.id === ordered[i + 1].id), 'deleted');
    await page.keyboard.press('Tab');
    s = await until(page, (s) => s.active, 'next open again');
    assert.equal(s.active, ordered[i + 2].id);
    // Shift+Tab after a Delete goes back from there, past the rejected one.
    await page.keyboard.press('Delete');
    await until(page, (s) => s.active === null && !s.annotations.find((a) => a.id === ordered[i + 2].id), 'deleted again');
    await page.keyboard.press('Shift+Tab');
    s = await until(page, (s) => s.active === ordered[i - 1].id, 'Shift+Tab goes back past them');
  });
});

test('hovering a span marks its row in the panel; tooltips give way to the card from the keyboard', async () => {
  const { page, fx } = await withFixture();
  await withScreenshots('defects-hover', () => pages, async () => {
    // Actors panel: the entity row of a hovered mention.
    const korea = fx.annotations.find((a) => a.attrs.entity === 'North Korea');
    let [r] = await reveal(page, korea.start, korea.end);
    await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    let s = await until(page, (s) => s.hover === korea.id && s.ui['panel:hover-row'], 'row marked');
    assert.deepEqual(s.ui['panel:hover-row'], s.ui['entity:North Korea']);
    assert.ok(s.ui.tooltip, 'a tooltip for the mouse');
    // Numbers panel: the row of the hovered number.
    await clickUi(page, 'tab:Numbers');
    const n47 = fx.annotations.find((a) => a.label === 'number');
    [r] = await reveal(page, n47.start, n47.end);
    await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    s = await until(page, (s) => s.hover === n47.id && s.ui['panel:hover-row'] && s.ui[`row:${n47.id}`], 'number row marked');
    assert.deepEqual(s.ui['panel:hover-row'], s.ui[`row:${n47.id}`]);

    // The mouse rests on 47; Tab opens cards from the keyboard: no tooltip covers them.
    await page.keyboard.press('Tab');
    s = await until(page, (s) => s.active && s.card, 'card open');
    await page.waitForTimeout(200);
    s = await state(page);
    assert.equal(s.ui.tooltip, undefined, 'no tooltip while working from the keyboard');
    // The card's buttons (a suggestion has four) stay inside it.
    assert.ok(inside(s.ui['card:close'], s.card), `Close ${JSON.stringify(s.ui['card:close'])} inside the card ${JSON.stringify(s.card)}`);
    // The mouse moves: the tooltip is back.
    await page.mouse.move(r.x + r.w / 2 + 1, r.y + r.h / 2);
    await until(page, (s) => s.ui.tooltip, 'tooltip back');
  });
});

test('Close on the Find bar and on the card is not clipped, wide or narrow', async () => {
  for (const width of [1280, 390]) {
    const { page } = await openReader(browser, server.url, { viewport: { width, height: 800 } });
    pages.push(page);
    await withScreenshots(`defects-close-${width}`, () => pages, async () => {
      await page.keyboard.press('Control+f');
      let s = await until(page, (s) => s.ui['find:close'] && s.ui['find:bar'], 'find bar');
      const bar = s.ui['find:bar'];
      assert.ok(inside(s.ui['find:close'], bar), `Close ${JSON.stringify(s.ui['find:close'])} inside ${JSON.stringify(bar)}`);
      assert.ok(bar.x + bar.w <= width + 0.5);
      await page.keyboard.type('zzzz');
      s = await until(page, (s) => s.find.query === 'zzzz', 'no matches');
      assert.ok(inside(s.ui['find:close'], s.ui['find:bar']));
      await page.keyboard.press('Escape');
      await until(page, (s) => !s.find.open, 'closed');
    });
  }
});

test('the drop hint does not cover the article text', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('defects-drop-hint', () => pages, async () => {
    const s = await state(page);
    const lines = await page.evaluate(() => window.lede.rects(0, 400));
    const clip = { x: Math.floor(lines[0].x), y: Math.floor(lines[0].y), width: 400, height: Math.floor(lines[lines.length - 1].y - lines[0].y) };
    const before = await page.screenshot({ clip });
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    assert.equal(await page.evaluate(() => document.getElementById('drop-hint').hidden), false, 'the hint shows');
    const during = await page.screenshot({ clip });
    assert.ok(before.equals(during), 'the text under the hint looks the same');
    assert.ok(s.page.w > 0);
  });
});

test('notes wrap in the card and in the Notes panel, long URLs too', async () => {
  const { page } = await withFixture();
  await withScreenshots('defects-notes', () => pages, async () => {
    const note = 'Check https://example.org/a/very/long/path/that/does/not/fit/on/one/line/of/the/card?with=query&and=more ' +
      'before quoting; the second source says otherwise.';
    await page.keyboard.press('Tab');
    await until(page, (s) => s.active === 's1', 'card open');
    await page.keyboard.press('n');
    await until(page, (s) => s.focus.textInput, 'note field has the keyboard');
    await page.keyboard.type(note + 'xyz');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    let s = await state(page);
    // Text is drawn on the field's third line: the note wraps instead of running off to the right.
    const f = s.ui['card:note'];
    const line = 19;
    const clip = { x: Math.ceil(f.x + 4), y: Math.ceil(f.y + 2 * line + 4), width: Math.floor(f.w - 24), height: line };
    const shot = await pixels(await page.screenshot({ clip }));
    const bg = shot(1, 1);
    let ink = 0;
    for (let y = 0; y < clip.height; y++) for (let x = 0; x < clip.width; x++) if (contrast(shot(x, y), bg) > 2) ink++;
    assert.ok(ink > 20, `text on the third line of the note (${ink} pixels)`);
    await page.keyboard.press('Control+Enter');
    s = await until(page, (s) => s.annotations.find((a) => a.id === 's1').note, 'note kept');
    assert.equal(s.annotations.find((a) => a.id === 's1').note, note, 'kept as typed, without the wrapping');

    // The Notes panel wraps it within the panel.
    await page.keyboard.press('Escape');
    await clickUi(page, 'tab:Notes');
    s = await until(page, (s) => s.ui['note:s1'], 'note in the panel');
    const r = s.ui['note:s1'];
    assert.ok(r.h > 2.5 * 17, `several lines (${r.h} px)`);
    assert.ok(r.x + r.w <= 1400, 'inside the window');
  });
});
