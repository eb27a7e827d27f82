//! The page as it is before the wasm arrives: the masthead, the language links, all five
//! question pages as real form controls, and the result area with its heading. The release build
//! writes it into `index.html` and `zh-TW/index.html` (`src/bin/prerender`); the wasm then takes
//! these very elements over, found by the ids written here, and changes nothing on screen when
//! the answers are the empty ones this page shows.
//!
//! This module is the page's frame: the masthead, the language links, the fallbacks and the
//! result's placeholder, and where each language's page is. The questions, which the wasm keeps
//! in step with the answers, are in `questions`.

mod questions;

pub use self::questions::{pool_follows, progress, provider_not_used, question_count, wizard, ChoiceGroup, Page, TextField};

use crate::core::facts::{discovery_file, WORKER_SCRIPT};
use crate::core::i18n::{fill, Language, PageStrings, Strings};

use super::html::{escape, Html};

/// Where each language's page is, relative to the site's root.
pub const fn page_path(lang: Language) -> &'static str {
    match lang {
        Language::En => "index.html",
        Language::ZhTw => "zh-TW/index.html",
    }
}

/// Each language's page as one self-contained file, for opening from disk (written beside
/// index.html by the release build).
pub const fn single_file_path(lang: Language) -> &'static str {
    match lang {
        Language::En => "lync-push-wizard.html",
        Language::ZhTw => "lync-push-wizard.zh-TW.html",
    }
}

/// The relative address of `to`'s page from `from`'s. Named files, not directories, so the links
/// work from disk too, where a folder does not open its index.html.
pub fn path_between(from: Language, to: Language) -> String {
    let up = "../".repeat(page_path(from).matches('/').count());
    format!("{up}{}", page_path(to))
}

/// The masthead, in the page's language.
pub fn masthead(t: &PageStrings) -> Html {
    let mut out = String::from("<header class=\"masthead\" id=\"masthead\">");
    out.push_str(&format!("<p class=\"eyebrow\">{}</p>", escape(t.page_eyebrow)));
    out.push_str(&format!("<h1>{}</h1>", escape(t.page_title)));
    out.push_str(&format!("<p class=\"lede\">{}</p>", escape(t.page_lede)));
    out.push_str("</header>");
    Html::trusted(out)
}

/// A sentence from the table with its `{0}` as a link to `href` that reads `href`.
fn with_link(template: &str, href: &str) -> String {
    let (before, after) = template.split_once("{0}").unwrap_or((template, ""));
    let href = escape(href);
    format!("{}<a href=\"{href}\">{href}</a>{}", escape(before), escape(after))
}

/// What a browser without JavaScript or WebAssembly gets told, and, shown only while the page's
/// stylesheet is missing (as when index.html is opened from disk, where the browser refuses it),
/// which file to open instead. No script decides this: the stylesheet hides it. First in the
/// body, so an unstyled page starts with it.
pub fn fallbacks(t: &PageStrings, single_file: &str) -> Html {
    let mut out = String::new();
    out.push_str(&format!("<p class=\"from-disk\" data-testid=\"from-disk\"><strong>{}</strong></p>", with_link(t.from_disk, single_file)));
    out.push_str(&format!("<noscript><p class=\"noscript\">{}</p></noscript>", escape(t.noscript)));
    Html::trusted(out)
}

/// Said by `start.js` when the wasm does not arrive (blocked, or still not there after a while):
/// hidden until then, and hidden again once the wizard has taken the page over.
pub fn load_failed(t: &PageStrings, single_file: &str) -> Html {
    Html::trusted(format!("<p class=\"load-note\" id=\"load-failed\" role=\"alert\" hidden>{}</p>", with_link(t.load_failed, single_file)))
}

/// Links to the page in each other language. The wasm adds the answers to them where this
/// browser cannot keep them between pages (storage blocked).
pub fn language_links(lang: Language, href_of: impl Fn(Language) -> String) -> Html {
    let mut out = String::from("<nav class=\"language\" aria-label=\"Language · 語言\">");
    for &other in Language::ALL.iter().filter(|&&other| other != lang) {
        out.push_str(&format!(
            "<a id=\"language-{token}\" data-testid=\"language\" href=\"{href}\" hreflang=\"{token}\" lang=\"{token}\">{name}</a>",
            token = other.token(),
            // The language travels in the link too, so a choice saved on the other page does not
            // send the reader straight back.
            href = escape(&format!("{}#lang={}", href_of(other), other.token())),
            name = escape(other.native_name()),
        ));
    }
    out.push_str("</nav>");
    Html::trusted(out)
}

