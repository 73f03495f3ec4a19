// Keyboard only: every annotating step without touching the mouse. No test here moves or clicks
// the mouse; each step is a key press, as a reader without a pointing device would do it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { find, inView, launch, mine, openReader, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function reader() {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await until(page, (s) => s.analysisReady && s.annotations.some((a) => a.status === 'suggested'), 'suggestions', 30000);
  return page;
}

// Presses `key` until ImGui's keyboard navigation is on the control named `item`, one press at a
// time: each waits until the reader has moved (or had nowhere to go).
async function navTo(page, key, item, most = 16) {
  let s = await state(page);
  for (let i = 0; i < most && s.focus.navItem !== item; i++) {
    const from = s.focus.navItem;
    const frame = await page.evaluate(() => window.lede.frameCount());
    await page.keyboard.press(key);
    await page.waitForFunction((f) => window.lede.frameCount() >= f + 4, frame);
    for (let t = 0; t < 10 && s.focus.navItem === from; t++) { await page.waitForTimeout(20); s = await state(page); }
  }
  assert.equal(s.focus.navItem, item, `keyboard navigation on ${item}`);
}

const annotation = (s, id) => s.annotations.find((a) => a.id === id);

test('find, mark, relabel and write a note with the keyboard alone', async () => {
  const page = await reader();
  await withScreenshots('keyboard-mark', () => pages, async () => {
    // Keys typed at once after Ctrl+F go to the field, not to the page (where l opens the Labels
    // window and digits mark text).
    await page.keyboard.press('Control+f');
    await page.keyboard.type('l1kcna');
    let s = await until(page, (s) => s.find.query === 'l1kcna', 'typed into the field');
    assert.ok(!s.ui['window:labels'] && mine(s).length === 0, 'nothing reached the page');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
    await until(page, (s) => s.find.query === '', 'field emptied');
    // Type, Esc: the match stays selected, as in editors.
    await page.keyboard.type('dmitry peskov');
    await until(page, (s) => s.find.query === 'dmitry peskov' && s.find.count === 1, 'one match');
    await page.keyboard.press('Escape');
    const at = await find(page, 'Dmitry Peskov');
    s = await until(page, (s) => !s.find.open && s.selection.start === at.start && s.selection.end === at.end, 'the match selected');

    await page.keyboard.press('1');
    s = await until(page, (s) => mine(s).length === 1, 'marked as actor');
    const id = mine(s)[0].id;
    assert.equal(mine(s)[0].label, 'actor');
    assert.equal(s.active, id, 'its card is open');
    // A number key on the open annotation changes its label; undo puts it back.
    await page.keyboard.press('2');
    await until(page, (s) => annotation(s, id).label === 'claim', 'relabelled as claim');
    await page.keyboard.press('Control+z');
    await until(page, (s) => annotation(s, id).label === 'actor', 'undo restores the label');

    await page.keyboard.press('n');
    await page.keyboard.type('Spokesman, not the minister.');
    await page.keyboard.press('Control+Enter');
    await until(page, (s) => annotation(s, id).note === 'Spokesman, not the minister.', 'note kept');
    await page.keyboard.press('Escape');
    await until(page, (s) => s.active === null, 'card closed');
  });
});

test('the Labels window: create, rename, recolour and delete a label with the keyboard', async () => {
  const page = await reader();
  await withScreenshots('keyboard-labels', () => pages, async () => {
    await page.keyboard.press('l');
    await until(page, (s) => s.focus.zone === 'dialog' && s.ui['window:labels'], 'the Labels window has the keyboard');
    await navTo(page, 'ArrowDown', 'labels:new');
    await page.keyboard.press('Enter');
    let s = await until(page, (s) => s.labels.length === 4, 'a new label');
    const id = s.labels[3].id;

    // Name it: the new label's name field has the keyboard, its text selected; type, Enter to keep.
    await until(page, (s) => s.focus.textInput, 'the name field takes the keyboard');
    await page.keyboard.type('Source');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.labels[3].name === 'Source', 'renamed');

    // Recolour from the list of named colours.
    await navTo(page, 'ArrowLeft', `labels:colour:${id}`);
    await page.keyboard.press('Enter');
    await navTo(page, 'ArrowDown', 'palette:Teal');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.labels[3].color === '#009988', 'recoloured teal');

    // The new label marks text with its key (4).
    await page.keyboard.press('Escape');
    await until(page, (s) => s.focus.zone === 'page' && !s.ui['window:labels'], 'Esc closes the window');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('KCNA');
    await until(page, (s) => s.find.count >= 1, 'found');
    await page.keyboard.press('Escape');
    await page.keyboard.press('4');
    s = await until(page, (s) => mine(s).some((a) => a.label === id), 'marked with the new label');

    // Delete it (and its annotation), then undo.
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    await until(page, (s) => s.focus.zone === 'dialog', 'Labels window again');
    await navTo(page, 'ArrowDown', 'labels:new');
    await page.keyboard.press('ArrowUp');
    await navTo(page, 'ArrowRight', `labels:delete:${id}`);
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.labels.length === 3, 'label deleted');
    assert.ok(!mine(s).some((a) => a.label === id), 'its annotations went with it');
    await page.keyboard.press('Escape');
    await until(page, (s) => s.focus.zone === 'page', 'back on the page');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => s.labels.length === 4 && mine(s).some((a) => a.label === id), 'undo brings both back');
    assert.equal(s.labels[3].name, 'Source');
  });
});

