// A browser without WebAssembly or WebGL 2, a module that does not arrive or does not compile, a
// policy that forbids WebAssembly: each gets a message on the page that says what and why,
// instead of a page that loads forever.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, startServer } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The service worker may still be fetching the shell through a route when a test ends: drop the
// routes first, so that fetch does not fail after the test as an unhandled rejection.
async function closeRouted(context) {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
}

async function overlayText(init, route) {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  if (route) await context.route('**/lede.wasm', route);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#overlay.error', { timeout: 10000 });
  const text = await page.textContent('#overlay-text');
  const visible = await page.isVisible('#overlay');
  await closeRouted(context);
  return { text, visible };
}

test('no WebAssembly: the page says so', async () => {
  const r = await overlayText(() => { delete window.WebAssembly; });
  assert.equal(r.visible, true);
  assert.match(r.text, /needs WebAssembly/);
});

test('no WebGL 2: the page says so', async () => {
  const r = await overlayText(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : get.call(this, kind, ...rest); };
  });
  assert.equal(r.visible, true);
  assert.match(r.text, /needs WebGL 2/);
});

test('lede.wasm cannot be downloaded: the page says so', async () => {
  const r = await overlayText(null, (route) => route.abort('internetdisconnected'));
  assert.equal(r.visible, true);
  assert.match(r.text, /lede\.wasm could not be downloaded \(.+\)\. If you are offline, reconnect once/);
});

test('the server answers 404 for lede.wasm: the page says so', async () => {
  const r = await overlayText(null, (route) => route.fulfill({ status: 404, body: 'not found' }));
  assert.match(r.text, /lede\.wasm could not be downloaded \(HTTP 404\)/);
});

test('lede.wasm does not compile: the page says so and what the browser needs', async () => {
  const r = await overlayText(null, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0\x01\xff') }));
  assert.match(r.text, /WebAssembly module did not compile \(WebAssembly\.compile.*\)\. Lede needs a current browser/);
});

test('a Content-Security-Policy that forbids WebAssembly: the page says so', async () => {
  // The policy a site might put in front of Lede, without 'wasm-unsafe-eval'.
  const context = await browser.newContext();
  await context.route('**/', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" };
    await route.fulfill({ response: res, headers });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#overlay.error', { timeout: 10000 });
  assert.match(await page.textContent('#overlay-text'), /Content-Security-Policy does not allow WebAssembly/);
  await closeRouted(context);
});
