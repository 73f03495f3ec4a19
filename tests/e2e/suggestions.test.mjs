// Reviewing suggestions: accept, reject, bulk by kind and by entity, panels that link to the text.
// The suggestions come from a file (not from the analysis), so the test does not depend on it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cleanup, launch, openReader, repo, reveal, startServer, state, tempFile, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
const cps = [...text];
// Code-point spans of every occurrence of `word` not followed by a letter.
function spans(word) {
  const out = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (/\p{L}/u.test(text[i + word.length] || '')) continue;
    const start = [...text.slice(0, i)].length;
    out.push([start, start + [...word].length]);
  }
  return out;
}

function fixture() {
  const anns = [];
  let n = 0;
  const add = (label, [start, end], attrs) => anns.push({ id: `s${++n}`, label, origin: 'auto', status: 'suggested', start, end, attrs });
  for (const s of spans('North Korea')) add('actor', s, { kind: 'place', entity: 'North Korea' });
  for (const s of spans('Russia')) add('actor', s, { kind: 'place', entity: 'Russia' });
  add('number', spans('47')[0], { kind: 'count', value: 47, counted: 'nations', approx: true });
  add('number', spans('127')[0], { kind: 'count', value: 127, counted: 'injuries', bound: 'min' });
  add('number', spans('five')[0], { kind: 'count', value: 5, counted: 'fatalities' });
  const claim = 'North Korea’s contribution to Russia’s aggression exacerbates the suffering of the Ukrainian people and undermines global nonproliferation efforts';
  const c = spans(claim)[0];
  const who = spans('Blinken')[1];
  add('claim', c, { speaker: { start: who[0], end: who[1], text: 'Blinken', entity: 'Antony Blinken' }, cue: { start: who[1] + 1, end: who[1] + 8, text: 'argued' } });
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  return { format: 'lede-annotations', version: 1, document: { title: 'dprk-missiles-un', text }, annotations: anns };
}

const byStatus = (s, status) => s.annotations.filter((a) => a.status === status);
const click = async (page, r) => page.mouse.click(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);

test('accept, reject and bulk-review suggestions from the text, the panels and the menu', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('suggestions', () => pages, async () => {
    const fx = fixture();
    const file = tempFile('dprk-missiles-un.lede.json', JSON.stringify(fx));
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
    await fc.setFiles(file);
    let s = await until(page, (s) => s.annotations.length === fx.annotations.length && s.annotations.every((a) => a.status === 'suggested'), 'suggestions loaded');
    cleanup(file);

    // Hovering a suggestion in the text marks it (and its item in the panels).
    const n47 = s.annotations.find((a) => a.text === '47');
    let [r] = await reveal(page, n47.start, n47.end);
    await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.hover === n47.id, 'hover over 47');

    // Click opens it; A accepts it, keeping its attributes.
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.active === n47.id, 'card open');
    await page.keyboard.press('a');
    s = await until(page, (s) => s.annotations.find((a) => a.id === n47.id).status === 'accepted', 'accepted');
    const accepted = s.annotations.find((a) => a.id === n47.id);
    assert.equal(accepted.origin, 'auto');
    assert.deepEqual(accepted.attrs, { kind: 'count', value: 47, counted: 'nations', approx: true });

    // Tab to the next suggestion and reject it with R: it disappears from the text.
    await page.keyboard.press('Tab');
    const next = (await until(page, (s) => s.active && s.active !== n47.id, 'next highlight')).active;
    await page.keyboard.press('r');
    s = await until(page, (s) => s.annotations.find((a) => a.id === next).status === 'rejected', 'rejected');
    const rejected = s.annotations.find((a) => a.id === next);
    assert.equal((await page.evaluate(([a, b]) => window.lede.rects(a, b), [rejected.start, rejected.end])).length > 0, true);

    // Actors panel: a click on an entity brings its first mention on screen, the next click the next one.
    await click(page, s.ui['tab:Actors']);
    s = await until(page, (s) => s.ui['entity:Russia'], 'Russia in the Actors panel');
    await page.keyboard.press('Home');
    await until(page, (s) => s.scroll.y === 0, 'top');
    const russia = s.annotations.filter((a) => a.attrs.entity === 'Russia' && a.status === 'suggested');
    await click(page, s.ui['entity:Russia']);
    s = await until(page, (s) => s.ui['reject:entity'], 'entity focused');
    await click(page, s.ui['entity:Russia']);
    await click(page, s.ui['entity:Russia']);
    s = await until(page, (s) => s.scroll.y > 0, 'stepped down to a later mention');
    const third = russia[2];
    const rr = await page.evaluate(([a, b]) => window.lede.rects(a, b), [third.start, third.end]);
    assert.ok(rr[0].y >= s.page.y && rr[0].y + rr[0].h <= s.page.y + s.page.h, 'the third mention is on screen');

    // Reject every mention of Russia at once; undo brings them back in one step.
    const before = s.undo;
    await click(page, s.ui['reject:entity']);
    s = await until(page, (s) => s.annotations.filter((a) => a.attrs.entity === 'Russia').every((a) => a.status === 'rejected'), 'Russia rejected');
    assert.equal(s.undo, before + 1);
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => russia.every((r) => s.annotations.find((a) => a.id === r.id).status === 'suggested'), 'undone');

    // Suggestions menu: reject all numbers (the accepted 47 stays accepted).
    await click(page, s.ui['menu:Suggestions']);
    s = await until(page, (s) => s.ui['menu:Reject all numbers'], 'menu open');
    await click(page, s.ui['menu:Reject all numbers']);
    s = await until(page, (s) => s.annotations.filter((a) => a.label === 'number' && a.id !== n47.id).every((a) => a.status === 'rejected'), 'numbers rejected');
    assert.equal(s.annotations.find((a) => a.id === n47.id).status, 'accepted');

    // Claims panel: the claim with its speaker; a click brings it on screen.
    await page.keyboard.press('Home');
    s = await until(page, (s) => s.scroll.y === 0, 'top again');
    await click(page, s.ui['tab:Claims']);
    const claim = s.annotations.find((a) => a.label === 'claim');
    s = await until(page, (s) => s.ui[`row:${claim.id}`], 'claim row');
    await click(page, s.ui[`row:${claim.id}`]);
    s = await until(page, (s) => s.active === claim.id && s.scroll.y > 0, 'claim on screen');
    const cr = await page.evaluate(([a, b]) => window.lede.rects(a, b), [claim.start, claim.end]);
    assert.ok(cr[0].y >= s.page.y && cr[0].y < s.page.y + s.page.h);

    // Keyboard only: Tab to the first highlight (North Korea), Shift+R rejects the whole entity.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await until(page, (s) => s.active === null && s.scroll.y === 0, 'nothing open, at the top');
    await page.keyboard.press('Tab');
    s = await until(page, (s) => s.active === 's1', 'first highlight open');
    await page.keyboard.press('Shift+r');
    s = await until(page, (s) => s.annotations.filter((a) => a.attrs.entity === 'North Korea').every((a) => a.status === 'rejected'), 'North Korea rejected');

    // Saved files keep the review: rejected suggestions are remembered.
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.annotations.find((a) => a.id === next).status, 'rejected');
    assert.equal(saved.annotations.find((a) => a.id === n47.id).status, 'accepted');
    assert.equal(saved.annotations.length, fx.annotations.length);
  });
});
