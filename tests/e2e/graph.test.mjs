// The claim graph (issue 15): the Graph tab opened with the mouse, an edge hovered (its tooltip
// lists its claims) and clicked (the text scrolls to the claim and its card opens, the next click
// the next claim), a node clicked (its mentions), the graph following accept and reject on the next
// frame; and the keyboard: F6, arrows between nodes, Enter through the claims of the node.
// The annotations come from a file (not from the analysis), so the test does not depend on it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { clickUi, inView, launch, openFile, openReader, repo, spanOf, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
const span = (words, nth = 0) => spanOf(text, words, nth);

function fixture() {
  const anns = [];
  let n = 0;
  const add = (label, [start, end], attrs) => {
    anns.push({ id: `s${++n}`, label, origin: 'auto', status: 'suggested', start, end, attrs });
    return `s${n}`;
  };
  const at = (words, nth = 0) => { const [start, end] = span(words, nth); return { start, end, text: words }; };
  for (const [words, nth, entity, kind, role] of [
    ['North Korea', 0, 'North Korea', 'place'], ['Russia', 0, 'Russia', 'place'], ['Kim Song', 0, 'Kim Song', 'person', 'ambassador to the United Nations'],
    ['North Korea', 1, 'North Korea', 'place'], ['United States', 0, 'United States', 'place'], ['U.S.', 0, 'United States', 'place'],
    ['US', 0, 'United States', 'place'], ['Vasily Nebenzya', 0, 'Vasily Nebenzya', 'person'], ['U.S.', 2, 'United States', 'place'],
  ]) add('actor', span(words, nth), role ? { kind, entity, role } : { kind, entity });
  const ids = {};
  ids.rejected = add('claim', span('the allegations that Russia used North Korean missiles in the war with Ukraine'),
    { speaker: { ...at('North Korea'), entity: 'North Korea' }, cue: at('rejected') });
  ids.blame1 = add('claim', span('the United States for the ongoing conflict'), { speaker: { ...at('Kim Song'), entity: 'Kim Song' }, cue: at('blame') });
  ids.blame2 = add('claim', span('the Ukrainian situation was created by the confrontation policy of the U.S.'),
    { speaker: { ...at('Kim Song'), entity: 'Kim Song' }, cue: at('blame') });
  // "the ambassador" has no entity: the graph links it to Kim Song by his role
  ids.quote = add('claim', span('The US pulled up the DPRK'), { speaker: at('the ambassador'), cue: at('quoted the ambassador as saying') });
  ids.nebenzya = add('claim', span('the U.S. was disseminating incorrect information'),
    { speaker: { ...at('Vasily Nebenzya'), entity: 'Vasily Nebenzya' }, cue: at('suggesting') });
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  return { ids, file: { format: 'lede-annotations', version: 1, document: { title: 'dprk-missiles-un', text }, annotations: anns } };
}

// Opens the fixture's file with Ctrl+O, as a reader does; its claim ids.
async function openFixture(page) {
  const { ids, file } = fixture();
  await openFile(page, 'dprk-missiles-un.lede.json', file);
  return { ids };
}

// The centre of a control the page reports in state().ui.
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

