// Starts the wizard. Trunk would start it from an inline script; from a file, the page's
// Content-Security-Policy can forbid every inline script and needs no per-build hash.
// index.html names the hashed files (Trunk.toml's pattern_script fills them in), relative to the
// page: a page in a folder (zh-TW/) names them one level up, so they are resolved against the
// page's address, not this file's.
const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
const { default: init } = await import(new URL(js, document.baseURI).href);
await init({ module_or_path: wasm });
