// Static file server for the built reader: loopback only, gzip (the build's precompressed files
// when present), correct MIME types, and the same
// Content-Security-Policy as the page. No dependencies beyond Node itself.
//   node tools/serve.mjs [--root DIR] [--port N]      (port 0 picks a free one)
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const root = resolve(opt('--root', 'build-web/site'));
const port = Number(opt('--port', process.env.PORT || 8080));
const host = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";
const gzCache = new Map();  // path -> { mtimeMs, body }

// The build's FILE.gz (zopfli, cmake/precompress.cmake) when it is as new as FILE, else gzip -9.
async function compressed(file, st, body) {
  const pre = await stat(`${file}.gz`).catch(() => null);
  if (pre && pre.mtimeMs >= st.mtimeMs) return readFile(`${file}.gz`);
  return promisify(gzip)(body, { level: 9 });
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${host}`);
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    const st = await stat(file);
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers = {
      'Content-Type': MIME[extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'ETag': etag,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Vary': 'Accept-Encoding',
    };
    // lede.html carries its own policy (its inline blocks by hash); two policies would both apply.
    if (!file.endsWith('lede.html')) headers['Content-Security-Policy'] = CSP;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
    let body = await readFile(file);
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && body.length > 512) {
      let hit = gzCache.get(file);
      if (!hit || hit.mtimeMs !== st.mtimeMs) gzCache.set(file, hit = { mtimeMs: st.mtimeMs, body: await compressed(file, st, body) });
      body = hit.body;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(err.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain' }).end(err.code === 'ENOENT' ? 'not found' : 'error');
  }
});

// Compress every file once at start-up, in the background, so the first visit does not wait.
async function precompress() {
  for (const name of await readdir(root)) {
    const file = join(root, name);
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile() || st.size <= 512 || gzCache.has(file) || file.endsWith('.gz')) continue;
    const body = await compressed(file, st, await readFile(file));
    if (!gzCache.has(file)) gzCache.set(file, { mtimeMs: st.mtimeMs, body });
  }
}

server.listen(port, host, () => {
  precompress().catch(() => {});
  const url = `http://${host}:${server.address().port}/`;
  console.log(`Lede is being served from ${root}`);
  console.log(`Open ${url} in your browser. Press Ctrl+C to stop.`);
  if (process.send) process.send({ url });
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { server.close(); process.exit(0); });
