// Starts the wizard. Trunk would start it from an inline script; from a file, the page's
// Content-Security-Policy can forbid every inline script and needs no per-build hash.
// index.html names the hashed files (Trunk.toml's pattern_script fills them in), relative to the
// page: a page in a folder (zh-TW/) names them one level up, so they are resolved against the
// page's address, not this file's.
//
// Until the wasm has taken the page over (data-wizard on <html>), the questions already work as
// a form: what is clicked there is marked for the wizard to take (data-early on the group), Next
// is kept for it (data-pending-next) with a word that it is coming, and if the wasm cannot be
// loaded, or has not come after a while, the page says so and names what to use instead.
const root = document.documentElement;
const ready = () => root.hasAttribute("data-wizard");
const mark = (element, name) => element?.setAttribute(name, "");
const show = (id) => document.getElementById(id)?.removeAttribute("hidden");
// Nothing is loading any more: the "loading the answers" words go with it.
const failed = () => {
  mark(root, "data-failed");
  show("load-failed");
};
const form = document.getElementById("question");
form?.addEventListener("click", (event) => ready() || mark(event.target.closest("fieldset"), "data-early"));
form?.addEventListener("submit", (event) => {
  if (ready()) return;
  event.preventDefault();
  mark(root, "data-pending-next");
  show("load-waiting");
});
const slow = setTimeout(() => ready() || failed(), 12000);
try {
  // After the first frame: the questions are already there in the HTML, and the wizard's
  // download should not compete with what that first paint needs.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
  const { default: init } = await import(new URL(js, document.baseURI).href);
  await init({ module_or_path: wasm });
} catch (error) {
  clearTimeout(slow);
  failed();
  throw error;
}
