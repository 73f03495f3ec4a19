// The first script the page runs: starts downloading and compiling lede.wasm. It comes before the
// stylesheet, which a script after it would have to wait for, so the module compiles while the
// rest of the page loads. boot.js takes the promises and reports whatever went wrong.
'use strict';
performance.mark('lede:start');
if (typeof WebAssembly === 'object' && WebAssembly.compileStreaming && location.protocol !== 'file:') {
  const response = fetch('lede.wasm', { credentials: 'same-origin' });
  const module = response.then((r) => {
    performance.mark('lede:fetched');
    return r.ok ? WebAssembly.compileStreaming(r.clone()).then((m) => { performance.mark('lede:compiled'); return m; }) : null;
  });
  // Handled by boot.js; until then a failure is not reported as unhandled.
  response.catch(() => {});
  module.catch(() => {});
  window.ledeStart = { response, module };
}
