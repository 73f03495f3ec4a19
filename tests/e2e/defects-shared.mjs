// Shared by the tests of the defects a new user hit (issue 14): an article with suggestions from
// a file (so the tests do not depend on the analysis) and pixel helpers.
import { readFileSync } from 'node:fs';
import { cleanup, openReader, repo, tempFile, until } from './harness.mjs';

export const text = readFileSync(`${repo}/assets/articles/dprk-missiles-un.txt`, 'utf8');
export function spans(word) {
  const out = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (/\p{L}/u.test(text[i + word.length] || '')) continue;
    const start = [...text.slice(0, i)].length;
    out.push([start, start + [...word].length]);
  }
  return out;
}

// Suggestions from a file, so the tests do not depend on the analysis.
export function fixture() {
  const anns = [];
  let n = 0;
  const add = (label, [start, end], attrs) => anns.push({ id: `s${++n}`, label, origin: 'auto', status: 'suggested', start, end, attrs });
  for (const s of spans('North Korea')) add('actor', s, { kind: 'place', entity: 'North Korea' });
  for (const s of spans('Russia')) add('actor', s, { kind: 'place', entity: 'Russia' });
  add('number', spans('47')[0], { kind: 'count', value: 47, counted: 'nations', approx: true });
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  return { format: 'lede-annotations', version: 1, document: { title: 'dprk-missiles-un', text }, annotations: anns };
}

export async function openFixture(browser, url, pages, options = {}) {
  const { page, context } = await openReader(browser, url, { viewport: { width: 1400, height: 850 }, ...options });
  pages.push(page);
  const fx = fixture();
  const file = tempFile('dprk-missiles-un.lede.json', JSON.stringify(fx));
  const [fc] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await fc.setFiles(file);
  await until(page, (s) => s.annotations.length === fx.annotations.length && s.analysisReady, 'suggestions loaded');
  cleanup(file);
  return { page, context, fx };
}

// The rectangle r lies inside box.
export const inside = (r, box, slack = 0.5) => r.x >= box.x - slack && r.y >= box.y - slack && r.x + r.w <= box.x + box.w + slack && r.y + r.h <= box.y + box.h + slack;
// Decodes a PNG in the browser; returns a pixel reader (x, y) -> [r, g, b].
export { pixels } from './harness.mjs';
// WCAG relative luminance and contrast of [r, g, b] colours.
export const lum = ([r, g, b]) => {
  const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
export const contrast = (p, q) => { const a = lum(p), b = lum(q); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
