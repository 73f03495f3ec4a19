// Writes lede.html: the whole reader in one file that opens from file:// (no server, no other
// file). It is index.html with style.css, the icon, boot.js, lede.js and lede.wasm (base64)
// inlined, and a Content-Security-Policy that allows exactly those inline blocks (by hash) and no
// request at all. Run by the web build after the site is copied (CMakeLists.txt):
//   node tools/onefile.mjs SITE_DIR
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const site = process.argv[2];
if (!site) { console.error('usage: node tools/onefile.mjs SITE_DIR'); process.exit(2); }
const read = (f) => readFileSync(join(site, f));
const text = (f) => read(f).toString('utf8');
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

let html = text('index.html');
// Each piece must be found exactly once: a changed index.html fails the build, not the page.
function replace(pattern, by) {
  const hits = html.match(new RegExp(pattern.source, 'g')) || [];
  if (hits.length !== 1) throw new Error(`onefile: expected one ${pattern} in index.html, found ${hits.length}`);
  html = html.replace(pattern, () => by);
}
// "</script" inside a script block would end it early.
const scriptSafe = (s) => s.replace(/<\/(script)/gi, '<\\/$1');

const style = text('style.css');
// lede.js runs inside a function that boot.js calls with its Module object: `var Module` in it
// then keeps the parameter's value, and nothing runs when boot.js finds the browser unsuitable.
const ledeJs = `window.ledeModule = function (Module) {\n${scriptSafe(text('lede.js'))}\n};`;
const boot = scriptSafe(text('boot.js'));
const wasm = read('lede.wasm').toString('base64');
const icon = 'data:image/svg+xml;base64,' + read('icon.svg').toString('base64');

const csp = ["default-src 'none'", `script-src ${hash(ledeJs)} ${hash(boot)} 'wasm-unsafe-eval'`, `style-src ${hash(style)}`,
  'img-src data: blob:', "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/<link rel="icon" href="icon.svg"([^>]*)>/, `<link rel="icon" href="${icon}"$1>`);
replace(/<link rel="manifest" href="manifest.webmanifest">\n?/, '');
// lede.html holds the module and lede.js inline: nothing to fetch ahead, nor to start early (start.js).
replace(/<!-- The module, its loader[^\n]*\n[^\n]*-->\n<link rel="preload" href="lede.wasm"[^>]*>\n<link rel="preload" href="lede.js"[^>]*>\n<link rel="preload" href="boot.js"[^>]*>\n/, '');
replace(/<!-- Before the stylesheet[^\n]*\n<script src="start.js"><\/script>\n<script src="boot.js" async><\/script>\n/, '');
replace(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
// The module as text that is never run (type is not JavaScript), then lede.js, then boot.js.
replace(/<\/body>/,
  `<script type="application/wasm;base64" id="lede-wasm">${wasm}</script>\n<script>${ledeJs}</script>\n<script>${boot}</script>\n</body>`);
// Nothing may point to a file beside this one.
const left = html.match(/\s(?:src|href)="(?!data:)[^"]*"/g);
if (left) throw new Error(`onefile: lede.html still refers to ${left.join(', ')}`);
writeFileSync(join(site, 'lede.html'), html);
