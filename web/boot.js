// Page side of the browser glue: checks the browser can run Lede, loads the WebAssembly module,
// forwards DOM input to it (src/web/main_web.cpp), and does what only the page can do: files,
// downloads, clipboard, cursor. Exposes the read-only window.lede API for tests and scripts.
// It loads async from the head (preloaded with the module), without waiting for the stylesheet as
// a script after it would. Its module side (lede.js, the instantiation) starts when it runs; its
// page side (run: the DOM, input, storage) when the body is parsed; main when both are ready.
'use strict';
(function () {
  // kMaxW3CFileBytes (src/core/limits.hpp), the largest file any reader opens; the core refuses a
  // Lede file or an article over its own cap.
  const MAX_FILE_BYTES = 128 * 1024 * 1024;
  const timing = { navigationStart: 0, firstFrame: null };
  let M = null;  // the Emscripten module once it runs
  let offlineSupport = () => {};  // registers the service worker (set below)

  // The page's elements exist once the body is parsed; a failure found before then is shown then.
  const parsed = new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
    else resolve();
  });
  function fail(message) {
    parsed.then(() => {
      const overlay = document.getElementById('overlay');
      overlay.hidden = false;
      overlay.classList.add('error');
      document.getElementById('overlay-text').textContent = message;
    });
  }

  const mark = (name) => { try { performance.mark('lede:' + name); } catch (e) { /* old browser */ } };
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('Lede cannot run in this browser: it needs WebAssembly, which is missing or turned off.');
    return;
  }
  // The module's side starts now, before the body is parsed: lede.js loads and the module is
  // instantiated while the parser and the stylesheet finish. main runs once the page's side is
  // ready too (pageReady: true, or false when the browser cannot run Lede).
  let pageReady = null;
  const pageChecked = new Promise((resolve) => { pageReady = resolve; });
  // ---- the module --------------------------------------------------------------------------------
  // boot.js fetches and compiles lede.wasm itself (Module.instantiateWasm), from the start and
  // beside lede.js, so that every way it can fail ends in a message on the page. lede.html (the
  // one-file page, tools/onefile.mjs) carries the module inline as base64 and lede.js as a function.
  const inline = document.getElementById('lede-wasm');
  function compileModule() {
    if (inline) {
      const b64 = inline.textContent.trim();
      let bytes;
      if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(b64);
      else {
        const bin = atob(b64);
        bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      }
      inline.remove();  // 4 MB of text the page no longer needs
      mark('fetched');
      return WebAssembly.compile(bytes).then(compiled);
    }
    if (location.protocol === 'file:') {
      return Promise.reject(new LoadError('This page must be served over http: a browser does not let a page opened ' +
        'from a file (file://) load lede.wasm. Open lede.html instead, beside this file: it holds all of Lede in ' +
        'one file. Or serve this folder (./dev.sh serve).'));
    }
    // start.js began the download and the compile as the page opened.
    const early = window.ledeStart;
    const response = (early ? early.response : fetch('lede.wasm', { credentials: 'same-origin' })).then((r) => {
      if (!early) mark('fetched');
      if (!r.ok) throw new LoadError('Lede could not be loaded: lede.wasm could not be downloaded (HTTP ' + r.status + '). Reload the page to try again.');
      return r;
    }, (err) => {
      throw new LoadError('Lede could not be loaded: lede.wasm could not be downloaded (' + err.message + '). ' +
        'If you are offline, reconnect once so that it can be stored for offline use.');
    });
    // Streaming compiles while the bytes arrive (start.js marks 'compiled' for its own); a server
    // sending the wrong MIME type gets the slow way.
    const streamed = (r) => (early ? early.module : WebAssembly.compileStreaming(r.clone()).then(compiled));
    return response.then((r) => streamed(r).catch((err) => {
      if (err instanceof WebAssembly.CompileError) throw err;
      return r.arrayBuffer().then((b) => WebAssembly.compile(b)).then(compiled);
    }));
  }
  function compiled(module) { mark('compiled'); return module; }
  function LoadError(message) { this.message = message; }
  function whyNot(err) {
    if (err instanceof LoadError) return err.message;
    const what = String(err && err.message || err);
    if (/Content.Security.Policy|unsafe-eval/i.test(what)) {
      return 'Lede cannot run here: the page\u2019s Content-Security-Policy does not allow WebAssembly ' +
        '(it needs \'wasm-unsafe-eval\' in script-src). (' + what + ')';
    }
    if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError) {
      return 'Lede cannot run in this browser: its WebAssembly module did not compile (' + what + '). ' +
        'Lede needs a current browser (Chrome or Edge 95, Firefox 100, Safari 15.2 or later).';
    }
    return 'Lede could not start: ' + what + '. Reload the page to try again.';
  }
  const moduleReady = compileModule();
  moduleReady.catch((err) => fail(whyNot(err)));

  window.Module = {
    // canvas and ledeHost: set by run() before main.
    print: (s) => console.log(s),
    printErr: (s) => console.warn(s),
    onAbort: (what) => fail('Lede stopped because of an internal error (' + what + '). Reload the page to start again.'),
    instantiateWasm(imports, receive) {
      moduleReady.then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
        mark('instantiated');
        return pageChecked.then((ok) => { if (ok) receive(instance, module); });
      })).catch((err) => fail(whyNot(err)));
      return {};  // the exports arrive through receive()
    },
    onRuntimeInitialized() { M = window.Module; },
  };
  if (inline) {
    window.ledeModule(window.Module);  // lede.js, inlined by tools/onefile.mjs
  } else {
    const script = document.createElement('script');
    script.src = 'lede.js';
    script.onerror = () => fail('Lede could not be loaded (lede.js is missing). If you are offline, reconnect once so it can be stored for offline use.');
    document.head.appendChild(script);
  }
  parsed.then(run);

  // The page's side: input, storage, the host calls of main_web.cpp.
  function run() {
    const canvas = document.getElementById('canvas');
    const overlay = document.getElementById('overlay');
    const dropHint = document.getElementById('drop-hint');
    mark('boot');

    // ---- input -------------------------------------------------------------------------------------
    function mods(e) {
      return (e.ctrlKey || e.metaKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    }
    function pos(e) {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    }
    // Keys whose browser default would get in the way (scrolling, find bar, save page, tab focus).
    const OWN_KEYS = new Set([8, 9, 13, 27, 32, 33, 34, 35, 36, 37, 38, 39, 40, 46]);
    const OWN_CTRL_KEYS = new Set([65, 70, 76, 79, 80, 83, 89, 90, 187, 189, 61, 173, 107, 109, 48]);
    // Touch: one finger taps (a click), drags (selects) or holds (selects the word); two fingers
    // scroll and pinch (text size). A finger's press waits to see which it is.
    const TAP_MOVE_PX = 8, LONG_PRESS_MS = 500;
    const fingers = new Map();  // pointerId -> { x, y, x0, y0 } (canvas coordinates)
    let one = null;             // the one-finger gesture: { id, dragging, timer, done }
    let two = null;             // the two-finger gesture: { y, dist }
    // Double and triple clicks are counted here, by the events' own times: the reader applies one
    // button change per frame, so counting by frame time would miss them when frames are slow.
    const MULTI_CLICK_MS = 500, MULTI_CLICK_PX = 6;
    let lastPress = { t: -1e9, x: 0, y: 0, n: 0 };

    // Text comes through a hidden text area that has the keyboard while an ImGui text field does:
    // only an editable element receives what input methods, dead keys and character pickers type
    // (composition and input events); keydown alone loses "é" and "北京".
    const ime = document.createElement('textarea');
    ime.id = 'ime';
    ime.setAttribute('aria-label', 'Text input');
    ime.setAttribute('autocomplete', 'off');
    ime.setAttribute('autocapitalize', 'off');
    ime.spellcheck = false;
    let composing = false;
    function sendText(text) {
      for (const ch of text) if (ch !== '\r') M._lede_char(ch.codePointAt(0));
    }
    function followTextInput() {
      requestAnimationFrame(followTextInput);
      if (!M) return;
      const want = M._lede_wants_text_input();
      if (want && document.activeElement !== ime) ime.focus({ preventScroll: true });
      else if (!want && document.activeElement === ime && !composing) canvas.focus({ preventScroll: true });
    }

    function attach() {
      document.body.appendChild(ime);
      ime.addEventListener('compositionstart', () => { composing = true; });
      ime.addEventListener('compositionend', (e) => {
        composing = false;
        if (e.data) sendText(e.data);
        ime.value = '';
      });
      ime.addEventListener('input', (e) => {
        // Composed text arrives once, with compositionend; line breaks come as Enter key presses.
        if (composing || e.isComposing) return;
        if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data) sendText(e.data);
        ime.value = '';
      });
      requestAnimationFrame(followTextInput);
      canvas.addEventListener('pointerdown', (e) => {
        if (document.activeElement !== ime) canvas.focus();
        if (e.pointerType === 'touch') { touchDown(e); e.preventDefault(); return; }
        canvas.setPointerCapture(e.pointerId);
        const [x, y] = pos(e);
        let clicks = 1;
        if (e.button === 0) {
          const near = Math.abs(e.clientX - lastPress.x) < MULTI_CLICK_PX && Math.abs(e.clientY - lastPress.y) < MULTI_CLICK_PX;
          clicks = near && e.timeStamp - lastPress.t < MULTI_CLICK_MS ? lastPress.n + 1 : 1;
          lastPress = { t: e.timeStamp, x: e.clientX, y: e.clientY, n: clicks };
        }
        M._lede_mouse_move(x, y);
        M._lede_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 1, mods(e), clicks);
        e.preventDefault();
      });
      canvas.addEventListener('pointermove', (e) => {
        if (e.pointerType === 'touch') { touchMove(e); return; }
        const [x, y] = pos(e);
        M._lede_mouse_move(x, y);
      });
      const up = (e) => {
        if (e.pointerType === 'touch') { touchUp(e); return; }
        const [x, y] = pos(e);
        M._lede_mouse_move(x, y);
        M._lede_mouse_button(e.button === 2 ? 1 : e.button === 1 ? 2 : 0, 0, mods(e), 0);
      };
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointercancel', up);
      canvas.addEventListener('pointerleave', (e) => { if (!canvas.hasPointerCapture(e.pointerId)) M._lede_mouse_leave(); });
      canvas.addEventListener('contextmenu', (e) => e.preventDefault());
      canvas.addEventListener('wheel', (e) => {
        const unit = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 1 : 1 / 100;
        M._lede_wheel(-e.deltaX * unit, -e.deltaY * unit);
        e.preventDefault();
      }, { passive: false });

      window.addEventListener('keydown', (e) => {
        const ctrl = e.ctrlKey || e.metaKey;
        // Ctrl+C/X/V stay with the browser so that the copy and paste events fire.
        if (ctrl && (e.keyCode === 67 || e.keyCode === 88 || e.keyCode === 86)) {
          if (e.keyCode === 86 && M._lede_wants_text_input()) return;  // the paste event sends it
          M._lede_key(e.keyCode, 1, mods(e));
          return;
        }
        if (e.isComposing || e.keyCode === 229) return;  // the input method has the keys until it commits
        M._lede_key(e.keyCode, 1, mods(e));
        const own = OWN_KEYS.has(e.keyCode) || (ctrl && OWN_CTRL_KEYS.has(e.keyCode)) || e.keyCode === 112 || e.keyCode === 117 || e.keyCode === 121;
        // In the text area the input event brings the character, unless the key's default is stopped.
        if (!ctrl && !e.altKey && e.key && [...e.key].length === 1 && (own || e.target !== ime)) M._lede_char(e.key.codePointAt(0));
        if (own) e.preventDefault();
      });
      window.addEventListener('keyup', (e) => M._lede_key(e.keyCode, 0, mods(e)));
      window.addEventListener('blur', () => { for (const k of [16, 17, 18, 91]) M._lede_key(k, 0, 0); });

      document.addEventListener('copy', (e) => {
        if (M._lede_wants_text_input()) return;  // a text field copies through ImGui
        const text = M.UTF8ToString(M._lede_copy_text());
        if (!text) return;
        e.clipboardData.setData('text/plain', text);
        e.preventDefault();
      });
      document.addEventListener('paste', (e) => {
        const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
        e.preventDefault();
        if (M._lede_wants_text_input()) {
          withString(text, (p) => M._lede_set_clipboard(p));
          M._lede_key(86, 1, 1);
          M._lede_key(86, 0, 1);
          return;
        }
        M._lede_paste_outside();  // pasting never replaces the article: File > New article from clipboard does that
      });

      // Drag and drop anywhere on the page.
      let depth = 0;
      window.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; dropHint.hidden = false; e.preventDefault(); } });
      window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; dropHint.hidden = true; } });
      window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
      window.addEventListener('drop', (e) => {
        e.preventDefault();
        depth = 0;
        dropHint.hidden = true;
        const file = e.dataTransfer && e.dataTransfer.files[0];
        if (file) openFile(file, 0);
      });

      const resize = () => {
        const dpr = window.devicePixelRatio || 1;
        const w = window.innerWidth, h = window.innerHeight;
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        M._lede_resize(w, h, dpr);
      };
      window.addEventListener('resize', resize);
      // Zooming the page changes devicePixelRatio without always firing resize.
      const watchDpr = () => {
        matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => { resize(); watchDpr(); }, { once: true });
      };
      watchDpr();
      document.addEventListener('visibilitychange', () => M._lede_redraw());
      resize();
      canvas.focus();
    }

    function touchDown(e) {
      const [x, y] = pos(e);
      fingers.set(e.pointerId, { x, y, x0: x, y0: y });
      if (fingers.size === 1) {
        one = { id: e.pointerId, dragging: false, done: false };
        one.timer = setTimeout(() => {  // held still: select the word, as a double click does
          if (!one || one.dragging || one.done) return;
          const f = fingers.get(one.id);
          M._lede_mouse_move(f.x, f.y);
          M._lede_mouse_button(0, 1, 0, 2);
          M._lede_mouse_button(0, 0, 0, 0);
          one.done = true;
        }, LONG_PRESS_MS);
      } else if (fingers.size === 2) {
        // A second finger: whatever the first began becomes a scroll or a pinch.
        if (one) {
          clearTimeout(one.timer);
          if (one.dragging) M._lede_mouse_button(0, 0, 0, 0);
          one = null;
        }
        const [a, b] = [...fingers.values()];
        two = { y: (a.y + b.y) / 2, dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, pinching: false };
      }
    }
    function touchMove(e) {
      const f = fingers.get(e.pointerId);
      if (!f) return;
      [f.x, f.y] = pos(e);
      if (one && one.id === e.pointerId && !one.done) {
        if (!one.dragging && Math.hypot(f.x - f.x0, f.y - f.y0) > TAP_MOVE_PX) {
          clearTimeout(one.timer);
          one.dragging = true;  // a drag selects, as with the mouse
          M._lede_mouse_move(f.x0, f.y0);
          M._lede_mouse_button(0, 1, 0, 1);
        }
        if (one.dragging) M._lede_mouse_move(f.x, f.y);
      } else if (two && fingers.size === 2) {
        const [a, b] = [...fingers.values()];
        const y = (a.y + b.y) / 2, dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
        M._lede_mouse_move((a.x + b.x) / 2, y);  // the wheel goes to what is under the fingers
        M._lede_wheel(0, (y - two.y) / 40);
        two.y = y;
        const scale = dist / two.dist;
        if (two.pinching || Math.abs(scale - 1) > 0.08) {
          M._lede_pinch(scale, two.pinching ? 0 : 1);
          two.pinching = true;
        }
      }
    }
    function touchUp(e) {
      const f = fingers.get(e.pointerId);
      if (!f) return;
      fingers.delete(e.pointerId);
      if (one && one.id === e.pointerId) {
        clearTimeout(one.timer);
        if (one.dragging) {
          M._lede_mouse_move(f.x, f.y);
          M._lede_mouse_button(0, 0, 0, 0);
        } else if (!one.done && e.type === 'pointerup') {  // a tap: a click where the finger was
          M._lede_mouse_move(f.x0, f.y0);
          M._lede_mouse_button(0, 1, 0, 1);
          M._lede_mouse_button(0, 0, 0, 0);
        }
        one = null;
      }
      if (fingers.size < 2) two = null;
    }

    function hasFiles(e) {
      return e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
    }

    // ---- files ---------------------------------------------------------------------------------------
    function withString(s, fn) {
      const n = M.lengthBytesUTF8(s) + 1;
      const p = M._malloc(n);
      M.stringToUTF8(s, p, n);
      try { return fn(p); } finally { M._free(p); }
    }

    function passBytes(kind, name, bytes) {
      const p = M._malloc(Math.max(bytes.length, 1));
      M.HEAPU8.set(bytes, p);
      try { withString(name, (np) => M._lede_open(kind, np, p, bytes.length)); } finally { M._free(p); }
    }

    function openFile(file, kind) {
      if (file.size > MAX_FILE_BYTES) {
        withString(file.name, (np) => M._lede_open_too_large(np, file.size));
        return;
      }
      file.arrayBuffer().then((buf) => passBytes(kind, file.name, new Uint8Array(buf)),
        (err) => withString(file.name, (np) => M._lede_open_too_large(np, -1)));
    }

    function openText(text, name) {
      passBytes(1, name, new TextEncoder().encode(text));
    }

    // ---- the library, kept in the browser ------------------------------------------------------------
    // IndexedDB holds every article with its work: 'articles' (id -> {file}: the .lede.json text),
    // 'journal' ([id, seq] -> {entry}: each change stored since that file, without the text, so that
    // autosave of a long article costs what changed; the reader folds it into a new file now and
    // then), 'meta' (id -> the Library's list entry) and 'state' ('library' -> the tabs open last time).
    // localStorage holds the small view settings. One tab at a time writes (a Web Lock); another
    // tab reads, says so, and can take over.
    const DB_NAME = 'lede', SETTINGS_KEY = 'lede.settings', WRITER_LOCK = 'lede-library-writer';
    let storeProblem = null;  // why the browser's store cannot be used, when it cannot
    const db = new Promise((resolve) => {
      let req;
      try {
        if (!('indexedDB' in window) || !window.indexedDB) throw new Error('no IndexedDB');
        req = indexedDB.open(DB_NAME, 3);
      } catch (e) {
        storeProblem = location.protocol === 'file:'
          ? 'this browser does not let a page opened from a file (file://) keep data'
          : 'this browser does not let pages keep data (a private window, or storage turned off)';
        resolve(null);
        return;
      }
      req.onupgradeneeded = (ev) => {
        const d = req.result, tx = req.transaction;
        for (const name of ['articles', 'meta', 'state', 'journal']) if (!d.objectStoreNames.contains(name)) d.createObjectStore(name);
        if (ev.oldVersion === 1 && d.objectStoreNames.contains('work')) {
          // Version 1 kept one article under work/current: it becomes the library's first entry.
          const get = tx.objectStore('work').get('current');
          get.onsuccess = () => {
            const rec = get.result && JSON.parse(get.result);
            if (rec && typeof rec.file === 'string') {
              const doc = JSON.parse(rec.file);
              const id = 'a' + Date.now().toString(16);
              const anns = (doc.annotations || []).filter((x) => x.status !== 'suggested').length;
              const meta = { id, title: (doc.document && doc.document.title) || rec.stem || 'Article', stem: rec.stem || '',
                length: [...((doc.document && doc.document.text) || '')].length, annotations: anns,
                created: rec.time || '', updated: rec.time || '', top: 0, savedToFileAt: rec.savedToFileAt || '', savedToFile: !!rec.savedToFile };
              tx.objectStore('articles').put({ file: rec.file }, id);
              tx.objectStore('meta').put(meta, id);
              tx.objectStore('state').put({ open: [id], current: id }, 'library');
            }
            d.deleteObjectStore('work');
          };
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = req.onblocked = () => {
        storeProblem = 'the browser refused to open its storage for this page (' + (req.error ? req.error.name : 'blocked') + ')';
        resolve(null);
      };
    });
    function storeError(err) {
      if (storeProblem) return storeProblem;
      const name = err && err.name;
      if (name === 'QuotaExceededError') return 'the browser\u2019s storage for this page is full';
      return 'the browser refused to store it (' + (name || 'unknown error') + ')';
    }
    // One request on one store, as a promise of its result.
    function request(d, store, mode, fn) {
      return new Promise((resolve, reject) => {
        const tx = d.transaction(store, mode);
        const r = fn(tx.objectStore(store));
        tx.oncomplete = () => resolve(r && r.result);
        tx.onerror = tx.onabort = () => reject(tx.error || (r && r.error));
      });
    }
    // Each store starts its transaction at once: IndexedDB runs read-write transactions on the same
    // stores in the order they were created, so they land in the order the reader changed things,
    // and reads made later see them.
    let writer = true;
    let releaseWriter = null;
    const channel = 'BroadcastChannel' in window ? new BroadcastChannel('lede-library') : null;

    const journalOf = (id) => IDBKeyRange.bound([id, 0], [id, Infinity]);
    // The article's journal entries, in order (each one line of JSON).
    function journalEntries(d, id) {
      return request(d, 'journal', 'readonly', (s) => s.getAll(journalOf(id))).then((rs) => (rs || []).map((r) => r.entry));
    }
    // The stored file with its journal applied, as the reader applies it (lede_file.cpp, JournalFold).
    async function storedFile(d, id) {
      const rec = await request(d, 'articles', 'readonly', (s) => s.get(id));
      if (!rec) return null;
      const doc = JSON.parse(rec.file);
      const anns = doc.annotations || [];
      const at = new Map(anns.map((a, i) => [a.id, i]));
      const gone = new Set();
      for (const line of await journalEntries(d, id)) {
        let e;
        try { e = JSON.parse(line); } catch (err) { continue; }
        for (const id of e.removed || []) if (at.has(id)) { gone.add(at.get(id)); at.delete(id); }
        for (const a of e.annotations || []) {
          if (at.has(a.id)) anns[at.get(a.id)] = a;
          else { at.set(a.id, anns.length); anns.push(a); }
        }
        for (const k of ['author', 'labels', 'orphans', 'ratings']) if (k in e) doc[k] = e[k];
        if (e.document && doc.document) {
          doc.document.title = e.document.title;
          if (e.document.meta) doc.document.meta = e.document.meta; else delete doc.document.meta;
        }
      }
      doc.annotations = anns.filter((a, i) => !gone.has(i));
      return doc;
    }

    function listLibrary(d) {
      return Promise.all([request(d, 'meta', 'readonly', (s) => s.getAll()), request(d, 'state', 'readonly', (s) => s.get('library'))]);
    }
    function sendLibrary(metas, state) {
      withString(JSON.stringify(metas || []), (m) => withString(JSON.stringify(state || {}), (st) => M._lede_library_loaded(m, st)));
    }
    function estimate() {
      if (!navigator.storage || !navigator.storage.estimate) return;
      Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false])
        .then(([e, p]) => M._lede_storage_estimate(e.usage || 0, e.quota || 0, p ? 1 : 0), () => {});
    }
    function becomeWriter() {
      if (!navigator.locks) return Promise.resolve(true);  // no locks (file://, old browsers): every tab writes
      return new Promise((resolve) => {
        navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
          resolve(!!lock);
          if (!lock) return undefined;
          return new Promise((release) => { releaseWriter = release; });
        });
      });
    }
    // A tab that does not write waits in the lock's queue: it writes when the writing tab closes or
    // gives way ("Use this tab"). The list is read first: the reader brings its open articles up to
    // the stored versions before it writes (app_set_writer).
    let waiting = false;
    function waitForWriter() {
      if (!navigator.locks || waiting) return;
      waiting = true;
      navigator.locks.request(WRITER_LOCK, () => new Promise((release) => {
        waiting = false;
        releaseWriter = release;
        db.then((d) => d && listLibrary(d)).then((r) => r && sendLibrary(r[0], {}), () => {})
          .then(() => { writer = true; M._lede_set_writer(1); });
      }));
    }
    if (channel) {
      channel.onmessage = (e) => {
        if (e.data === 'release' && releaseWriter) {  // another tab takes over
          releaseWriter();
          releaseWriter = null;
          writer = false;
          M._lede_set_writer(0);
          waitForWriter();
        }
      };
    }
    // Closing the page with work neither stored nor saved to a file asks first.
    window.addEventListener('beforeunload', (e) => {
      if (M && M._lede_unkept_work()) { e.preventDefault(); e.returnValue = ''; }
    });
    const host = {
      start() {
        attach();
        try {
          const s = localStorage.getItem(SETTINGS_KEY);
          if (s) withString(s, (p) => M._lede_set_settings(p));
        } catch (e) { /* storage disabled: defaults */ }
        db.then(async (d) => {
          if (!d) {
            sendLibrary([], {});
            withString('', (i) => withString(storeProblem, (r) => M._lede_store_failed(i, r)));
            return;
          }
          writer = await becomeWriter();
          if (!writer) { M._lede_set_writer(0); waitForWriter(); }
          const [metas, state] = await listLibrary(d);
          sendLibrary(metas, state);
          if (navigator.storage && navigator.storage.persist) navigator.storage.persist().finally(estimate);
          else estimate();
        }).catch((err) => {
          sendLibrary([], {});
          withString('', (i) => withString(storeError(err), (r) => M._lede_store_failed(i, r)));
        });
      },
      storeArticle(id, file, meta, changes) {
        if (!writer) return;
        db.then((d) => {
          if (!d) throw new Error('no store');
          return new Promise((resolve, reject) => {
            const tx = d.transaction(['articles', 'meta', 'journal'], 'readwrite');
            tx.objectStore('articles').put({ file }, id);
            tx.objectStore('meta').put(JSON.parse(meta), id);
            tx.objectStore('journal').delete(journalOf(id));  // the file holds it all now
            if (tx.commit) tx.commit();  // now, not when this task ends
            tx.oncomplete = resolve;
            tx.onerror = tx.onabort = () => reject(tx.error);
          });
        }).then(() => { withString(id, (p) => M._lede_article_stored(p, changes)); },
          (err) => { withString(id, (p) => withString(storeError(err), (r) => M._lede_store_failed(p, r))); });
      },
      // One change of an article already stored: appended, in the order the reader made them.
      storeJournal(id, seq, entry, meta, changes) {
        if (!writer) return;
        db.then((d) => {
          if (!d) throw new Error('no store');
          return new Promise((resolve, reject) => {
            const tx = d.transaction(['journal', 'meta'], 'readwrite');
            tx.objectStore('journal').put({ entry }, [id, seq]);
            tx.objectStore('meta').put(JSON.parse(meta), id);
            if (tx.commit) tx.commit();
            tx.oncomplete = resolve;
            tx.onerror = tx.onabort = () => reject(tx.error);
          });
        }).then(() => { withString(id, (p) => M._lede_article_stored(p, changes)); },
          (err) => { withString(id, (p) => withString(storeError(err), (r) => M._lede_store_failed(p, r))); });
      },
      storeMeta(id, meta) {
        if (!writer) return;
        db.then((d) => d && request(d, 'meta', 'readwrite', (s) => s.put(JSON.parse(meta), id)))
          .catch((err) => withString(id, (p) => withString(storeError(err), (r) => M._lede_store_failed(p, r))));
      },
      storeLibraryState(json) {
        if (!writer) return;
        db.then((d) => d && request(d, 'state', 'readwrite', (s) => s.put(JSON.parse(json), 'library')))
          .catch(() => {});
      },
      loadArticle(id) {
        const loaded = (file, journal, meta) => withString(id, (i) => withString(file, (f) => withString(journal, (j) =>
          withString(meta, (m) => M._lede_article_loaded(i, f, j, m)))));
        db.then((d) => d && Promise.all([request(d, 'articles', 'readonly', (s) => s.get(id)), journalEntries(d, id),
                                                        request(d, 'meta', 'readonly', (s) => s.get(id))]))
          .then((r) => {
            const [rec, journal, meta] = r || [];
            loaded(rec ? rec.file : '', (journal || []).join('\n'), JSON.stringify(meta || {}));
          }, () => loaded('', '', '{}'));
      },
      purgeArticle(id) {
        db.then((d) => d && new Promise((resolve) => {
          const tx = d.transaction(['articles', 'meta', 'journal'], 'readwrite');
          tx.objectStore('articles').delete(id);
          tx.objectStore('meta').delete(id);
          tx.objectStore('journal').delete(journalOf(id));
          tx.oncomplete = tx.onerror = tx.onabort = resolve;
        }));
      },
      searchLibrary(query) {
        const q = query.toLowerCase();
        db.then(async (d) => {
          const hits = [];
          if (d) {
            const [metas] = await listLibrary(d);
            for (const meta of metas) {
              if (meta.deleted) continue;
              let doc;
              try { doc = await storedFile(d, meta.id); } catch (e) { continue; }
              if (!doc) continue;
              const text = (doc.document && doc.document.text) || '';
              const notes = (doc.annotations || []).map((x) => x.note || '').filter(Boolean).join('\n');
              const hay = (text + '\n' + notes).toLowerCase();
              let count = 0, at = hay.indexOf(q), first = at;
              while (at >= 0 && count < 10000) { count++; at = hay.indexOf(q, at + q.length); }
              if (!count) continue;
              const from = Math.max(0, first - 40);
              const snippet = (from > 0 ? '\u2026' : '') + (text + '\n' + notes).slice(from, first + q.length + 60).replace(/\s+/g, ' ') + '\u2026';
              hits.push({ id: meta.id, title: meta.title, count, snippet });
            }
          }
          hits.sort((x, y) => y.count - x.count);
          withString(query, (qp) => withString(JSON.stringify(hits), (hp) => M._lede_search_results(qp, hp)));
        }).catch(() => withString(query, (qp) => withString('[]', (hp) => M._lede_search_results(qp, hp))));
      },
      exportLibrary() {
        db.then(async (d) => {
          if (!d) return;
          const [metas] = await listLibrary(d);
          const articles = [];
          for (const meta of metas) {
            const file = await storedFile(d, meta.id);
            if (file) articles.push({ meta, file });
          }
          const out = { format: 'lede-library', version: 1, exported: new Date().toISOString(), articles };
          host.download('lede-library-' + new Date().toISOString().slice(0, 10) + '.json',
            new TextEncoder().encode(JSON.stringify(out)), 'application/json');
        });
      },
      takeOver() {  // the writing tab gives way; this tab's place in the lock's queue gets it
        if (channel) channel.postMessage('release');
        waitForWriter();
      },
      storeSettings(json) {
        try { localStorage.setItem(SETTINGS_KEY, json); } catch (e) { /* full or disabled */ }
      },
      fail,
      firstFrame() {
        timing.firstFrame = performance.now();
        overlay.hidden = true;
      },
      // The suggestions are in (or the page runs without them): what waited for the start may begin.
      started() { setTimeout(() => offlineSupport(), 0); },
      setCursor(css) { canvas.style.cursor = css; },
      download(name, bytes, mime) {
        const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      },
      // Ctrl+P: the report in a frame of its own, printed from there. The frame is sandboxed
      // without scripts (the report has none); same-origin so that this page can call its print().
      // It inherits the page's CSP, which refuses inline <style>: the report's CSS is given to it as
      // a constructed style sheet instead, which CSP allows.
      printHtml(html) {
        const old = document.getElementById('lede-print');
        if (old) old.remove();
        const frame = document.createElement('iframe');
        frame.id = 'lede-print';
        frame.title = 'Report for printing';
        frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
        frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
        frame.addEventListener('load', () => {
          const w = frame.contentWindow, doc = frame.contentDocument;
          const sheet = new w.CSSStyleSheet();
          sheet.replaceSync([...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n'));
          doc.adoptedStyleSheets = [sheet];
          w.print();
        }, { once: true });
        frame.srcdoc = html;
        document.body.appendChild(frame);
      },
      openPicker(kind) {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = kind === 4 ? '.json,application/json' : kind >= 2 ? '.json,.jsonld,application/json,application/ld+json' : '.txt,.md,.markdown,.text,.json,.jsonld,text/plain,text/markdown';
        input.addEventListener('change', () => { if (input.files[0]) openFile(input.files[0], kind); });
        input.click();
      },
      readClipboard() {
        if (!navigator.clipboard || !navigator.clipboard.readText) {
          openText('', 'Clipboard');
          return;
        }
        navigator.clipboard.readText().then((t) => openText(t, 'Pasted text.txt'),
          () => openText('', 'Clipboard'));
      },
      writeClipboard(text) {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
      },
    };

    // WebGL 2, checked on the page's own canvas: main_web.cpp then gets this context (same
    // attributes) instead of the browser setting up a second one.
    if (!canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: false })) {
      fail('Lede cannot run in this browser: it needs WebGL 2, which is missing or turned off ' +
           '(check that hardware acceleration is enabled).');
      pageReady(false);
      return;
    }
    mark('webgl');
    window.Module.canvas = canvas;
    window.Module.ledeHost = host;
    pageReady(true);

    // Read-only API for tests and scripting: every call returns a fresh copy.
    window.lede = Object.freeze({
      state() { return M ? JSON.parse(M.UTF8ToString(M._lede_state())) : null; },
      rects(start, end) { return M ? JSON.parse(M.UTF8ToString(M._lede_rects(start, end))) : []; },
      // ms since navigation: firstFrame, and each step of the start (performance marks 'lede:*')
      timing() {
        const t = Object.assign({}, timing);
        for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('lede:')) t[m.name.slice(5)] = m.startTime;
        return t;
      },
      // CPU time (ms) of each drawn frame since frame `from` (see frameCount), for benchmarks.
      frameTimes(from = 0) { return M ? JSON.parse(M.UTF8ToString(M._lede_frame_times(from))) : []; },
      frameCount() { return M ? M._lede_frame_count() : 0; },
      // The Wasm heap (bytes: heap size, malloc's use now and its peak) and the open article in
      // brief (title, length, annotations, autosave), cheap enough to poll on a large article.
      memory() { return M ? JSON.parse(M.UTF8ToString(M._lede_memory())) : null; },
      ready() { return timing.firstFrame !== null; },
    });

    // Not from file:// (no service workers there) nor for lede.html, which needs no other file.
    // Registered once the start is over (host.started): installing downloads every file again,
    // which would compete with the first frames for the network and the cores.
    offlineSupport = () => {
      if ('serviceWorker' in navigator && location.protocol !== 'file:' && !inline) {
        navigator.serviceWorker.register('sw.js').catch((err) => console.warn('offline support unavailable:', err));
      }
    };
  }
})();
