// Opens the page in the language already chosen, before any of this page is shown: the link's
// `lang=`, else, on the default (English) page, the saved choice, else the browser's. Each
// language has a page of its own (written by the release build); the <link rel="alternate">
// elements (data-lang) name them. A file, not an inline script, so the page's CSP refuses every inline script.
(function () {
  var here = document.documentElement.lang;
  var match = /(?:^#|&)lang=([^&]*)/.exec(location.hash);
  var wanted = match ? decodeURIComponent(match[1]) : null;
  if (!wanted && here === "en") {
    try {
      var saved = JSON.parse(localStorage.getItem("lync-push-wizard.state.v1") || "null");
      wanted = saved && saved.lang;
    } catch (e) {
      // Storage blocked or unreadable: the wizard says so itself.
    }
    if (!wanted && /^zh/i.test(navigator.language || "")) {
      wanted = "zh-TW";
    }
  }
  if (wanted && wanted !== here) {
    var page = document.querySelector('link[rel="alternate"][data-lang="' + wanted + '"]');
    if (page) {
      location.replace(page.href + location.hash);
    }
  }
})();