/// The result area before the wasm has built it: its heading and a verdict that is not given.
/// It never guesses one: saved answers or a link may give another, which only the wasm reads.
pub fn result_placeholder(t: &Strings, page_texts: &PageStrings) -> Html {
    Html::trusted(format!(
        "<section class=\"result\" id=\"result-placeholder\" aria-labelledby=\"result-heading\">\
         <h2 id=\"result-heading\" tabindex=\"-1\">{}</h2>\
         <div class=\"card verdict\" data-verdict=\"pending\"><p class=\"headline\">{}</p>\
         <p class=\"early-saved\">{}</p></div></section>",
        escape(t.result_heading),
        escape(t.pending_headline),
        escape(page_texts.loading_saved)
    ))
}

/// "Fill the answers from your deployment": closed, above the questions, and whole before the
/// wasm arrives: what to run, the discovery script's file beside the pages (at `root`), the box
/// its block is pasted into and the place for what it says. The wasm adds the listeners, and
/// starts the page's worker (`render::worker`), which reads the block, only once a block comes.
/// The status's `data-` texts are what the page says without the worker.
pub fn discovery_panel(lang: Language, root: &str) -> Html {
    let (t, d, file) = (lang.strings(), lang.discovery_strings(), discovery_file(lang));
    let mut out = format!(
        "<div class=\"card discovery\" id=\"discovery-panel\" data-worker=\"{}\"><details id=\"discovery\" data-testid=\"discovery\">",
        escape(&format!("{root}{WORKER_SCRIPT}"))
    );
    out.push_str(&format!("<summary data-testid=\"discovery-summary\">{}</summary><p>{}</p>", escape(d.panel_summary), escape(d.panel_intro)));
    out.push_str(&format!(
        "<div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"copy-discovery\" data-testid=\"copy-discovery\">{}</button>\
         <a class=\"secondary\" href=\"{}\" download id=\"discovery-download\" data-testid=\"discovery-download\">{}</a></div>",
        escape(d.panel_copy),
        escape(&format!("{root}{file}")),
        escape(&fill(d.panel_download, &[file]))
    ));
    out.push_str(&format!(
        "<label for=\"discovery-input\">{}</label><textarea id=\"discovery-input\" rows=\"3\" spellcheck=\"false\" data-testid=\"discovery-input\"></textarea>\
         <label class=\"file-label\">{}<input type=\"file\" accept=\".txt,.log,text/plain\" id=\"discovery-file\" data-testid=\"discovery-file\"></label>\
         <p class=\"help\">{}</p>",
        escape(d.panel_paste_label),
        escape(t.open_file),
        escape(d.panel_privacy)
    ));
    out.push_str(&format!(
        "<p class=\"status\" role=\"status\" id=\"discovery-status\" data-testid=\"discovery-status\" data-forgotten=\"{}\" data-no-worker=\"{}\"></p>\
         <div class=\"reading\" id=\"discovery-reading\" data-testid=\"discovery-reading\" hidden></div></details></div>",
        escape(d.panel_forgotten),
        escape(d.panel_no_worker)
    ));
    Html::trusted(out)
}

/// "After the run": where a run's output is pasted or dropped, and its report shown
/// (`ui/report`, read by the page's worker). Closed, one quiet line under the discovery panel.
pub fn report_panel(lang: Language) -> Html {
    let (t, r) = (lang.strings(), lang.report_strings());
    let mut out = format!(
        "<div class=\"card discovery report-panel\" id=\"report-panel\"><details id=\"report\" data-testid=\"report\"><summary data-testid=\"report-summary\">{}</summary><p>{}</p>",
        escape(r.panel_summary),
        escape(r.panel_intro)
    );
    out.push_str(&format!(
        "<label for=\"report-input\">{}</label><textarea id=\"report-input\" rows=\"3\" spellcheck=\"false\" data-testid=\"report-input\"></textarea>\
         <label class=\"file-label\">{}<input type=\"file\" accept=\".txt,.log,text/plain\" id=\"report-file\" data-testid=\"report-file\"></label>\
         <p class=\"status\" role=\"status\" id=\"report-status\" data-testid=\"report-status\" data-no-worker=\"{}\"></p>",
        escape(r.panel_paste_label),
        escape(t.open_file),
        escape(r.panel_no_worker)
    ));
    out.push_str(&format!(
        "<div class=\"actions\" id=\"report-actions\" hidden><button type=\"button\" class=\"secondary\" id=\"report-print\" data-testid=\"report-print\">{}</button>\
         <button type=\"button\" class=\"secondary\" id=\"report-export\" data-testid=\"report-export\">{}</button></div>\
         <div class=\"reading report-view\" id=\"report-view\" data-testid=\"report-view\" hidden></div></details></div>",
        escape(r.panel_print),
        escape(r.panel_export)
    ));
    Html::trusted(out)
}

