// Annotation files across versions and readers: re-anchoring on a corrected article (orphans kept),
// merging a second reader's file with agreement figures, and the W3C Web Annotation round trip.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { choose, cleanup, dragSelect, find, launch, mine, openReader, repo, startServer, state, tempFile, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const original = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
const cpOf = (text, needle, n = 0) => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
};

async function mark(page, word, key) {
  const at = await find(page, word);
  await dragSelect(page, at.start, at.end);
  await page.keyboard.press(key);
  await until(page, (s) => mine(s).some((a) => a.start === at.start), `marked ${word}`);
  await page.keyboard.press('Escape');  // close its card
}

async function menu(page, top, item) {
  let s = await state(page);
  const r = s.ui[top];
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  s = await until(page, (s) => s.ui[item], `menu item ${item}`);
  const i = s.ui[item];
  await page.mouse.click(i.x + 20, i.y + i.h / 2);
}

test('a corrected article keeps its annotations; what is gone becomes an orphan and is saved', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('revisions-reanchor', () => pages, async () => {
    await mark(page, 'Kharkiv', '1');
    await mark(page, 'Dmitry Peskov', '1');
    await mark(page, 'Blinken argued', '2');
    const peskovId = mine(await state(page)).find((a) => a.text === 'Dmitry Peskov').id;
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const savedPath = await dl.path();

    // The corrected version: a new first paragraph, and Peskov's sentence removed.
    const peskov = 'When questioned about the weapons transfers, Kremlin spokesman Dmitry Peskov refrained from commenting. ';
    assert.ok(original.includes(peskov));
    const revised = 'Correction: an earlier version of this article misstated the date of the joint statement.\n' + original.replace(peskov, '');
    const file = tempFile('dprk-missiles-un-corrected.txt', revised);
    await choose(page, 'Control+o', file);
    await until(page, (s) => s.article.title === 'dprk-missiles-un-corrected', 'corrected article open');
    await choose(page, 'Control+Shift+O', savedPath);
    const s = await until(page, (s) => mine(s).length === 2 && s.orphans.some((o) => o.id === peskovId), 're-anchored');
    cleanup(file);
    assert.match(s.toast, /another version of this article/);
    const kharkiv = mine(s).find((a) => a.text === 'Kharkiv');
    assert.deepEqual([kharkiv.start, kharkiv.end], [cpOf(revised, 'Kharkiv').start, cpOf(revised, 'Kharkiv').end]);
    assert.ok(mine(s).some((a) => a.text === 'Blinken argued' && a.label === 'claim'));
    assert.equal(s.orphans.find((o) => o.id === peskovId).quote, 'Dmitry Peskov');
    await until(page, (s) => s.ui['tab:Orphans'], 'the Orphans list is visible');

    const [dl2] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    const again = JSON.parse(readFileSync(await dl2.path(), 'utf8'));
    assert.equal(again.orphans.find((o) => o.id === peskovId).quote.exact, 'Dmitry Peskov');
  });
});

test('merging a second reader’s file: agreement per label, adopt their annotations', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('revisions-merge', () => pages, async () => {
    await mark(page, 'Kharkiv', '1');
    await mark(page, '47', '3');
    const theirs = {
      format: 'lede-annotations', version: 1, author: 'Reader B',
      document: { title: 'dprk-missiles-un', text: original },
      annotations: [
        { id: 'b1', label: 'actor', start: cpOf(original, 'Kharkiv').start, end: cpOf(original, 'Kharkiv').end },
        { id: 'b2', label: 'actor', start: cpOf(original, 'Belgorod').start, end: cpOf(original, 'Belgorod').end, note: 'Russian city' },
        { id: 'b3', label: 'number', start: cpOf(original, '127').start, end: cpOf(original, '127').end },
      ],
    };
    const file = tempFile('reader-b.lede.json', JSON.stringify(theirs));
    const [fc] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'menu:File', 'menu:Merge')]);
    await fc.setFiles(file);
    let s = await until(page, (s) => s.merge && s.merge.theirs === 3, 'merge window');
    cleanup(file);
    // Only reviewed annotations count: suggestions nobody accepted are not a reader's work.
    const actor = s.merge.agreement.actor;
    assert.equal(actor.theirs, 2);
    assert.ok(actor.f1 > 0 && actor.f1 < 1, `actor F1 ${actor.f1}`);
    assert.equal(s.merge.author, 'Reader B');

    // Adopt Belgorod alone, then the rest at once.
    s = await until(page, (s) => s.ui['merge:adopt:b2'], 'row for Belgorod');
    const r = s.ui['merge:adopt:b2'];
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    s = await until(page, (s) => mine(s).some((a) => a.text === 'Belgorod'), 'Belgorod adopted');
    const adopted = mine(s).find((a) => a.text === 'Belgorod');
    assert.equal(adopted.note, 'Russian city');
    assert.equal(adopted.author, 'Reader B');
    const all = s.ui['merge:adopt-all'];
    await page.mouse.click(all.x + all.w / 2, all.y + all.h / 2);
    s = await until(page, (s) => mine(s).some((a) => a.text === '127'), '127 adopted');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => !mine(s).some((a) => a.text === '127'), 'adoption undone');
  });
});

test('W3C Web Annotation export opens again with every annotation', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('revisions-w3c', () => pages, async () => {
    await mark(page, 'Kharkiv', '1');
    await mark(page, 'five fatalities', '3');
    const before = await state(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), menu(page, 'menu:File', 'menu:Export W3C')]);
    assert.equal(dl.suggestedFilename(), 'dprk-missiles-un.w3c.jsonld');
    const path = await dl.path();
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    const ctx = [].concat(doc['@context']);
    assert.ok(ctx.includes('http://www.w3.org/ns/anno.jsonld'));
    assert.equal(doc.type, 'AnnotationCollection');

    const fresh = await openReader(browser, server.url);
    pages.push(fresh.page);
    const file = tempFile('dprk-missiles-un.w3c.jsonld', readFileSync(path));
    await choose(fresh.page, 'Control+o', file);
    const s = await until(fresh.page, (s) => mine(s).length === 2, 'annotations from the W3C file');
    cleanup(file);
    const key = (a) => `${a.label}:${a.start}:${a.end}:${a.status}:${a.origin}`;
    assert.deepEqual(s.annotations.map(key).sort(), before.annotations.map(key).sort());
  });
});
