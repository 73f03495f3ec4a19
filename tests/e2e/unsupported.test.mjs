// A browser without WebAssembly or WebGL 2 gets a clear message instead of a blank page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, startServer } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function overlayText(init) {
  const context = await browser.newContext();
  await context.addInitScript(init);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#overlay.error', { timeout: 10000 });
  const text = await page.textContent('#overlay-text');
  const visible = await page.isVisible('#overlay');
  await context.close();
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
