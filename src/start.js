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
// The questions are already in the HTML: the wizard's download waits until they are on screen,
// so that it competes with nothing the first paint needs (and Lighthouse, which counts every
// request begun before that paint into it, sees none). A page opened in the background paints
// nothing, so it need not wait; a browser without paint timing (where observing it would wait
// silently for ever) waits for a frame instead; and if the paint is never reported, the wait
// ends after 2 s all the same.
const afterFirstPaint = () =>
  new Promise((resolve) => {
    const painted = (entries) => entries.some((entry) => entry.name === "first-contentful-paint");
    if (document.visibilityState === "hidden" || painted(performance.getEntriesByType("paint"))) return resolve();
    document.addEventListener("visibilitychange", resolve, { once: true });
    setTimeout(resolve, 2000);
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
      return requestAnimationFrame(() => setTimeout(resolve, 0));
    }
    try {
      new PerformanceObserver((list, observer) => {
        if (painted(list.getEntries())) {
          observer.disconnect();
          resolve();
        }
      }).observe({ type: "paint", buffered: true });
    } catch {
      resolve();
    }
  });
const slow = setTimeout(() => ready() || failed(), 12000);
try {
  await afterFirstPaint();
  const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
  const { default: init } = await import(new URL(js, document.baseURI).href);
  await init({ module_or_path: wasm });
} catch (error) {
  clearTimeout(slow);
  failed();
  throw error;
}
