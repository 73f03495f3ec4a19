// The fact-checker's workbench (issue 13): rating a claim from its card, evidence, status, the
// Claims panel and the status bar, undo, a corrected speaker, the article's details at the top of
// the page and in the library; and all of it back after a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickSettled, clickUi, launch, menu, openReader, startServer, until, waitReady, withScreenshots } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const byId = (s, id) => s.annotations.find((a) => a.id === id);
// The card opens below its claim and moves once its height is known: wait until it stays put.
async function cardSettled(page, id) {
  let last = '';
  return until(page, (s) => {
    const now = JSON.stringify(s.card);
    const still = s.active === id && s.ui['card:rating'] && now === last;
    last = now;
    return still;
  }, 'the card in place');
}

test('rate a claim, add evidence, check it, see it in the Claims panel and the status bar, undo; correct its speaker; article details; reload', async () => {
  const { page } = await openReader(browser, server.url);
  await withScreenshots('review', () => [page], async () => {
    let s = await until(page, (s) => s.analysisReady && s.annotations.some((a) => a.label === 'claim' && a.status === 'suggested'), 'claim suggestions', 20000);
    const claims = s.annotations.filter((a) => a.label === 'claim' && a.status === 'suggested');
    const claim = claims[0];
    await until(page, (s) => s.statusCounts.includes(`0 of ${s.claims.count} claims checked`), 'the status bar counts the claims');

    // Open the claim's card from the Claims panel.
    await clickUi(page, 'tab:Claims');
    await clickUi(page, `row:${claim.id}`);
    s = await cardSettled(page, claim.id);

    // Rate it with the mouse: the first review asks the reviewer's name, once.
    await clickUi(page, 'card:rating');
    await clickSettled(page, 'rating:mostly-false');
    await until(page, (s) => s.ui['reviewer:name'], 'asked for the reviewer’s name');
    await page.keyboard.type('Ana Ruiz');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => byId(s, claim.id).review?.rating === 'mostly-false', 'rated');
    let r = byId(s, claim.id).review;
    assert.equal(r.reviewer, 'Ana Ruiz');
    assert.match(r.date, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(byId(s, claim.id).status, 'accepted', 'rating a suggestion accepts it');
    assert.equal(s.view.reviewer, 'Ana Ruiz', 'the name is kept in the settings');
    const undoAfterRating = s.undo;

    // The explanation by keyboard: E, type, Ctrl+Enter.
    await page.keyboard.press('e');
    await page.keyboard.type('The UN record shows no such vote.');
    await page.keyboard.press('Control+Enter');
    s = await until(page, (s) => byId(s, claim.id).review?.explanation === 'The UN record shows no such vote.', 'explanation kept');

    // Evidence: Shift+E opens the dialog on the URL field; the quote by mouse; Keep.
    await page.keyboard.press('Shift+E');
    await until(page, (s) => s.ui['evidence:url'] && s.focus.textInput, 'the evidence dialog, URL field active');
    await page.keyboard.type('ftp://example.org/record');
    await clickUi(page, 'evidence:keep');
    s = await until(page, (s) => s.ui['evidence:url'] && s.ui['evidence:keep'], 'refused, the dialog stays');
    assert.equal(byId(s, claim.id).review.evidence.length, 0, 'a link that is not http(s) is refused');
    await clickUi(page, 'evidence:url');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('https://example.org/un/record');
    await clickUi(page, 'evidence:quote');
    await page.keyboard.type('No vote on the matter was recorded.');
    await clickUi(page, 'evidence:note');
    await page.keyboard.type('UN meeting record');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => byId(s, claim.id).review?.evidence.length === 1, 'evidence kept');
    assert.deepEqual(byId(s, claim.id).review.evidence[0],
      { url: 'https://example.org/un/record', quote: 'No vote on the matter was recorded.', note: 'UN meeting record' });
    s = await until(page, (s) => s.ui['card:evidence-url:0'], 'the link shown on the card as text');
    await cardSettled(page, claim.id);

    // Status: Checked, by mouse. The Claims panel and the status bar show it.
    await clickUi(page, 'card:status:checked');
    s = await until(page, (s) => byId(s, claim.id).review?.status === 'checked', 'checked');
    assert.equal(s.claims.checked, 1);
    assert.match(s.statusCounts, new RegExp(`1 of ${s.claims.count} claims? checked`));
    assert.ok(s.ui[`claims:review:${claim.id}`], 'the Claims panel shows the review');
    // Filter the panel by status: only the checked claim is listed.
    await clickUi(page, 'claims:status-filter');
    await clickSettled(page, 'claims:status-filter:checked');
    s = await until(page, (s) => s.focus.statusFilter === 'checked', 'filtered by status');
    assert.ok(s.ui[`row:${claim.id}`]);
    assert.ok(!claims.slice(1).some((c) => s.ui[`row:${c.id}`]), 'unchecked claims are not listed');
    await clickUi(page, 'claims:rating-filter');
    await clickSettled(page, 'claims:rating-filter:true');
    s = await until(page, (s) => s.focus.ratingFilter === 'true', 'filtered by rating');
    assert.ok(!s.ui[`row:${claim.id}`], 'a claim rated otherwise is not listed');

    // Undo the status with Ctrl+Z; redo it.
    await page.keyboard.press('Control+z');
    s = await until(page, (s) => byId(s, claim.id).review?.status === 'to-check', 'status undone');
    assert.equal(s.claims.checked, 0);
    await page.keyboard.press('Control+Shift+z');
    s = await until(page, (s) => byId(s, claim.id).review?.status === 'checked', 'status redone');
    assert.equal(s.undo, undoAfterRating + 3, 'explanation, evidence and status: one change each');

    // The same by keyboard on a second claim: Tab to it is not needed, the panel row opens it;
    // V then 6 rates it (the sixth rating, False), S steps its status to checking.
    const second = claims[1];
    await clickUi(page, 'claims:rating-filter');
    await clickSettled(page, 'claims:rating-filter:all');
    await clickUi(page, 'claims:status-filter');
    await clickSettled(page, 'claims:status-filter:any');
    await clickUi(page, `row:${second.id}`);
    await cardSettled(page, second.id);
    await page.keyboard.press('v');
    await until(page, (s) => s.ui['rating:false'], 'the rating list');
    await page.keyboard.press('6');
    s = await until(page, (s) => byId(s, second.id).review?.rating === 'false', 'rated False by keyboard');
    await page.keyboard.press('s');
    s = await until(page, (s) => byId(s, second.id).review?.status === 'checking', 'status by keyboard');
    assert.equal(byId(s, second.id).review.reviewer, 'Ana Ruiz', 'not asked again');

    // Correct the speaker: P, type a name that is not an actor of the article, Enter.
    await page.keyboard.press('p');
    await until(page, (s) => s.ui['speaker:name'] && s.focus.textInput, 'the speaker dialog');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('a UN diplomat');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => byId(s, second.id).attrs.speaker?.text === 'a UN diplomat', 'speaker corrected');
    assert.equal(byId(s, second.id).attrs.speaker.start, undefined, 'a typed name has no span');
    // And back to an actor of the article, picked from the list with the mouse.
    await page.keyboard.press('p');
    s = await until(page, (s) => Object.keys(s.ui).some((k) => k.startsWith('speaker:actor:')), 'the actors listed');
    const actor = Object.keys(s.ui).find((k) => k.startsWith('speaker:actor:')).slice('speaker:actor:'.length);
    await clickUi(page, `speaker:actor:${actor}`);
    await clickUi(page, 'speaker:keep');
    s = await until(page, (s) => byId(s, second.id).attrs.speaker?.entity === actor, 'speaker picked');
    assert.equal(typeof byId(s, second.id).attrs.speaker.start, 'number', 'an actor’s mention is a span');

    // Article details: File > Article details…, typed; a bad date is refused with a message.
    await menu(page, 'File', 'Article details');
    await until(page, (s) => s.ui['details:title'] && s.focus.textInput, 'details dialog');
    await page.keyboard.type('North Korea rejects missile claims');
    await clickUi(page, 'details:outlet');
    await page.keyboard.type('Example News');
    await clickUi(page, 'details:published');
    await page.keyboard.type('2024-02-30');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.ui['details:keep'] && s.status !== 'Changed the article’s details', 'still open');
    assert.equal(s.article.meta.outlet, '', 'nothing changed on a bad date');
    await clickUi(page, 'details:published');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('March 5, 2024');
    await page.keyboard.press('Enter');
    s = await until(page, (s) => s.article.meta.published === '2024-03-05', 'details kept, the date as ISO');
    assert.equal(s.article.title, 'North Korea rejects missile claims');
    assert.equal(s.article.meta.outlet, 'Example News');
    await until(page, (s) => s.ui['page:title'] && s.ui['page:byline'], 'title and byline at the top of the page');

    // The library lists the title, outlet, date and claims checked.
    await page.keyboard.press('Control+Shift+L');
    s = await until(page, (s) => s.libraryOpen && s.library.length === 1 && s.library[0].outlet === 'Example News', 'library entry');
    const entry = s.library[0];
    assert.equal(entry.title, 'North Korea rejects missile claims');
    assert.equal(entry.published, '2024-03-05');
    assert.equal(entry.checked, 1);
    assert.equal(entry.claims, s.claims.count);
    assert.ok(s.ui[`library:outlet:${entry.id}`] && s.ui[`library:checked:${entry.id}`], 'the columns are drawn');
    await until(page, (s) => s.autosave.saved, 'stored');

    // Reload: everything is back.
    await page.reload();
    await waitReady(page);
    s = await until(page, (s) => s.article.title === 'North Korea rejects missile claims' && byId(s, claim.id)?.review, 'restored', 20000);
    r = byId(s, claim.id).review;
    assert.equal(r.rating, 'mostly-false');
    assert.equal(r.status, 'checked');
    assert.equal(r.explanation, 'The UN record shows no such vote.');
    assert.equal(r.evidence[0].url, 'https://example.org/un/record');
    assert.equal(byId(s, second.id).attrs.speaker.entity, actor);
    assert.equal(s.article.meta.published, '2024-03-05');
    assert.equal(s.view.reviewer, 'Ana Ruiz');
    assert.equal(s.claims.checked, 1);
  });
});
