// The rating scale, Edit > Ratings…, with the mouse and keyboard: a new rating named and valued,
// deleted, and the deletion undone from the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickUi, launch, menu, openReader, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('Edit > Ratings…: add, name and value a rating; delete it; undo', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('ratings', () => pages, async () => {
    let s = await state(page);
    const scale = s.ratings.map((r) => r.id);
    assert.ok(scale.length >= 3, 'the default scale');

    await menu(page, 'Edit', 'Ratings');
    await until(page, (s) => s.ui['window:ratings'] && s.ui['ratings:new'], 'the Ratings window');
    await clickUi(page, 'ratings:new');
    s = await until(page, (s) => s.ratings.length === scale.length + 1, 'a new rating');
    const added = s.ratings.at(-1);
    assert.ok(!scale.includes(added.id));

    // Name it: click its field, replace the text, Enter.
    await clickUi(page, `ratings:name:${added.id}`);
    await until(page, (s) => s.focus.textInput, 'name field active');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Satire');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.ratings.find((r) => r.id === added.id)?.name === 'Satire', 'renamed');

    // Its value: the field is the left part of the control (its - and + buttons are on the right).
    const v = s.ui[`ratings:value:${added.id}`];
    await page.mouse.click(v.x + 8, v.y + v.h / 2);
    await until(page, (s) => s.focus.textInput, 'value field active');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.ratings.find((r) => r.id === added.id)?.value === 7, 'valued');

    // Delete it, then undo the deletion with Ctrl+Z (from the page).
    await clickUi(page, `ratings:delete:${added.id}`);
    s = await until(page, (s) => !s.ratings.some((r) => r.id === added.id), 'deleted');
    assert.deepEqual(s.ratings.map((r) => r.id), scale);
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.ui['window:ratings'], 'window closed');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => s.ratings.some((r) => r.id === added.id), 'deletion undone');
    const back = s.ratings.find((r) => r.id === added.id);
    assert.equal(back.name, 'Satire');
    assert.equal(back.value, 7);
  });
});