test('F10 opens the menus: a layer, the theme and a bulk review without the mouse', async () => {
  const page = await reader();
  await withScreenshots('keyboard-menus', () => pages, async () => {
    await page.keyboard.press('F10');
    await until(page, (s) => s.focus.navItem === 'menu:File', 'the File menu is highlighted');
    await navTo(page, 'ArrowRight', 'menu:View');
    await page.keyboard.press('Enter');
    await navTo(page, 'ArrowDown', 'view:Numbers');
    await page.keyboard.press('Enter');
    let s = await until(page, (s) => s.view.showNumber === false && s.focus.zone === 'page', 'numbers hidden, keyboard back on the page');

    await page.keyboard.press('F10');
    await navTo(page, 'ArrowRight', 'menu:View');
    await page.keyboard.press('Space');
    await navTo(page, 'ArrowDown', 'view:Dark theme');
    await page.keyboard.press('Space');
    await until(page, (s) => s.view.dark === true, 'dark theme');

    await page.keyboard.press('F10');
    await navTo(page, 'ArrowRight', 'menu:Suggestions');
    await page.keyboard.press('Enter');
    await navTo(page, 'ArrowDown', 'menu:Reject all numbers', 20);
    await page.keyboard.press('Enter');
    s = await until(page, (s) => !s.annotations.some((a) => a.label === 'number' && a.status === 'suggested'), 'number suggestions rejected');
    assert.ok(s.annotations.some((a) => a.label === 'actor' && a.status === 'suggested'), 'other suggestions stay');

    // View > Keyboard to the side panels does what F6 does (for browsers that keep F6).
    await page.keyboard.press('F10');
    await navTo(page, 'ArrowRight', 'menu:View');
    await page.keyboard.press('Enter');
    await navTo(page, 'ArrowDown', 'view:Keyboard to the side panels');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.focus.zone === 'panels' && s.focus.panelId, 'the panels have the keyboard');
    await page.keyboard.press('Escape');
    await until(page, (s) => s.focus.zone === 'page', 'Esc gives it back');

    // Esc leaves the menus without choosing anything.
    await page.keyboard.press('F10');
    await until(page, (s) => s.focus.zone === 'dialog', 'menu bar');
    await page.keyboard.press('Escape');
    await until(page, (s) => s.focus.zone === 'page', 'Esc returns to the page');
    await page.keyboard.press('F1');
    await until(page, (s) => s.ui['window:help'], 'F1 shows the shortcuts');
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.ui['window:help'] && s.focus.zone === 'page', 'Esc closes them');
  });
});

