// The Timeline tab: the article's dates placed on the calendar in date order (not text order),
// relative ones ("Friday") counted from the publication date; a row or a mark on the axis clicked
// takes the page to the date's sentence and opens its card; a rejected date leaves the timeline on
// the next frame and Ctrl+Z brings it back; without a publication date the weekdays are not placed.
// The annotations come from a file (not from the analysis), so the test does not depend on it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { clickUi, inView, launch, menu, openFile, openReader, repo, spanOf, startServer, state, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');

// Dates in text order: Friday, Wednesday, December 30, 2006, January 2. Published on Friday 2024-01-05.
function fixture() {
  const date = (id, words, nth, kind, value) => {
    const [start, end] = spanOf(text, words, nth);
    return { id, label: 'number', origin: 'auto', status: 'suggested', start, end, attrs: { kind, value } };
  };
  const anns = [
    date('fri', 'Friday', 0, 'weekday', 'Friday'),
    date('wed', 'Wednesday', 0, 'weekday', 'Wednesday'),
    date('dec30', 'December 30', 0, 'date', '--12-30'),
    date('y2006', '2006', 0, 'year', 2006),
    date('jan2', 'January 2', 0, 'date', '--01-02'),
  ].sort((a, b) => a.start - b.start);
  return {
    format: 'lede-annotations', version: 2,
    document: { title: 'dprk-missiles-un', text, meta: { published: '2024-01-05' } },
    annotations: anns,
  };
}

const centre = (r) => ({ x: r.x + Math.min(r.w / 2, 40), y: r.y + r.h / 2 });
const rowY = (s, id) => s.ui[`timeline:row:${id}`]?.y;
// Scrolls the article to its end with the keyboard, so that following a date must bring it back.
async function toEnd(page) {
  const s = await state(page);
  await page.mouse.move(s.page.x + s.page.w / 2, s.page.y + s.page.h / 2);
  await page.keyboard.press('End');
  await until(page, (s) => s.scroll.y > 0 || s.scroll.max === 0, 'page scrolled to the end');
}

test('the Timeline tab: dates in calendar order, rows and marks go to their sentence, rejecting and undo follow', async () => {
  // A short window, so that the article scrolls and following a date has to move the page.
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 600 } });
  pages.push(page);
  await withScreenshots('timeline', () => pages, async () => {
    await openFile(page, 'dprk-missiles-un.lede.json', fixture());
    await clickUi(page, 'tab:Timeline', 'the Timeline tab');
    const order = ['y2006', 'dec30', 'jan2', 'wed', 'fri'];  // 2006, 2023-12-30, 2024-01-02, 01-03, 01-05
    let s = await until(page, (s) => s.focus.panelTab === 6 && order.every((id) => rowY(s, id) !== undefined), 'every date listed');
    for (let i = 1; i < order.length; i++)
      assert.ok(rowY(s, order[i - 1]) < rowY(s, order[i]), `${order[i - 1]} is listed before ${order[i]}`);
    for (const id of order) assert.ok(s.ui[`timeline:mark:${id}`], `${id} has a mark on the axis`);
    // On the axis, later dates sit further right.
    assert.ok(s.ui['timeline:mark:dec30'].x < s.ui['timeline:mark:jan2'].x);
    assert.ok(s.ui['timeline:mark:jan2'].x < s.ui['timeline:mark:fri'].x);
    // The year 2006 does not squeeze the week around the publication date into a point: the axis
    // breaks between them, and the week's days stand apart.
    assert.ok(s.ui['timeline:mark:y2006'].x + s.ui['timeline:mark:y2006'].w < s.ui['timeline:mark:dec30'].x - 10, '2006 before a break');
    assert.ok(s.ui['timeline:mark:fri'].x - s.ui['timeline:mark:dec30'].x > 60, 'December 30 and Friday apart on the axis');
    assert.ok(s.ui['timeline:mark:jan2'].x - s.ui['timeline:mark:dec30'].x > 15, 'December 30 and January 2 apart');

    // A row clicked: the page goes to the date and its card opens.
    await toEnd(page);
    assert.ok(!(await inView(page, 'dec30')), 'December 30 is off screen before the click');
    await clickUi(page, 'timeline:row:dec30', 'the December 30 row');
    s = await until(page, (s) => s.active === 'dec30' && s.card, 'December 30 opened from its row');
    assert.ok(await inView(page, 'dec30'), 'the text scrolled to December 30');

    // A mark on the axis clicked: the same, for Friday (its row is further down the list).
    await toEnd(page);
    assert.ok(!(await inView(page, 'fri')), 'Friday is off screen before the click');
    const mark = centre((await state(page)).ui['timeline:mark:fri']);
    await page.mouse.move(mark.x, mark.y);
    await page.mouse.down();
    await page.mouse.up();
    s = await until(page, (s) => s.active === 'fri' && s.card, 'Friday opened from its mark');
    assert.ok(await inView(page, 'fri'), 'the text scrolled to Friday');

    // Rejected on its card (R), the date leaves the timeline; Ctrl+Z brings it back in its place.
    await page.keyboard.press('r');
    s = await until(page, (s) => !s.ui['timeline:row:fri'] && !s.ui['timeline:mark:fri'], 'Friday gone after reject');
    assert.equal(s.annotations.find((a) => a.id === 'fri').status, 'rejected');
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => s.ui['timeline:row:fri'] && s.ui['timeline:mark:fri'], 'Friday back after undo');
    assert.ok(rowY(s, 'wed') < rowY(s, 'fri'), 'back after Wednesday, the latest date');
  });
});

test('without a publication date the weekdays are not placed: they follow the placed dates, off the axis', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('timeline-undated', () => pages, async () => {
    await openFile(page, 'dprk-missiles-un.lede.json', fixture());
    await clickUi(page, 'tab:Timeline', 'the Timeline tab');
    await until(page, (s) => s.ui['timeline:mark:fri'], 'Friday placed while the date is known');

    // The reader clears the publication date in File > Article details…
    await menu(page, 'File', 'Article details');
    await until(page, (s) => s.ui['details:published'], 'details dialog');
    await clickUi(page, 'details:published');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    let s = await until(page, (s) => s.article.meta.published === '' && !s.ui['details:keep'], 'publication date cleared');

    s = await until(page, (s) => s.ui['timeline:row:fri'] && !s.ui['timeline:mark:fri'], 'Friday no longer on the axis');
    assert.ok(!s.ui['timeline:mark:wed'], 'nor Wednesday');
    assert.ok(s.ui['timeline:mark:y2006'], 'a year is placed without a publication date');
    // Placed first, then the others in text order: Friday comes before Wednesday in the text.
    assert.ok(rowY(s, 'y2006') < rowY(s, 'fri') && rowY(s, 'fri') < rowY(s, 'wed'));
  });
});