test('the Graph tab: hover an edge for its claims, click to follow them into the text; accept and reject change it', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('graph', () => pages, async () => {
    const { ids } = await openFixture(page);

    await clickUi(page, 'tab:Graph', 'the Graph tab');
    const blame = 'graph:edge:Kim Song>United States:accuses';
    let s = await until(page, (s) => s.ui[blame] && s.focus.panelTab === 5, 'the graph drawn');
    assert.ok(s.ui['graph:edge:North Korea>Russia:denies'], 'North Korea rejected the allegations about Russia');
    assert.ok(s.ui['graph:edge:Kim Song>United States:says'], '"the ambassador" is linked to Kim Song');
    assert.ok(s.ui['graph:edge:Vasily Nebenzya>United States:says']);
    assert.ok(s.ui['graph:node:Kim Song'] && s.ui['graph:node:United States']);

    // The page is scrolled away from the claims first, so following one must bring it back.
    await page.mouse.move(s.page.x + s.page.w / 2, s.page.y + s.page.h / 2);
    await page.keyboard.press('End');
    await until(page, (s) => s.scroll.y > 0 || s.scroll.max === 0, 'page scrolled to the end');

    // Hover: the tooltip lists the edge's two claims.
    const p = centre(s.ui[blame]);
    await page.mouse.move(p.x, p.y);
    s = await until(page, (s) => s.focus.graph.tooltipClaims.length > 0, 'edge tooltip');
    assert.deepEqual(s.focus.graph.tooltipClaims, [ids.blame1, ids.blame2]);

    // Click: the first claim's card opens and its text is on screen; the next click, the second.
    await page.mouse.down();
    await page.mouse.up();
    s = await until(page, (s) => s.active === ids.blame1 && s.card, 'first claim opened');
    assert.ok(await inView(page, ids.blame1), 'the text scrolled to the claim');
    await page.mouse.down();
    await page.mouse.up();
    await until(page, (s) => s.active === ids.blame2 && s.card, 'second claim opened');

    // A node: each click goes to the entity's next mention.
    const node = centre((await state(page)).ui['graph:node:North Korea']);
    await page.mouse.click(node.x, node.y);
    s = await until(page, (s) => s.active && s.annotations.find((a) => a.id === s.active)?.attrs?.entity === 'North Korea', 'a North Korea mention');
    const first = s.active;
    await page.mouse.click(node.x, node.y);
    s = await until(page, (s) => s.active !== first && s.annotations.find((a) => a.id === s.active)?.attrs?.entity === 'North Korea', 'the next mention');

    // Reject a claim on its card: its edge leaves the graph on the next frame.
    const nebenzya = centre((await state(page)).ui['graph:edge:Vasily Nebenzya>United States:says']);
    await page.mouse.click(nebenzya.x, nebenzya.y);
    await until(page, (s) => s.active === ids.nebenzya && s.card, 'Nebenzya claim opened');
    await page.keyboard.press('r');
    s = await until(page, (s) => !s.ui['graph:edge:Vasily Nebenzya>United States:says'], 'edge gone after reject');
    assert.equal(s.annotations.find((a) => a.id === ids.nebenzya).status, 'rejected');
    assert.ok(!s.focus.graph.edges.some((e) => e.claims.includes(ids.nebenzya)));

    // Accepted only: nothing is accepted yet, so no edge; accept one claim and its edge comes back.
    await clickUi(page, 'graph:accepted-only', 'Accepted only');
    await until(page, (s) => s.focus.graph.edges.length === 0 && !s.ui[blame], 'only accepted claims: none');
    await page.keyboard.press('Home');
    const claim = (await state(page)).annotations.find((a) => a.id === ids.blame1);
    const [r] = await page.evaluate(([b, e]) => window.lede.rects(b, e), [claim.start, claim.end]);
    await page.mouse.click(r.x + 4, r.y + r.h / 2);  // on "the", outside the actor inside it
    await until(page, (s) => s.active === ids.blame1, 'claim opened from the text');
    await page.keyboard.press('a');
    s = await until(page, (s) => s.focus.graph.edges.length === 1, 'the accepted claim drawn');
    assert.deepEqual(s.focus.graph.edges[0], { from: 'Kim Song', to: 'United States', stance: 'accuses', claims: [ids.blame1] });
    assert.ok(s.ui[blame]);

    // Undo brings the suggestion back: the graph follows.
    await page.keyboard.press('Control+z');
    await until(page, (s) => s.focus.graph.edges.length === 0, 'undone');
  });
});

test('the graph by keyboard: F6, arrows move between nodes, Enter steps through the claims of the node', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('graph-keys', () => pages, async () => {
    await openFixture(page);
    await clickUi(page, 'tab:Graph', 'the Graph tab');
    await until(page, (s) => s.ui['graph:node:Kim Song'], 'the graph drawn');
    await page.keyboard.press('F6');
    await until(page, (s) => s.focus.zone === 'panels', 'keyboard in the side panels');

    // The claims on the edges of the keyboard's node, from the graph the page reports.
    const claimsOf = (s, entity) => s.focus.graph.edges.filter((e) => e.from === entity || e.to === entity).flatMap((e) => e.claims);
    await page.keyboard.press('ArrowRight');
    let s = await until(page, (s) => s.focus.graph.cursor !== null, 'a node under the keyboard');
    const first = s.focus.graph.cursor;
    // Enter: the node's first claim opens; Enter again: the next one (when it has more).
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.active && claimsOf(s, first).includes(s.active), `a claim of ${first} opened`);
    const opened = s.active;
    if (claimsOf(s, first).length > 1) {
      await page.keyboard.press('Enter');
      await until(page, (s) => s.active !== opened && claimsOf(s, first).includes(s.active), `the next claim of ${first}`);
    }
    // Arrows move to another node: some direction has one.
    let other = first;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      const drawn = await page.evaluate(() => window.lede.frameCount());
      await page.keyboard.press(key);
      await page.waitForFunction((f) => window.lede.frameCount() > f + 1, drawn);  // the key's frame is drawn
      other = (await state(page)).focus.graph.cursor;
      if (other !== first) break;
    }
    assert.notEqual(other, first, 'the arrows moved to another node');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.active && claimsOf(s, other).includes(s.active), `a claim of ${other} opened`);
  });
});
