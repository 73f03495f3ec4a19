// Shared set-up for the end-to-end tests: serves the built site, drives Debian's Chromium through
// playwright-core, and offers helpers that act like a user (real mouse and keyboard events).
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const site = process.env.LEDE_SITE || join(repo, 'build-web/site');
export const artifacts = process.env.LEDE_ARTIFACTS || join(repo, 'build/e2e-artifacts');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function startServer(root = site) {
  const child = fork(join(repo, 'tools/serve.mjs'), ['--root', root, '--port', '0'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise((ok, fail) => {
    child.once('message', (m) => ok(m.url));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  // stop() resolves when the server has exited
  return { url, stop: () => new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) r(); else { child.once('exit', r); child.kill('SIGTERM'); } }) };
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// A fresh browser profile and page on the reader, waiting for the first drawn frame.
export async function openReader(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  // Turn on file-chooser interception now: turned on later, it races the first chooser.
  page.on('filechooser', () => {});
  await page.goto(url);
  await waitReady(page);
  return { context, page, errors, requests };
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.lede && window.lede.ready(), null, { timeout: 30000 });
}

// Until the page draws no new frame for `stepMs` (it draws only when something changed).
export async function untilIdle(page, stepMs) {
  let count = -1;
  for (let i = 0; i < 100; i++) {
    const n = await page.evaluate(() => window.lede.frameCount());
    if (n === count) return;
    count = n;
    await page.waitForTimeout(stepMs);
  }
}

export const state = (page) => page.evaluate(() => window.lede.state());
// The reader's own annotations (the analysis adds suggestions beside them): those made, and
// suggestions accepted (labelling a span the analysis suggested with the same label accepts it).
export const mine = (s) => s.annotations.filter((a) => a.origin === 'user' || a.status === 'accepted');
// Every annotation's id, label, origin, status, span and note, in a stable order: the work to
// compare before and after a reload.
export const workOf = (s) => s.annotations.map((a) => JSON.stringify([a.id, a.label, a.origin, a.status, a.start, a.end, a.note || '']))
  .sort();

// Waits until fn(state) is truthy; returns that state.
export async function until(page, fn, what = 'condition', timeout = 5000) {
  const t0 = Date.now();
  let s;
  while (Date.now() - t0 < timeout) {
    s = await state(page);
    if (fn(s)) return s;
    await page.waitForTimeout(30);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(s).slice(0, 600)}`);
}

// Code-point offsets of the n-th occurrence of `needle` in the open article.
export async function find(page, needle, n = 0) {
  return page.evaluate(([needle, n]) => {
    const s = window.lede.state();
    const text = s.article.text;
    let at = -1;
    for (let i = 0; i <= n; i++) { at = text.indexOf(needle, at + 1); if (at < 0) return null; }
    const start = [...text.slice(0, at)].length;
    return { start, end: start + [...needle].length };
  }, [needle, n]);
}

// Presses keys that open the file chooser and picks `file` in it, as a user would.
export async function choose(page, keys, file) {
  const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press(keys)]);
  await fc.setFiles(file);
}

// Scrolls code points [start, end) into view with the mouse wheel; returns their rectangles.
export async function reveal(page, start, end) {
  let rects = await page.evaluate(([a, b]) => window.lede.rects(a, b), [start, end]);
  for (let i = 0; i < 60; i++) {
    const s = await state(page);
    const top = s.page.y + 20, bottom = s.page.y + s.page.h - 60;
    if (rects[0].y >= top && rects[rects.length - 1].y + rects[rects.length - 1].h <= bottom) break;
    await page.mouse.move(s.page.x + s.page.w / 2, s.page.y + s.page.h / 2);
    // the wheel lands in the next drawn frame: wait for it there, not for a fixed time
    const frame = await page.evaluate(() => window.lede.frameCount());
    await page.mouse.wheel(0, rects[0].y < top ? -120 : 120);
    await page.waitForFunction((f) => window.lede.frameCount() >= f + 2, frame);
    rects = await page.evaluate(([a, b]) => window.lede.rects(a, b), [start, end]);
  }
  return rects;
}

// Selects [start, end) by dragging with the mouse, scrolling it into view first with the wheel.
export async function dragSelect(page, start, end) {
  const rects = await reveal(page, start, end);
  const first = rects[0], last = rects[rects.length - 1];
  await page.mouse.move(first.x + 1, first.y + first.h / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.w - 1, last.y + last.h / 2, { steps: 6 });
  await page.mouse.up();
  return until(page, (s) => s.selection.start === start && s.selection.end === end, `selection ${start}..${end}`);
}

// Screenshots on failure go to the test output directory.
export async function snap(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Runs body(); on failure keeps a screenshot of every open page, then rethrows.
export async function withScreenshots(name, pages, body) {
  try {
    await body();
  } catch (err) {
    for (const [i, p] of pages().entries()) {
      try { console.error(`screenshot: ${await snap(p, `${name}-${i}`)}`); } catch { /* page gone */ }
    }
    throw err;
  }
}

export function tempFile(name, content) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export function cleanup(file) { rmSync(dirname(file), { recursive: true, force: true }); }

// Counts distinct colours in a PNG by decoding it in the browser (no image library needed).
// A screenshot's pixels: returns (x, y) => [r, g, b], decoded by the browser.
export async function pixels(browser, png) {
  const page = await browser.newPage();
  try {
    const { w, h, data } = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const bytes = g.getImageData(0, 0, img.width, img.height).data;
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { w: img.width, h: img.height, data: btoa(bin) };
    }, png.toString('base64'));
    const raw = Buffer.from(data, 'base64');
    const at = (x, y) => [...raw.subarray((y * w + x) * 4, (y * w + x) * 4 + 3)];
    at.width = w;
    at.height = h;
    return at;
  } finally {
    await page.close();
  }
}

// How many distinct colours a screenshot holds (every 7th pixel).
export async function distinctColours(browser, png) {
  const at = await pixels(browser, png);
  const seen = new Set();
  for (let i = 0; i < at.width * at.height; i += 7) {
    const [r, g, b] = at(i % at.width, Math.floor(i / at.width));
    seen.add((r << 16) | (g << 8) | b);
  }
  return seen.size;
}

// Clicks the named control (as the page reports it in state().ui) with the mouse, waiting for it
// to be drawn first.
export async function clickUi(page, name, what = name) {
  const s = await until(page, (s) => s.ui[name], `${what} drawn`);
  const r = s.ui[name];
  await page.mouse.move(r.x + Math.min(r.w / 2, 40), r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

// Chooses a menu item with the mouse: the menu, then the item.
export async function menu(page, name, item) {
  await clickUi(page, `menu:${name}`);
  await clickUi(page, `menu:${item}`);
}

// Closes the notice on screen with Enter, as a reader would.
export async function dismissNotice(page) {
  await until(page, (s) => s.notice !== null, 'a notice');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.notice === null, 'notice closed');
}

// Marks the first occurrence of `needle` by dragging over it and pressing a label key.
export async function markFirst(page, needle, key = '1') {
  const at = await find(page, needle);
  await dragSelect(page, at.start, at.end);
  await page.keyboard.press(key);
  return until(page, (s) => mine(s).some((a) => a.text === needle), `“${needle}” marked`);
}

// A popup's items move on the frame after it opens: clicks the named control once it stays put.
export async function clickSettled(page, name) {
  let last = '';
  await until(page, (s) => {
    const now = JSON.stringify(s.ui[name] ?? null);
    const still = s.ui[name] && now === last;
    last = now;
    return still;
  }, `${name} in place`);
  await clickUi(page, name);
}

// The code-point span [start, end) of the nth occurrence of `words` in `text` (a fixture's article).
export function spanOf(text, words, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(words, i + 1);
  if (i < 0) throw new Error(`“${words}” (${nth}) not in the text`);
  const start = [...text.slice(0, i)].length;
  return [start, start + [...words].length];
}

// Whether the annotation with this id is drawn inside the visible part of the page.
export async function inView(page, id) {
  const s = await state(page);
  const a = s.annotations.find((x) => x.id === id);
  const rects = await page.evaluate(([b, e]) => window.lede.rects(b, e), [a.start, a.end]);
  return rects.length > 0 && rects[0].y >= s.page.y && rects[0].y + rects[0].h <= s.page.y + s.page.h;
}

// Opens an annotation file made by a test with Ctrl+O, as a reader does, and waits until its
// annotations are in.
export async function openFile(page, name, content) {
  const file = tempFile(name, JSON.stringify(content));
  const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await fc.setFiles(file);
  await until(page, (s) => s.annotations.length === content.annotations.length, 'annotations loaded');
  cleanup(file);
}

// A browser context whose store is full: every whole article it stores is refused as over quota.
export async function fullStoreContext(browser) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (this.name === 'articles') throw new DOMException('quota', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  return context;
}
