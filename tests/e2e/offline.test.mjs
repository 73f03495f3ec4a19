// After one visit the reader works with the network off, and even with its server gone.
import assert from 'node:assert/strict';
import net from 'node:net';
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

test('one cache per build, bounded; a server that never answers falls back to it within seconds', async () => {
  const own = await startServer();
  const { page } = await openReader(browser, own.url);
  pages.push(page);
  let hanging = null;
  const sockets = [];
  try {
    await withScreenshots('offline-hanging', () => pages, async () => {
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await waitReady(page);
      // Query URLs are answered but add nothing: the cache holds the shell's files only.
      const caches = await page.evaluate(async () => {
        for (const u of ['boot.js?a=1', 'index.html?b=2', 'style.css?c=3', 'icon.svg?d=4']) await (await fetch(u)).text();
        const keys = await caches.keys();
        const entries = await (await caches.open(keys[0])).keys();
        return { keys, entries: entries.map((r) => new URL(r.url).pathname + new URL(r.url).search) };
      });
      assert.equal(caches.keys.length, 1, `caches: ${caches.keys}`);
      assert.match(caches.keys[0], /^lede-[0-9a-f]{16}$/);  // the build id, substituted at build time
      assert.equal(caches.entries.length, 9, `entries: ${caches.entries}`);  // the shell (sw.js SHELL)
      assert.ok(caches.entries.every((e) => !e.includes('?')));

      // The server's port now accepts connections and never answers.
      const { hostname, port } = new URL(own.url);
      await own.stop();
      hanging = net.createServer((sock) => sockets.push(sock));
      await new Promise((ok) => hanging.listen(Number(port), hostname, ok));
      const t0 = Date.now();
      await page.reload({ timeout: 60000 });
      await waitReady(page);
      const took = Date.now() - t0;
      const s = await state(page);
      assert.equal(s.article.title, 'dprk-missiles-un');
      // One request waits out the 4 s timeout; the others then come from the cache at once.
      assert.ok(took < 15000, `the reload took ${took} ms`);
      console.log(`reload with a server that never answers: ${took} ms`);
    });
  } finally {
    for (const sock of sockets) sock.destroy();
    if (hanging) await new Promise((ok) => hanging.close(ok));
    await own.stop();
  }
});
