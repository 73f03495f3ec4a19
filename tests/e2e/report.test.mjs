// The report (issue 13): accept a suggestion, open a file whose claim carries a review, export the
// report through File > Export report with the mouse, open the downloaded page in the browser and
// read it there (the claims row with its rating, the highlights) while every request is watched;
// the other exports and Ctrl+P's print view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cleanup, clickUi, launch, openReader, repo, reveal, startServer, state, tempFile, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
function span(word, n = 0) {
  let i = -1;
  for (let k = 0; k <= n; ++k) i = text.indexOf(word, i + 1);
  const start = [...text.slice(0, i)].length;
  return [start, start + [...word].length];
}

const claimWords = 'North Korea’s contribution to Russia’s aggression exacerbates the suffering of the Ukrainian people and undermines global nonproliferation efforts';
function fixture() {
  const [c0, c1] = span(claimWords), who = span('Blinken', 1), n47 = span('47'), n127 = span('127');
  return {
    format: 'lede-annotations', version: 2,
    document: { title: 'dprk-missiles-un', text, meta: { title: 'Seoul and allies condemn missile transfers', url: 'https://news.example/dprk?id=1&x=2', outlet: 'Example Wire', published: '2024-11-05' } },
    annotations: [
      { id: 's1', label: 'number', origin: 'auto', status: 'suggested', start: n47[0], end: n47[1], attrs: { kind: 'count', value: 47, counted: 'nations' } },
      { id: 's2', label: 'number', origin: 'auto', status: 'suggested', start: n127[0], end: n127[1], attrs: { kind: 'count', value: 127 } },
      { id: 's3', label: 'claim', origin: 'auto', status: 'accepted', start: c0, end: c1, note: 'Ask the <script>desk</script>',
        attrs: { speaker: { start: who[0], end: who[1], text: 'Blinken', entity: 'Antony Blinken' } },
        review: { rating: 'misleading', explanation: 'Partly supported by the UN panel’s report.', status: 'checked', reviewer: 'Rita Reviewer', date: '2024-11-06',
                  evidence: [{ url: 'https://un.example/panel-report', quote: 'transfers observed', note: 'p. 12' }] } },
    ].sort((a, b) => a.start - b.start),
  };
}

// Loads a downloaded report as a page of its own, served at one address; every other request
// the page makes is recorded and refused.
async function openReport(html) {
  const context = await browser.newContext();
  const requests = [];
  const address = 'http://report.invalid/report.html';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === address) route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else route.abort();
  });
  const page = await context.newPage();
  await page.goto(address);
  await page.waitForLoadState('load');
  return { context, page, requests };
}

// Opens the fixture as a file through Ctrl+O (File > Open article…).
async function openFixture(page) {
  const fx = fixture();
  const file = tempFile('dprk-missiles-un.lede.json', JSON.stringify(fx));
  const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await fc.setFiles(file);
  await until(page, (s) => s.annotations.length === 3 && s.annotations.some((a) => a.id === 's3' && a.status === 'accepted'), 'file opened');
  cleanup(file);
  return fx;
}

async function exportItem(page, item) {
  await clickUi(page, 'menu:File');
  await clickUi(page, 'menu:Export report');
  const [download] = await Promise.all([page.waitForEvent('download'), clickUi(page, item)]);
  // The menu closes and gives the keyboard back to the page (a frame later) before the next click.
  await until(page, (s) => !s.ui['menu:Export report'] && s.focus.zone === 'page', 'menu closed, keyboard on the page');
  return download;
}

test('export the report from the File menu and read it in the browser; it asks for nothing', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('report', () => pages, async () => {
    const fx = await openFixture(page);

    // Accept the suggested 47 from its card; 127 stays an open suggestion.
    const [r] = await reveal(page, fx.annotations.find((a) => a.id === 's1').start, fx.annotations.find((a) => a.id === 's1').end);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await until(page, (s) => s.active === 's1', 'card open');
    await page.keyboard.press('a');
    await until(page, (s) => s.annotations.find((a) => a.id === 's1').status === 'accepted', '47 accepted');
    await page.keyboard.press('Escape');

    // File > Export report > Report (HTML): one file named after the article.
    const download = await exportItem(page, 'menu:Report HTML');
    assert.equal(download.suggestedFilename(), 'dprk-missiles-un.report.html');
    const html = readFileSync(await download.path(), 'utf8');
    await until(page, (s) => /Exported dprk-missiles-un\.report\.html/.test(s.status), 'status says so');

    const report = await openReport(html);
    pages.push(report.page);
    const rp = report.page;
    assert.deepEqual(report.requests, ['http://report.invalid/report.html'], 'the report asks for nothing but itself');
    assert.equal(await rp.locator('script').count(), 0);
    assert.equal(await rp.title(), 'Fact-check report: Seoul and allies condemn missile transfers');
    assert.equal(await rp.locator('h1').innerText(), 'Seoul and allies condemn missile transfers');
    assert.equal(await rp.locator('header a[href="https://news.example/dprk?id=1&x=2"]').innerText(), 'https://news.example/dprk?id=1&x=2');
    // The claims table: the row with its speaker, words, rating, status, evidence.
    const row = rp.locator('#claim-1');
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[0], 'Antony Blinken');
    assert.equal(cells[1], `“${claimWords}”`);
    assert.match(cells[2], /^Misleading\n4 on a scale of 1 to 7$/);
    assert.equal(cells[3], 'checked');
    assert.equal(cells[4], 'Partly supported by the UN panel’s report.');
    assert.equal(await row.locator('td a[href="https://un.example/panel-report"]').count(), 1);
    assert.match(cells[5], /transfers observed/);
    assert.equal(await rp.locator('#claim-2').count(), 0);
    // Highlights: the accepted 47 and the claim, tagged; the open suggestion 127 left out.
    assert.equal(await rp.locator('mark#m-s1 .tag').innerText(), 'NUMBER');  // text-transform: the tag is “Number”
    assert.equal(await rp.locator('mark#m-s1').innerText(), 'NUMBER47');
    assert.equal(await rp.locator('mark#m-s3 .tag a[href="#claim-1"]').count(), 1);
    assert.equal(await rp.locator('#m-s2').count(), 0);
    assert.match(await rp.locator('#numbers').innerText(), /47\t47\tcount\tnations/);
    // The note's markup is text, and highlights differ by more than colour (their underline style).
    assert.match(await rp.locator('#notes').innerText(), /Ask the <script>desk<\/script>/);
    const styles = await rp.evaluate(() => ['m-s1', 'm-s3'].map((id) => getComputedStyle(document.getElementById(id)).borderBottomStyle));
    assert.deepEqual(styles, ['dotted', 'double']);
    assert.deepEqual(report.requests, ['http://report.invalid/report.html'], 'still nothing else after reading it');
    await report.context.close();
    pages.pop();
  });
});

