// Runs before any of the page is shown (the CSP forbids inline script, so it is a file; the
// release build strips these comments).
// 1. Opens the page in the language already chosen: the link's `lang=`, else, on the default
//    (English) page, the saved choice, else the browser's. Each language has a page of its own;
//    the <link rel="alternate" data-lang> elements name them.
// 2. Marks the page opened with a link's answers (data-link) or with answers saved in this
//    browser (data-saved): until the wizard has loaded them, the page says so.
(function () {
  var root = document.documentElement;
  var hash = location.hash.slice(1);
  var wanted = (/(?:^|&)lang=([^&]*)/.exec(hash) || [])[1];
  var saved = {};
  try {
    saved = JSON.parse(localStorage.getItem("lync-push-wizard.state.v1")) || {};
  } catch (e) {
    // Storage blocked or unreadable: the wizard says so itself.
  }
  if (!wanted && root.lang == "en") {
    wanted = saved.lang || (/^zh/i.test(navigator.language) ? "zh-TW" : "");
  }
  var page = wanted && wanted != root.lang && document.querySelector('link[data-lang="' + wanted + '"]');
  if (page) {
    location.replace(page.href + location.hash);
    return;
  }
  // Any name other than lang= is an answer (as core::share::carries_answers says).
  if (/(?:^|&)(?!lang=)[^&=]+=/.test(hash)) {
    root.setAttribute("data-link", "");
  }
  // Answers saved here: an Edge Server, a client or an Access Edge (core::saved::to_json's keys).
  var a = saved.answers || {};
  if (a.edge || (a.clients || []).length || a["access-edge"]) {
    root.setAttribute("data-saved", "");
  }
})();
