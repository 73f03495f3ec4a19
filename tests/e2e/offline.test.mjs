// After one visit the reader works with the network off, and even with its server gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distinctColours, launch, openReader, startServer, state, waitReady, withScreenshots } from './harness.mjs';

let server, browser;
const pages = [];
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a reload with the network off still opens the reader', async () => {
  const { page, context } = await openReader(browser, server.url);
  pages.push(page);
  await withScreenshots('offline', () => pages, async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();  // the service worker now controls the page
    await waitReady(page);
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    let s = await state(page);
    assert.equal(s.article.title, 'dprk-missiles-un');
    assert.ok(await distinctColours(browser, await page.screenshot()) > 20);

    // Not just offline mode: the server itself is gone.
    await context.setOffline(false);
    await server.stop();
    server = null;
    await page.reload();
    await waitReady(page);
    s = await state(page);
    assert.equal(s.article.length, 3057);
  });
});