test('the other exports and the print view', async () => {
  const { page } = await openReader(browser, server.url, { viewport: { width: 1400, height: 850 } });
  pages.push(page);
  await withScreenshots('report-other', () => pages, async () => {
    await openFixture(page);

    let d = await exportItem(page, 'menu:ClaimReview');
    assert.equal(d.suggestedFilename(), 'dprk-missiles-un.claimreview.jsonld');
    const cr = JSON.parse(readFileSync(await d.path(), 'utf8'));
    assert.equal(cr.length, 1);
    assert.equal(cr[0]['@type'], 'ClaimReview');
    assert.equal(cr[0].claimReviewed, claimWords);
    assert.deepEqual(cr[0].reviewRating, { '@type': 'Rating', ratingValue: 4, bestRating: 7, worstRating: 1, alternateName: 'Misleading' });
    assert.deepEqual(cr[0].itemReviewed.author, { '@type': 'Person', name: 'Antony Blinken' });
    assert.equal(cr[0].itemReviewed.appearance.url, 'https://news.example/dprk?id=1&x=2');
    assert.deepEqual(cr[0].author, { '@type': 'Person', name: 'Rita Reviewer' });
    // No url until the reader says where checks are published; the status bar says how.
    assert.equal(cr[0].url, undefined);
    assert.match((await state(page)).status, /without a url: View > Settings/);

    // View > Settings…: an address that is not http(s) is refused in the dialog; a good one kept.
    await clickUi(page, 'menu:View');
    await clickUi(page, 'view:Settings');
    await clickUi(page, 'settings:checks-url');
    await until(page, (s) => s.focus.textInput, 'the URL field active');
    await page.keyboard.type('checks.example/dprk');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    let s = await until(page, (s) => s.ui['settings:checks-url'], 'the dialog stays');
    assert.equal(s.view.checksUrl, '', 'not kept');
    await clickUi(page, 'settings:checks-url');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://checks.example/dprk');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.view.checksUrl === 'https://checks.example/dprk' && !s.ui['window:settings'], 'kept, dialog closed');
    d = await exportItem(page, 'menu:ClaimReview');
    assert.equal(JSON.parse(readFileSync(await d.path(), 'utf8'))[0].url, 'https://checks.example/dprk#claim-1');

    d = await exportItem(page, 'menu:Claims CSV');
    assert.equal(d.suggestedFilename(), 'dprk-missiles-un.claims.csv');
    const csv = readFileSync(await d.path(), 'utf8').split('\r\n');
    assert.equal(csv[0], 'number,id,speaker,cue,claim,rating,rating_value,status,explanation,evidence_urls,reviewer,date');
    assert.match(csv[1], /^1,s3,Antony Blinken,,North Korea’s contribution .*,Misleading,4,checked,/);

    d = await exportItem(page, 'menu:Report Markdown');
    assert.equal(d.suggestedFilename(), 'dprk-missiles-un.report.md');
    assert.match(readFileSync(await d.path(), 'utf8'), /^# Seoul and allies condemn missile transfers\n/);

    // Ctrl+P prints the report (not the canvas): it is put in a frame of its own, styled, and printed.
    await page.keyboard.press('Control+p');
    await until(page, (s) => /Printing the report/.test(s.status), 'print started');
    const frame = await page.waitForSelector('#lede-print', { state: 'attached' });
    const doc = await frame.contentFrame();
    await doc.waitForSelector('#claim-1');
    assert.match(await doc.locator('#claim-1').innerText(), /Misleading/);
    assert.equal(await doc.evaluate(() => document.adoptedStyleSheets.length), 1);
    assert.equal(await doc.evaluate(() => getComputedStyle(document.getElementById('m-s3')).borderBottomStyle), 'double');
  });
});
