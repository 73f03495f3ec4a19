// Opening articles (picker, drop, paste) and what happens with bad files: a specific message, and
// the open article and its annotations stay exactly as they were.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { choose, cleanup, dismissNotice, dragSelect, find, launch, menu, mine, openReader, startServer, state, tempFile, until, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function drop(page, name, bytes, mime = 'text/plain') {
  await page.evaluate(([name, data, mime]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type: mime }));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, [...bytes], mime]);
}

test('an article opens through the file picker, by drop and by paste', async () => {
  const { page, context } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('files-open', () => pages, async () => {
    const text = '\uFEFFZoë Müller met Łukasz in Kraków on Monday.\r\nShe said: “It’s done — finally.”\r\n';
    const file = tempFile('kraków-meeting.txt', text);
    await choose(page, 'Control+o', file);
    let s = await until(page, (s) => s.article.title === 'kraków-meeting', 'picked article');
    assert.equal(s.article.text, 'Zoë Müller met Łukasz in Kraków on Monday.\nShe said: “It’s done — finally.”\n');
    assert.equal(s.article.length, [...s.article.text].length);
    cleanup(file);

    await drop(page, 'notes.md', Buffer.from('# Budget vote\n\nThe **council** approved the [budget](http://x.org) on Tuesday.\n'));
    s = await until(page, (s) => s.article.title === 'Budget vote', 'dropped markdown');
    assert.equal(s.article.text, 'Budget vote\nThe council approved the budget on Tuesday.');

    // Each article opened beside the ones before: tabs and library entries, nothing replaced.
    s = await until(page, (s) => s.library.length === 2, 'two articles in the library');
    assert.deepEqual(s.tabs.map((t) => t.title), ['kraków-meeting', 'Budget vote']);

    // Ctrl+V outside a text field never replaces the article: it says how to paste one instead.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.evaluate(() => navigator.clipboard.writeText('Pasted story about Oslo.'));
    await page.keyboard.press('Control+v');
    s = await until(page, (s) => /New article from clipboard/.test(s.toast || ''), 'a hint instead of a replaced article');
    assert.equal(s.article.title, 'Budget vote');
    assert.equal(s.library.length, 2);

    // Pasting as a new article is an explicit command.
    await menu(page, 'File', 'New article from clipboard');
    s = await until(page, (s) => s.article.text === 'Pasted story about Oslo.', 'pasted article');
    assert.equal(s.article.title, 'Pasted text');
    s = await until(page, (s) => s.library.length === 3 && s.autosave.saved, 'the pasted article is stored');
    assert.deepEqual(s.tabs.map((t) => t.title), ['kraków-meeting', 'Budget vote', 'Pasted text']);

    // Ctrl+C copies the selection to the system clipboard.
    const at = await find(page, 'story about');
    await dragSelect(page, at.start, at.end);
    await page.keyboard.press('Control+c');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'story about');
  });
});

test('bad files get a specific message and change nothing', async () => {
  const { page } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('files-bad', () => pages, async () => {
    const at = await find(page, 'Kharkiv');
    await dragSelect(page, at.start, at.end);
    await page.keyboard.press('1');
    const before = await until(page, (s) => mine(s).length === 1, 'one annotation');

    const cases = [
      ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'Control+o', /binary data/],
      ['latin1.txt', Buffer.from('Caf\xe9 in M\xfcnchen', 'latin1'), 'Control+o', /not valid UTF-8 \(byte 0xE9 at offset 3\)/],
      ['utf16.txt', Buffer.from('\ufeffHello', 'utf16le'), 'Control+o', /UTF-16/],
      ['empty.txt', Buffer.from('  \n'), 'Control+o', /empty/],
      ['notes.json', Buffer.from('this is { not json'), 'Control+Shift+O', /not a JSON file/],
      ['other.json', Buffer.from('{"name": "package", "version": "1.0.0"}'), 'Control+Shift+O', /"format" is missing: this JSON file is not a Lede annotation file/],
      ['bad-offsets.lede.json', Buffer.from(JSON.stringify({ format: 'lede-annotations', version: 1, document: { text: 'short' },
        annotations: [{ id: 'a', label: 'actor', start: 2, end: 99 }] })), 'Control+Shift+O', /annotations\[0\]\.end: \(99\) is past the end of the text \(5\)/],
      ['other-article.lede.json', Buffer.from(JSON.stringify({ format: 'lede-annotations', version: 1, document: { title: 'Another story', text: 'A different text.' },
        annotations: [{ id: 'a', label: 'actor', start: 2, end: 11 }] })), 'Control+Shift+O', /made for “Another story”, not for the open article/],
    ];
    for (const [name, bytes, keys, message] of cases) {
      const file = tempFile(name, bytes);
      await choose(page, keys, file);
      const s = await until(page, (s) => s.notice !== null, `a notice for ${name}`);
      assert.equal(s.notice.error, true, name);
      assert.match(s.notice.text, message, name);
      assert.match(s.notice.text, /Nothing was changed|was not changed/, name);
      assert.equal(s.article.text, before.article.text, `${name} left the article alone`);
      assert.deepEqual(s.annotations, before.annotations, `${name} left the annotations alone`);
      await dismissNotice(page);
      cleanup(file);
    }
    // Dropped bad files are refused the same way.
    await drop(page, 'broken.lede.json', Buffer.from('{"format": "lede-annotations", "version": 1, "document": {"text": "x"}, "annotations": ['));
    const s = await until(page, (s) => s.notice !== null, 'notice for a dropped truncated file');
    assert.match(s.notice.text, /truncated/);
    assert.deepEqual(s.annotations, before.annotations);
  });
});
