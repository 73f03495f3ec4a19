// Correcting the analysis's entities with the mouse and keyboard: an entity merged into another
// from the Actors panel, one mention split off under a new name from its card, each undone and redone.
// The annotations come from a file (not from the analysis), so the test does not depend on it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { clickSettled, clickUi, launch, openFile, openReader, repo, spanOf, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
function fixture() {
  const anns = [];
  for (const [words, nth, entity, kind] of [
    ['North Korea', 0, 'North Korea', 'place'], ['North Korea', 1, 'North Korea', 'place'], ['North Korea', 2, 'North Korea', 'place'],
    ['DPRK', 0, 'DPRK', 'place'], ['Russia', 0, 'Russia', 'place'],
  ]) {
    const [start, end] = spanOf(text, words, nth);
    anns.push({ id: `a${anns.length + 1}`, label: 'actor', origin: 'auto', status: 'suggested', start, end, attrs: { kind, entity } });
  }
  anns.sort((a, b) => a.start - b.start);
  return { format: 'lede-annotations', version: 1, document: { title: 'dprk-missiles-un', text }, annotations: anns };
}


const entityOf = (s, id) => s.annotations.find((a) => a.id === id).attrs.entity;
const entities = (s) => Object.fromEntries(s.annotations.map((a) => [a.id, a.attrs.entity]));

test('merge an entity into another and split a mention off, undo and redo each', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('entities', () => pages, async () => {
    const fx = fixture();
    await openFile(page, 'dprk-missiles-un.lede.json', fx);
    const dprk = fx.annotations.find((a) => a.attrs.entity === 'DPRK').id;
    const before = entities(await state(page));

    // Merge: pick DPRK in the Actors panel, "Merge into…", pick North Korea, Merge.
    await clickUi(page, 'tab:Actors');
    await clickUi(page, 'entity:DPRK');
    await clickUi(page, 'actors:merge');
    await clickSettled(page, 'entity:pick:North Korea');
    await clickUi(page, 'entity:keep');
    let s = await until(page, (s) => entityOf(s, dprk) === 'North Korea', 'DPRK merged into North Korea');
    assert.ok(!s.ui['entity:DPRK'] || !s.annotations.some((a) => a.attrs.entity === 'DPRK'), 'no DPRK entity left');
    assert.equal(s.annotations.filter((a) => a.attrs.entity === 'North Korea').length, 4);
    assert.equal(entityOf(s, fx.annotations.find((a) => a.attrs.entity === 'Russia').id), 'Russia', 'others untouched');

    // Undo brings DPRK back; redo merges again.
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => entityOf(s, dprk) === 'DPRK', 'merge undone');
    assert.deepEqual(entities(s), before);
    await page.keyboard.press('Control+Shift+z');
    await until(page, (s) => entityOf(s, dprk) === 'North Korea', 'merge redone');
    await page.keyboard.press('Control+z');
    await until(page, (s) => entityOf(s, dprk) === 'DPRK', 'merge undone again');

    // Split: the first highlight's card (Tab), "Change (P)", a new name typed, Enter.
    const first = fx.annotations[0];
    assert.equal(first.attrs.entity, 'North Korea');
    await page.mouse.click(s.page.x + s.page.w / 2, s.page.y + 10);
    await page.keyboard.press('Tab');
    s = await until(page, (s) => s.active === first.id && s.card && s.ui['card:entity'], 'the first mention’s card');
    await clickUi(page, 'card:entity');
    await until(page, (s) => s.ui['entity:name'] && s.focus.textInput, 'the entity dialog, name field active');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Democratic People’s Republic of Korea');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => entityOf(s, first.id) === 'Democratic People’s Republic of Korea', 'mention split off');
    assert.equal(s.annotations.filter((a) => a.attrs.entity === 'North Korea').length, 2, 'the other mentions stay');
    await until(page, (s) => s.ui['entity:Democratic People’s Republic of Korea'], 'the new entity listed in the Actors panel');

    await page.keyboard.press('Control+z');
    s = await until(page, (s) => entityOf(s, first.id) === 'North Korea', 'split undone');
    assert.deepEqual(entities(s), before);
    await page.keyboard.press('Control+y');
    await until(page, (s) => entityOf(s, first.id) === 'Democratic People’s Republic of Korea', 'split redone');
  });
});
