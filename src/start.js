// Starts the wizard. Trunk would start it from an inline script; from a file, the page's
// Content-Security-Policy can forbid every inline script and needs no per-build hash.
// index.html names the hashed files (Trunk.toml's pattern_script fills them in).
const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