test('F6 to the side panels: move, open, step, accept, reject, filter and sort with keys', async () => {
  const page = await reader();
  await withScreenshots('keyboard-panels', () => pages, async () => {
    await page.keyboard.press('F6');
    let s = await until(page, (s) => s.focus.zone === 'panels' && s.focus.panelRow === 0 && s.focus.panelId, 'the Actors list has the keyboard');

    // Down to North Korea: its row marks the first mention; Enter shows it, Enter again the next.
    for (let i = 0; i < 40 && annotation(s, s.focus.panelId)?.attrs.entity !== 'North Korea'; i++) {
      await page.keyboard.press('ArrowDown');
      s = await until(page, (s) => s.focus.panelRow === i + 1 && s.focus.panelId, `actor row ${i + 1}`);
    }
    assert.equal(annotation(s, s.focus.panelId).attrs.entity, 'North Korea');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.active !== null, 'first mention open');
    const first = s.active;
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.active !== null && s.active !== first, 'next mention');
    const second = annotation(s, s.active);
    assert.equal(second.attrs.entity, 'North Korea');
    let shown = false;
    for (let i = 0; i < 50 && !shown; i++) { shown = await inView(page, second.id); if (!shown) await page.waitForTimeout(40); }
    assert.ok(shown, 'the mention is scrolled into view');
    assert.equal(s.focus.zone, 'panels', 'the card does not take the keyboard from the panels');

    // A accepts every suggestion of the entity.
    await page.keyboard.press('a');
    s = await until(page, (s) => s.annotations.filter((a) => a.attrs.entity === 'North Korea').every((a) => a.status === 'accepted'),
      'all North Korea mentions accepted');

    // Right: Claims. Enter opens the first claim, R rejects it.
    await page.keyboard.press('ArrowRight');
    s = await until(page, (s) => s.focus.panelTab === 1 && s.focus.panelId && annotation(s, s.focus.panelId).label === 'claim', 'Claims tab');
    await page.keyboard.press('ArrowDown');
    s = await until(page, (s) => s.focus.panelRow === 1 && s.focus.panelId, 'second claim');
    const claim = s.focus.panelId;
    await page.keyboard.press('Enter');
    await until(page, (s) => s.active === claim, 'claim open');
    await page.keyboard.press('r');
    // The lists are rebuilt the frame after a change: wait for the row that took the rejected one's place.
    s = await until(page, (s) => annotation(s, claim).status === 'rejected' && s.focus.panelId && s.focus.panelId !== claim,
      'claim rejected, gone from the list');
    // F: only the claims of this row's speaker; F again: everyone's.
    while (!annotation(s, s.focus.panelId).attrs.speaker) {
      const row = s.focus.panelRow;
      await page.keyboard.press('ArrowDown');
      s = await until(page, (s) => s.focus.panelRow === row + 1 && s.focus.panelId, 'next claim');
    }
    const speaker = annotation(s, s.focus.panelId).attrs.speaker;
    const who = speaker.entity ?? speaker.text;
    await page.keyboard.press('f');
    s = await until(page, (s) => s.focus.speakerFilter === who && s.focus.panelRow === 0, `claims of ${who}`);
    const theirs = s.annotations.filter((a) => a.label === 'claim' && a.status !== 'rejected' &&
      (a.attrs.speaker?.entity ?? a.attrs.speaker?.text) === who).length;
    for (let i = 1; i < theirs + 2; i++) {
      await page.keyboard.press('ArrowDown');
      s = await until(page, (s) => s.focus.panelRow === Math.min(i, theirs - 1) && s.focus.panelId, `row ${i}`);
      const sp = annotation(s, s.focus.panelId).attrs.speaker;
      assert.equal(sp.entity ?? sp.text, who, 'only that speaker is listed');
    }
    await page.keyboard.press('f');
    await until(page, (s) => s.focus.speakerFilter === '', 'filter cleared');

    // Right: Numbers. S sorts by value; the rows then come in order of value.
    await page.keyboard.press('ArrowRight');
    await until(page, (s) => s.focus.panelTab === 2 && s.focus.panelId, 'Numbers tab');
    await page.keyboard.press('s');
    await until(page, (s) => s.focus.numberSort.column === 1 && s.focus.numberSort.ascending, 'sorted by value');
    await page.keyboard.press('Home');
    const rows = s.annotations.filter((a) => a.label === 'number' && a.status !== 'rejected').length;
    const values = [];
    for (let i = 0; i < rows; i++) {
      s = await until(page, (s) => s.focus.panelRow === i && s.focus.panelId, `row ${i}`);
      const v = annotation(s, s.focus.panelId).attrs.value;
      values.push(Array.isArray(v) ? v[0] : v);
      await page.keyboard.press('ArrowDown');
    }
    const numeric = values.filter((v) => typeof v === 'number');
    assert.ok(numeric.length >= 4, `several numbers have numeric values: ${values}`);
    assert.deepEqual(values.slice(0, numeric.length), numeric, `numeric values first: ${values}`);
    assert.deepEqual(numeric, [...numeric].sort((x, y) => x - y), `values in order: ${values}`);
    assert.notDeepEqual(values, s.annotations.filter((a) => a.label === 'number' && a.status !== 'rejected')
      .map((a) => (Array.isArray(a.attrs.value) ? a.attrs.value[0] : a.attrs.value)), 'not the text order');

    // Esc hands the keyboard back to the page, where arrows scroll again.
    await page.keyboard.press('Escape');
    s = await until(page, (s) => s.focus.zone === 'page', 'back on the page');
    const y = s.scroll.y;
    await page.keyboard.press('PageDown');
    await until(page, (s) => s.scroll.y > y, 'PgDn scrolls the page');
  });
});

test('a key pressed right after F6 goes where the keyboard now is, not to the dialog it left', async () => {
  const page = await reader();
  await withScreenshots('keyboard-race', () => pages, async () => {
    await page.keyboard.press('l');
    await until(page, (s) => s.focus.zone === 'dialog', 'Labels window');
    await navTo(page, 'ArrowDown', 'labels:new');
    await page.keyboard.press('ArrowUp');
    await navTo(page, 'ArrowRight', 'labels:delete:number');
    // F6 and Space at once: Space must scroll the page, not press the Delete button.
    await Promise.all([page.keyboard.press('F6'), page.keyboard.press('Space')]);
    const s = await until(page, (s) => s.focus.zone === 'page' && s.scroll.y > 0, 'Space scrolled the page');
    assert.equal(s.labels.length, 3, 'no label was deleted');
    assert.ok(s.ui['window:labels'], 'the window stays open, without the keyboard');
  });
});

test('a label key right after Esc in the find bar marks the match, even when frames are slow', async () => {
  const page = await reader();
  await withScreenshots('keyboard-find-escape', () => pages, async () => {
    // Slow frames put Esc and the next key in consecutive frames: the field that let go of the
    // keyboard must not swallow the key.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    try {
      await page.keyboard.press('Control+f');
      await page.keyboard.type('KCNA');
      await until(page, (s) => s.find.count >= 1, 'found', 30000);
      await page.keyboard.press('Escape');
      await page.keyboard.press('1');
      const s = await until(page, (s) => mine(s).length === 1, 'marked as an actor', 30000);
      assert.equal(mine(s)[0].label, 'actor');
      assert.equal(mine(s)[0].text, 'KCNA');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  });
});
