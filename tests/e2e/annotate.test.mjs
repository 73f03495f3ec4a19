// The minimal annotation path: drag-select with the mouse, press a key, save, reload, open the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { dragSelect, find, launch, mine, openReader, startServer, state, until, waitReady, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('select, mark as claim, save, reload and open the saved annotations', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotate-roundtrip', () => pages, async () => {
    // A span after curly quotes and apostrophes, so code points and bytes differ.
    const quote = 'The US pulled up the DPRK';
    const at = await find(page, quote);
    assert.ok(at.start > 400);
    await dragSelect(page, at.start, at.end);
    await page.keyboard.press('2');
    let s = await until(page, (s) => mine(s).length === 1, 'an annotation');
    const made = mine(s)[0];
    assert.equal(made.label, 'claim');
    assert.equal(made.status, 'accepted');
    assert.equal(made.start, at.start);
    assert.equal(made.end, at.end);
    assert.equal(made.text, quote);

    // A second one by selection of a word: close the new claim's card (it may cover the word),
    // double-click, then 1.
    await page.keyboard.press('Escape');
    await until(page, (s) => !s.active, 'card closed');
    const kim = await find(page, 'Kim');
    const r = (await page.evaluate(([a, b]) => window.lede.rects(a, b), [kim.start, kim.end]))[0];
    await page.mouse.dblclick(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.selection.text === 'Kim', 'double-click selects the word');
    await page.keyboard.press('1');
    s = await until(page, (s) => mine(s).length === 2, 'two annotations');
    assert.deepEqual(mine(s).map((a) => [a.label, a.text]), [['actor', 'Kim'], ['claim', quote]]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    assert.equal(download.suggestedFilename(), 'dprk-missiles-un.lede.json');
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(file.format, 'lede-annotations');
    assert.equal(file.version, 2);
    assert.deepEqual(file.ratings.map((r) => r.id), ['true', 'mostly-true', 'half-true', 'misleading', 'mostly-false', 'false', 'unproven']);
    assert.equal(file.document.length, 3057);
    assert.match(file.document.sha256, /^[0-9a-f]{64}$/);
    assert.ok(file.document.text.startsWith('North Korea has rejected'));
    const claim = file.annotations.find((a) => a.label === 'claim' && a.origin === 'user');
    assert.equal(claim.start, at.start);
    assert.equal(claim.end, at.end);
    assert.equal(claim.quote.exact, quote);
    assert.equal([...file.document.text].slice(claim.start, claim.end).join(''), quote);

    // A reload brings the work back from the browser's storage, with a visible notice.
    await until(page, (s) => s.autosave.saved, 'work stored in the browser');
    await page.reload();
    await waitReady(page);
    s = await until(page, (s) => mine(s).length === 2, 'annotations restored after the reload');
    assert.match(s.toast, /Restored your work/);

    // A fresh browser profile has nothing stored: opening the saved file brings the annotations.
    const fresh = await openReader(browser, server.url);
    pages.push(fresh.page);
    assert.equal(mine(await state(fresh.page)).length, 0);
    const [fc] = await Promise.all([fresh.page.waitForEvent('filechooser'), fresh.page.keyboard.press('Control+Shift+O')]);
    await fc.setFiles(path);
    s = await until(fresh.page, (s) => mine(s).length === 2, 'annotations back after opening the file');
    assert.equal(s.annotations.length, file.annotations.length, 'suggestions come back with their status');
    const back = mine(s).find((a) => a.label === 'claim');
    assert.equal(back.start, at.start);
    assert.equal(back.end, at.end);
    assert.equal(back.text, quote);
    assert.equal(s.notice, null);
  });
});

test('Escape clears the selection and keys do nothing without one', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('annotate-escape', () => pages, async () => {
    const at = await find(page, 'Blinken');
    await dragSelect(page, at.start, at.end);
    await page.keyboard.press('Escape');
    await until(page, (s) => s.selection.start === s.selection.end, 'selection cleared');
    // a few frames after the key, not a fixed time: on a slow machine 200 ms may be no frame at all
    const frame = await page.evaluate(() => window.lede.frameCount());
    await page.keyboard.press('1');
    await page.waitForFunction((f) => window.lede.frameCount() >= f + 3, frame);
    assert.equal(mine(await state(page)).length, 0);
  });
});
