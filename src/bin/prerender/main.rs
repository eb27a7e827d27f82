//! Trunk's post-build step (Trunk.toml `[[hooks]]`): writes the pages as they are before the wasm
//! arrives into the staged site. The core renders them natively (`core::render::page`), so the
//! questions are in the HTML and can be answered at static-page speed; the wasm takes them over.
//!
//! Writes `index.html` (English, in place of Trunk's) and `zh-TW/index.html`, and each as one
//! self-contained file for opening from disk (`single_file`): `lync-push-wizard.html` and
//! `lync-push-wizard.zh-TW.html`. Beside them, the read-only discovery script, which needs no
//! answers: the page links to it instead of carrying its text in the wasm.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").map(std::path::PathBuf::from).or_else(|| std::env::args_os().nth(1).map(Into::into));
    let Some(staging) = staging else {
        eprintln!("prerender: name the staged site (TRUNK_STAGING_DIR, or the first argument)");
        std::process::exit(2);
    };
    if let Err(problem) = site::write(&staging) {
        eprintln!("prerender: {problem}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod single_file;

#[cfg(not(target_arch = "wasm32"))]
mod site {
    use std::path::Path;

    use lync_push_wizard::core::facts::discovery_file;
    use lync_push_wizard::core::i18n::Language;
    use lync_push_wizard::core::render::powershell::{discovery_in, for_download};
    use lync_push_wizard::core::render::view::DiscoveryView;
    use lync_push_wizard::core::render::html::escape;
    use lync_push_wizard::core::render::page::{self, page_path, path_between, single_file_path};

    use super::single_file::inline_page;

    /// Scripts and styles the pages load besides Trunk's: the language redirect must run before
    /// the body is shown, and the no-script styles only apply without script.
    const LANG_SCRIPT: &str = "lang.js";
    const NOSCRIPT_STYLE: &str = "noscript.css";
    const START_SCRIPT: &str = "start.js";

    pub fn write(staging: &Path) -> Result<(), String> {
        // Trunk copies these as written (`copy-file`): their comments are for the source only.
        for script in [LANG_SCRIPT, START_SCRIPT] {
            let path = staging.join(script);
            let source = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            std::fs::write(&path, without_comments(&source)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let index = staging.join("index.html");
        let built = std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
        let mut pages = Vec::new();
        for &lang in Language::ALL {
            pages.push((page_path(lang).to_string(), page_for(&built, lang, page_path(lang), |other| path_between(lang, other))?));
            // The single files sit beside index.html and link to each other.
            let page = page_for(&built, lang, single_file_path(lang), |other| single_file_path(other).to_string())?;
            let read = |url: &str| std::fs::read(staging.join(url.trim_start_matches("./"))).ok();
            let single = inline_page(&page, &read).map_err(|problem| format!("{}: {problem}", single_file_path(lang)))?;
            pages.push((single_file_path(lang).to_string(), single));
        }
        // The discovery script in each language, as a download of a generated script is (CRLF,
        // and a UTF-8 mark where a character is not ASCII).
        for &lang in Language::ALL {
            pages.push((discovery_file(lang).to_string(), for_download(&discovery_in(&DiscoveryView::new(lang)))));
        }
        for (path, html) in pages {
            let path = staging.join(path);
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
            }
            std::fs::write(&path, html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }

    /// Trunk's page (English, at the site's root) as `lang`'s page at `at` (a path from the
    /// root), linking to the other languages' pages at `href_of`.
    pub fn page_for(built: &str, lang: Language, at: &str, href_of: impl Fn(Language) -> String + Copy) -> Result<String, String> {
        let t = lang.page_strings();
        let up = "../".repeat(at.matches('/').count());
        let single_file = format!("{up}{}", single_file_path(lang));
        let mut html = built.to_string();
        replace_tag(&mut html, "<html", &format!("<html lang=\"{}\">", lang.token()))?;
        replace_between(&mut html, "<title>", "</title>", &escape(t.document_title))?;
        let description = format!("<meta name=\"description\" content=\"{}\">", escape(t.document_description));
        replace_tag_naming(&mut html, "name=description", &description).or_else(|_| replace_tag_naming(&mut html, "name=\"description\"", &description))?;
        // The other languages' pages, for lang.js and the wasm. Named by data-lang, not hreflang:
        // a search engine wants hreflang addresses absolute, and the site's address is unknown.
        // lang.js right after the stylesheet: the policy's meta tag stops Chromium's preload
        // scanner, so each file is asked for only when the parser reaches it, and a script
        // before the stylesheet would hold that request back until it had run (a round trip
        // more, measured in README.md's benchmark section). After it, both are asked for at
        // once, and the script still runs before anything is shown. It runs once the
        // stylesheet has come, so a redirect waits for it too; the other page then finds it
        // cached.
        let mut language = String::new();
        for &other in Language::ALL.iter().filter(|&&other| other != lang) {
            language.push_str(&format!("<link rel=\"alternate\" data-lang=\"{}\" href=\"{}\">", other.token(), href_of(other)));
        }
        language.push_str(&format!("<script src=\"./{LANG_SCRIPT}\"></script>"));
        // Minified in a release build, quoted in any other.
        insert_after_tag_naming(&mut html, "rel=stylesheet", &language).or_else(|_| insert_after_tag_naming(&mut html, "rel=\"stylesheet\"", &language))?;
        insert_before(&mut html, "</head>", &format!("<noscript><link rel=\"stylesheet\" href=\"./{NOSCRIPT_STYLE}\"></noscript>"))?;
        // No preload of the wasm and its JavaScript: the questions are in the HTML, so nothing
        // needs them before the first paint, and fetched alongside the stylesheet they only
        // slowed it (and Lighthouse counted them into the first paint). start.js asks for them
        // once the first paint is on screen.
        for preload in ["rel=modulepreload", "rel=\"modulepreload\"", "rel=preload", "rel=\"preload\""] {
            while replace_tag_naming(&mut html, preload, "").is_ok() {}
        }
        // Every asset is at the root: a page in a folder reaches it one level up per folder.
        if !up.is_empty() {
            html = html.replace("=\"./", &format!("=\"{up}")).replace("=./", &format!("={up}"));
        }
        replace_between(&mut html, "<body>", "</body>", &page::body(lang, href_of, &single_file))?;
        Ok(html)
    }

    /// A script without its comment lines and indentation. Only whole lines that are comments
    /// go (`//` first on the line), so no string or expression is touched; line breaks stay,
    /// so no statement runs into the next. (The scripts hold no string spanning lines, whose
    /// indentation this would change.)
    pub fn without_comments(source: &str) -> String {
        let mut out = String::new();
        for line in source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with("//")) {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    fn replace_between(html: &mut String, open: &str, close: &str, with: &str) -> Result<(), String> {
        let start = html.find(open).ok_or_else(|| format!("the built page has no {open}"))? + open.len();
        let end = start + html[start..].find(close).ok_or_else(|| format!("the built page has no {close}"))?;
        html.replace_range(start..end, with);
        Ok(())
    }

    /// Replaces the whole tag that holds `attribute` (the minifier may move it within the tag).
    fn replace_tag_naming(html: &mut String, attribute: &str, with: &str) -> Result<(), String> {
        let at = html.find(attribute).ok_or_else(|| format!("the built page has no tag with {attribute}"))?;
        let from = html[..at].rfind('<').ok_or_else(|| format!("the tag with {attribute} does not start"))?;
        let to = at + html[at..].find('>').ok_or_else(|| format!("the tag with {attribute} does not end"))? + 1;
        html.replace_range(from..to, with);
        Ok(())
    }

    /// Replaces the whole tag that starts with `start`.
    fn replace_tag(html: &mut String, start: &str, with: &str) -> Result<(), String> {
        let from = html.find(start).ok_or_else(|| format!("the built page has no tag starting {start}"))?;
        let to = from + html[from..].find('>').ok_or_else(|| format!("the tag starting {start} does not end"))? + 1;
        html.replace_range(from..to, with);
        Ok(())
    }

    fn insert_after_tag_naming(html: &mut String, attribute: &str, text: &str) -> Result<(), String> {
        let at = html.find(attribute).ok_or_else(|| format!("the built page has no tag with {attribute}"))?;
        let end = at + html[at..].find('>').ok_or_else(|| format!("the tag with {attribute} does not end"))? + 1;
        html.insert_str(end, text);
        Ok(())
    }

    fn insert_before(html: &mut String, anchor: &str, text: &str) -> Result<(), String> {
        let at = html.find(anchor).ok_or_else(|| format!("the built page has no {anchor}"))?;
        html.insert_str(at, text);
        Ok(())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Trunk's minified output, as `trunk build --release` writes it.
        const BUILT: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>Old</title><meta content=\"Find out whether\" name=description><meta content=\"default-src 'none'\" http-equiv=Content-Security-Policy><link href=./main-1.css integrity=sha384-x rel=stylesheet><script data-js=./a.js data-wasm=./a_bg.wasm src=./start.js type=module></script><link crossorigin href=./a.js integrity=sha384-y rel=modulepreload><link as=fetch crossorigin href=./a_bg.wasm integrity=sha384-z rel=preload type=application/wasm></head><body><header>old</header></body></html>";

        #[test]
        fn the_english_page_keeps_its_assets_and_gains_the_questions() {
            let html = page_for(BUILT, Language::En, page_path(Language::En), |other| path_between(Language::En, other)).unwrap();
            assert!(html.starts_with("<!doctype html><html lang=\"en\"><meta charset=utf-8><title>Push notifications for Lync Server 2013"));
            assert!(html.contains("href=./main-1.css") && html.contains("src=./start.js"));
            assert!(html.contains("<link rel=\"alternate\" data-lang=\"zh-TW\" href=\"zh-TW/index.html\">"));
            let at = |text: &str| html.find(text).unwrap_or_else(|| panic!("no {text}"));
            let order = [at("http-equiv=Content-Security-Policy"), at("href=./main-1.css"), at("<script src=\"./lang.js\"></script>"), at("src=./start.js"), at("<body>")];
            assert!(order.is_sorted(), "the policy governs both scripts; the stylesheet is asked for before the redirect blocks the parser; the redirect runs before the start-up module and the body: {order:?}");
            assert!(html.contains("id=\"question-heading\"") && !html.contains("<header>old</header>"));
            assert!(!html.contains("preload"), "nothing fetched ahead of the first paint but what it needs");
        }

        /// Trunk's page outside a release build: not minified, every attribute quoted.
        #[test]
        fn a_page_that_is_not_minified_gets_the_same_head() {
            let built = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Old</title><meta name=\"description\" content=\"Find out whether\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-x\"/><script type=\"module\" src=\"./start.js\" data-js=\"./a.js\" data-wasm=\"./a_bg.wasm\"></script><link rel=\"modulepreload\" href=\"./a.js\"></head><body><header>old</header></body></html>";
            let html = page_for(built, Language::En, page_path(Language::En), |other| path_between(Language::En, other)).unwrap();
            let at = |text: &str| html.find(text).unwrap_or_else(|| panic!("no {text}"));
            let order = [at("Content-Security-Policy"), at("href=\"./main-1.css\""), at("<script src=\"./lang.js\"></script>"), at("src=\"./start.js\""), at("<body>")];
            assert!(order.is_sorted(), "{order:?}");
            assert!(!html.contains("modulepreload") && html.contains("id=\"question-heading\""));
        }

        #[test]
        fn the_chinese_page_reaches_the_assets_one_level_up() {
            let html = page_for(BUILT, Language::ZhTw, page_path(Language::ZhTw), |other| path_between(Language::ZhTw, other)).unwrap();
            assert!(html.starts_with("<!doctype html><html lang=\"zh-TW\">"));
            assert!(html.contains("href=../main-1.css") && html.contains("src=../start.js") && html.contains("data-wasm=../a_bg.wasm"));
            assert!(html.contains("<script src=\"../lang.js\"></script>") && html.contains("href=\"../noscript.css\""));
            assert!(html.contains("data-lang=\"en\" href=\"../index.html\""));
            assert!(html.contains("../lync-push-wizard.zh-TW.html"), "from disk, it names the single file beside the site");
            assert!(!html.contains("=./"), "no asset is looked for in zh-TW/");
        }

        #[test]
        fn scripts_lose_their_comment_lines_and_nothing_else() {
            let source = "// Why.\nconst a = \"//x\"; // kept: not a whole line\n\n  if (a) {\n    // note\n    go(a);\n  }\n";
            assert_eq!(without_comments(source), "const a = \"//x\"; // kept: not a whole line\nif (a) {\ngo(a);\n}\n");
        }

        #[test]
        fn a_page_it_does_not_recognise_is_an_error_not_a_guess() {
            let error = page_for("<html><body></body></html>", Language::En, "index.html", |_| String::new()).unwrap_err();
            assert!(error.contains("<title>"), "{error}");
        }
    }
}