/// Everything the body holds before the wasm arrives, in the page's language.
/// `other_page`: the address of each other language's page; `single_file`: the address of the
/// self-contained file to open from disk, which sits at the site's root.
pub fn body(lang: Language, other_page: impl Fn(Language) -> String, single_file: &str) -> Html {
    let (t, page_texts) = (lang.strings(), lang.page_strings());
    let mut out = fallbacks(page_texts, single_file).into_string();
    out.push_str(masthead(page_texts).as_str());
    out.push_str(language_links(lang, other_page).as_str());
    out.push_str(load_failed(page_texts, single_file).as_str());
    // The wasm mounts the notices here, above the questions. Opened from a link, its notice's
    // place is kept (lang.js marks the page, the stylesheet shows this) so nothing moves when it
    // comes.
    out.push_str(&format!("<div id=\"notices-root\"><div class=\"notices early-notice\"><p class=\"notice\">{}</p></div></div>", escape(page_texts.loading_link)));
    let root = &single_file[..single_file.len() - single_file.trim_start_matches("../").len()];
    out.push_str(discovery_panel(lang, root).as_str());
    out.push_str(report_panel(lang).as_str());
    out.push_str("<main class=\"layout\" id=\"layout\">");
    out.push_str(wizard(t, page_texts).as_str());
    out.push_str(result_placeholder(t, page_texts).as_str());
    out.push_str("</main>");
    out.push_str(strings_carried(lang).as_str());
    Html::trusted(out)
}

/// The wasm holds the English table only, so a page in another language carries its own main
/// table (`Strings::to_text`), which the wasm reads from here: an English reader never downloads
/// the Chinese texts. The id is `STRINGS_ID`; English pages carry nothing.
pub fn strings_carried(lang: Language) -> Html {
    match lang {
        Language::En => Html::default(),
        Language::ZhTw => Html::trusted(format!(
            "<div hidden id=\"{STRINGS_ID}\" data-strings=\"{}\"></div>",
            escape(&lang.strings().to_text())
        )),
    }
}

/// The element that carries a page's table (`strings_carried`).
pub const STRINGS_ID: &str = "strings";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{EN, PAGE_EN, PAGE_ZH_TW};

    #[test]
    fn pages_link_to_each_other_from_any_depth() {
        assert_eq!(path_between(Language::En, Language::ZhTw), "zh-TW/index.html");
        assert_eq!(path_between(Language::ZhTw, Language::En), "../index.html");
    }

    #[test]
    fn each_language_names_the_other_in_its_own_words() {
        let en = body(Language::En, |other| path_between(Language::En, other), "lync-push-wizard.html");
        assert!(en.contains("href=\"zh-TW/index.html#lang=zh-TW\" hreflang=\"zh-TW\" lang=\"zh-TW\">繁體中文</a>"));
        assert!(en.contains("<h1>Push notifications wizard</h1>"));
        let zh = body(Language::ZhTw, |other| path_between(Language::ZhTw, other), "lync-push-wizard.html");
        assert!(zh.contains("href=\"../index.html#lang=en\" hreflang=\"en\" lang=\"en\">English</a>"));
        assert!(zh.contains(&format!("<h1>{}</h1>", PAGE_ZH_TW.page_title)));
        assert!(zh.contains("<a href=\"lync-push-wizard.html\">lync-push-wizard.html</a>"), "the from-disk hint links the file");
        assert!(zh.starts_with("<p class=\"from-disk\""), "first, so an unstyled page starts with it");
    }

    /// Each language's page offers the discovery script with its own comments, beside the pages.
    #[test]
    fn each_page_offers_its_languages_discovery_script() {
        assert!(discovery_panel(Language::En, "").contains("href=\"Get-LyncPushDeployment.ps1\" download"));
        let zh = discovery_panel(Language::ZhTw, "../");
        assert!(zh.contains("href=\"../Get-LyncPushDeployment.zh-TW.ps1\" download") && zh.contains("data-worker=\"../wizard-worker_loader.js\""));
    }

    #[test]
    fn the_result_area_gives_no_verdict() {
        let html = result_placeholder(&EN, &PAGE_EN);
        assert!(html.contains("data-verdict=\"pending\"><p class=\"headline\">No verdict yet</p>"));
        assert!(!html.contains("data-testid"), "nothing a test could take for the wasm's result");
    }
}
