//! The built site as one self-contained HTML file, for opening from disk (`file://`) on hosts
//! without a web server. Chromium refuses module scripts from `file://` (origin `null`) and the
//! stylesheet's `integrity` check fails there, so the single file fetches nothing: its style,
//! scripts, wasm and favicon are all in the page, and its Content-Security-Policy allows exactly
//! those inline texts by SHA-256 hash (never `'unsafe-inline'`).
//!
//! Native only, a build step: `tags` reads and rewrites the page's tags, `glue` makes the
//! wasm-bindgen glue the start-up module, and `policy` writes the policy with its hashes.

mod glue;
mod policy;
mod tags;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use glue::start_module;
use policy::{sha256_source, single_file_policy};
use tags::{apply, element_end, escape_attr, kept_attrs, rewrite_tag, tokenize, Edit, Token};

/// The page `index_html` (a finished page of the built site, whose assets are relative URLs like
/// `./main-<hash>.css`) as one self-contained file: the stylesheet as a `<style>`, the start-up
/// module script replaced by one inline module holding the wasm-bindgen glue and the wasm in
/// base64, other classic scripts inlined in place, the favicon (and any `<img>`) as `data:` URLs,
/// preloads dropped, and the Content-Security-Policy rewritten to allow exactly these inline
/// texts by hash. `read_asset` gets each URL as written in the page and returns the file's bytes.
/// The page's `data-testid="from-disk"` notice (telling a reader to open this very file) is
/// dropped. Errors name what is missing or cannot be inlined.
pub fn inline_page(index_html: &str, read_asset: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<String, String> {
    let tokens = tokenize(index_html)?;
    let mut edits: Vec<Edit> = Vec::new();
    let mut script_hashes: Vec<String> = Vec::new();
    let mut style_hashes: Vec<String> = Vec::new();
    let mut csp: Option<(&Token, String)> = None; // the meta element and its policy
    let mut stylesheets = 0;
    let mut start_scripts = 0;

    let read = |what: &str, url: &str| -> Result<Vec<u8>, String> {
        if is_external(url) {
            return Err(format!("{what} {url} is not a file of the site: a single file cannot fetch it"));
        }
        read_asset(url).ok_or_else(|| format!("{what} {url} could not be read"))
    };
    let read_text = |what: &str, url: &str| -> Result<String, String> {
        let bytes = read(what, url)?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{what} {url} is not UTF-8"))?;
        // The HTML parser turns CR LF and CR into LF before a script's text is hashed.
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    };

    let mut skip_until: Option<usize> = None; // inside the dropped from-disk notice
    for (index, token) in tokens.iter().enumerate() {
        if let Some(end) = skip_until {
            if token.start < end {
                continue;
            }
            skip_until = None;
        }
        if token.end_tag {
            continue;
        }
        if token.attr("data-testid") == Some("from-disk") {
            let end = element_end(&tokens, index);
            edits.push(Edit { start: token.start, end, text: String::new() });
            skip_until = Some(end);
            continue;
        }
        match token.name.as_str() {
            "meta" if token.attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) => {
                let policy = token.attr("content").ok_or("the Content-Security-Policy <meta> has no content")?;
                if csp.is_some() {
                    return Err("the page has two Content-Security-Policy <meta> elements".into());
                }
                csp = Some((token, policy.to_string()));
            }
            "link" => {
                let rels = token.attr("rel").unwrap_or("").to_ascii_lowercase();
                let rels: Vec<&str> = rels.split_ascii_whitespace().collect();
                let href = token.attr("href");
                if rels.contains(&"stylesheet") {
                    let href = href.ok_or("a stylesheet <link> has no href")?;
                    let css = read_text("the stylesheet", href)?;
                    raw_text_fits("style", href, &css)?;
                    style_hashes.push(sha256_source(&css));
                    let media = token.attr("media").map(|m| format!(" media=\"{}\"", escape_attr(m))).unwrap_or_default();
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<style{media}>{css}</style>") });
                    stylesheets += 1;
                } else if rels.iter().any(|r| matches!(*r, "preload" | "modulepreload" | "prefetch" | "preconnect" | "dns-prefetch")) {
                    edits.push(Edit { start: token.start, end: token.end, text: String::new() });
                } else if rels.iter().any(|r| r.contains("icon")) {
                    let href = href.ok_or("an icon <link> has no href")?;
                    if !href.starts_with("data:") {
                        let url = data_url(href, &read("the icon", href)?)?;
                        edits.push(Edit { start: token.start, end: token.end, text: rewrite_tag(token, "href", &url) });
                    }
                } else if rels.contains(&"manifest") {
                    return Err(format!("the page links a manifest ({}): a single file cannot carry it", href.unwrap_or("no href")));
                }
            }
            "script" => {
                let (content_start, content_end) = token.raw.expect("script is raw text");
                let src = token.attr("src");
                let module = token.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("module"));
                if let (Some(js), Some(wasm)) = (token.attr("data-js"), token.attr("data-wasm")) {
                    let glue = read_text("the wasm-bindgen glue", js)?;
                    let wasm = read("the wasm", wasm)?;
                    let text = start_module(&glue, js, &wasm)?;
                    raw_text_fits("script", js, &text)?;
                    script_hashes.push(sha256_source(&text));
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<script type=\"module\">{text}</script>") });
                    start_scripts += 1;
                } else if let Some(src) = src {
                    if module {
                        return Err(format!("the module script {src} is not the start-up script (no data-js and data-wasm): it cannot be inlined"));
                    }
                    if token.attr("defer").is_some() {
                        return Err(format!("the script {src} is deferred: inline, it would run at once; load it without defer"));
                    }
                    if !index_html[content_start..content_end].trim().is_empty() {
                        return Err(format!("the script {src} has both a src and text"));
                    }
                    let text = read_text("the script", src)?;
                    raw_text_fits("script", src, &text)?;
                    script_hashes.push(sha256_source(&text));
                    let kept = kept_attrs(token, &["src", "integrity", "crossorigin", "async", "defer", "nonce"]);
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<script{kept}>{text}</script>") });
                }
            }
            "img" => {
                if let Some(src) = token.attr("src").filter(|s| !s.starts_with("data:")) {
                    let url = data_url(src, &read("the image", src)?)?;
                    edits.push(Edit { start: token.start, end: token.end, text: rewrite_tag(token, "src", &url) });
                }
            }
            "iframe" | "embed" | "source" | "video" | "audio" | "track" | "input" | "object" => {
                if let Some(src) = token.attr("src").or_else(|| token.attr("data")).filter(|s| !s.starts_with("data:")) {
                    return Err(format!("<{} src=\"{src}\"> cannot be inlined", token.name));
                }
            }
            _ => {}
        }
    }

    if stylesheets == 0 {
        return Err("no stylesheet <link rel=stylesheet href=…> found".into());
    }
    match start_scripts {
        0 => return Err("no start-up <script type=module data-js=… data-wasm=…> found".into()),
        1 => {}
        n => return Err(format!("{n} start-up scripts (data-js and data-wasm) found; expected one")),
    }
    let (meta, policy) = csp.ok_or("no Content-Security-Policy <meta http-equiv> found")?;
    let policy = single_file_policy(&policy, &script_hashes, &style_hashes);
    let attrs: String = meta
        .attrs
        .iter()
        .map(|(name, value)| {
            let value = if name == "content" { &policy } else { value };
            format!(" {name}=\"{}\"", escape_attr(value))
        })
        .collect();
    edits.push(Edit { start: meta.start, end: meta.end, text: format!("<meta{attrs}>") });

    Ok(apply(index_html, edits))
}

/// Raw text ends at the first `</script` (or `</style`), and `<!--` can change how a script's
/// text is read: refuse such text rather than hash something the browser reads differently.
fn raw_text_fits(element: &str, url: &str, text: &str) -> Result<(), String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(&format!("</{element}")) || (element == "script" && lower.contains("<!--")) || text.contains('\0') {
        return Err(format!("{url} contains `</{element}`, `<!--` or NUL: it cannot be inlined as a <{element}> element"));
    }
    Ok(())
}

fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("//") || lower.split_once(':').is_some_and(|(scheme, _)| !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
}

fn data_url(url: &str, bytes: &[u8]) -> Result<String, String> {
    let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
    let mime = match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => return Err(format!("{url}: no known image type for a data: URL")),
    };
    Ok(format!("data:{mime};base64,{}", STANDARD.encode(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nfunction __wbg_finalize_init(instance, module) { wasm = instance.exports; return wasm; }\n\
async function __wbg_init(module_or_path) {\n    if (module_or_path === undefined) { module_or_path = new URL('app_bg.wasm', import.meta.url); }\n    const { instance, module } = await __wbg_load(await module_or_path, imports);\n    return __wbg_finalize_init(instance, module);\n}\n\
function initSync(module) { }\n\nexport { initSync };\nexport default __wbg_init;\n";

    const PAGE: &str = r#"<!doctype html><html lang=en><head><meta charset=utf-8>
<meta http-equiv=Content-Security-Policy content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<link rel=icon href=./favicon-1a2b.svg integrity=sha384-abc>
<script src="./lang-77.js"></script>
<link rel=stylesheet href=./main-5b06c2aafc2d1637.css integrity=sha384-Zz crossorigin=anonymous>
<link rel=modulepreload href=./app-9f.js crossorigin=anonymous integrity=sha384-x>
<link rel=preload href=./app-9f_bg.wasm crossorigin=anonymous integrity=sha384-y as=fetch type=application/wasm>
<script type="module" src="./start.js" data-js="./app-9f.js" data-wasm="./app-9f_bg.wasm"></script>
</head><body><header class=masthead><h1>Wizard</h1></header>
<div data-testid="from-disk" class="from-disk"><p>Open <a href="./lync-push-wizard.html">lync-push-wizard.html</a> <b>instead</b>.</p></div>
<noscript>Needs JavaScript.</noscript></body></html>"#;

    fn assets(url: &str) -> Option<Vec<u8>> {
        Some(match url {
            "./favicon-1a2b.svg" => b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            "./lang-77.js" => b"document.documentElement.lang = navigator.language;\r\n".to_vec(),
            "./main-5b06c2aafc2d1637.css" => b"body{margin:0}\n.masthead{color:#123}".to_vec(),
            "./app-9f.js" => GLUE.as_bytes().to_vec(),
            "./app-9f_bg.wasm" => b"\0asm\x01\0\0\0".to_vec(),
            _ => return None,
        })
    }

    /// The inline `<script>` and `<style>` texts of a page, read back by the same reader.
    fn inline_texts(page: &str, element: &str) -> Vec<String> {
        tokenize(page)
            .unwrap()
            .iter()
            .filter(|t| t.name == element && !t.end_tag)
            .map(|t| {
                let (start, end) = t.raw.unwrap();
                page[start..end].to_string()
            })
            .collect()
    }

    fn directive<'a>(policy: &'a str, name: &str) -> Vec<&'a str> {
        let found = policy.split(';').map(str::trim).find(|d| d.split_ascii_whitespace().next() == Some(name));
        found.unwrap_or_else(|| panic!("no {name} in {policy}")).split_ascii_whitespace().skip(1).collect()
    }

    fn policy_of(page: &str) -> String {
        let tokens = tokenize(page).unwrap();
        let meta = tokens.iter().find(|t| t.attr("http-equiv") == Some("Content-Security-Policy")).expect("a CSP meta");
        meta.attr("content").unwrap().to_string()
    }

    #[test]
    fn the_policy_lists_exactly_the_hashes_of_the_inline_texts() {
        let page = inline_page(PAGE, &assets).unwrap();
        let policy = policy_of(&page);
        let scripts = inline_texts(&page, "script");
        let styles = inline_texts(&page, "style");
        assert_eq!(scripts.len(), 2, "lang.js and the start-up module");
        assert_eq!(styles.len(), 1);
        let mut expected: Vec<String> = scripts.iter().map(|s| sha256_source(s)).collect();
        expected.push("'wasm-unsafe-eval'".into());
        assert_eq!(directive(&policy, "script-src"), expected, "{policy}");
        assert_eq!(directive(&policy, "style-src"), vec![sha256_source(&styles[0])]);
        assert_eq!(directive(&policy, "img-src"), vec!["data:"]);
        assert_eq!(directive(&policy, "default-src"), vec!["'none'"]);
        assert_eq!(directive(&policy, "connect-src"), vec!["'none'"], "nothing to fetch");
        assert_eq!(directive(&policy, "base-uri"), vec!["'none'"]);
        assert_eq!(directive(&policy, "form-action"), vec!["'none'"]);
        assert!(!policy.contains("'self'") && !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
        // CR LF became LF, as the HTML parser reads it before hashing, and the hash is the one a
        // browser computes for that text (`printf '%s\n' … | openssl dgst -sha256 -binary | base64`).
        assert_eq!(scripts[0], "document.documentElement.lang = navigator.language;\n");
        assert_eq!(expected[0], "'sha256-dHKcHUm3MgnMT5W5a/XVhIwLwAyZyirxDdHcJ96jcdo='");
    }

    #[test]
    fn the_start_up_module_runs_the_glue_inline_with_the_wasm_bytes() {
        let page = inline_page(PAGE, &assets).unwrap();
        let scripts = inline_texts(&page, "script");
        let module = &scripts[1];
        assert!(page.contains("<script type=\"module\">let wasm;"), "one inline module in place of start.js");
        assert!(!module.contains("export "), "no export statements left: {module}");
        assert!(module.contains("async function __wbg_init(module_or_path)"));
        assert!(module.contains("function initSync(module)"));
        assert!(module.contains("atob(\"AGFzbQEAAAA=\")"), "the wasm bytes in base64: {module}");
        assert!(module.trim_end().ends_with("await __wbg_init({ module_or_path: bytes });\n}"), "{module}");
        // The classic script stays where it was, before the stylesheet.
        assert!(page.find("navigator.language").unwrap() < page.find("<style>").unwrap());
    }

    #[test]
    fn no_relative_asset_url_remains() {
        let page = inline_page(PAGE, &assets).unwrap();
        for token in tokenize(&page).unwrap() {
            for (name, value) in &token.attrs {
                if name == "src" || (name == "href" && token.name != "a") {
                    assert!(value.starts_with("data:"), "<{} {name}={value}> is left", token.name);
                }
                assert!(!matches!(name.as_str(), "integrity" | "data-js" | "data-wasm"), "<{} {name}> is left", token.name);
            }
        }
        for file in ["main-5b06c2aafc2d1637.css", "app-9f.js\"", "app-9f_bg.wasm\"", "start.js", "favicon-1a2b.svg", "lang-77.js"] {
            assert!(!page.contains(file), "{file} is still named");
        }
        assert!(page.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy"), "{page}");
        assert!(!page.contains("from-disk") && !page.contains("instead"), "the notice to open this file is dropped");
        assert!(page.contains("<noscript>Needs JavaScript.</noscript>"), "the rest of the page is kept");
    }

    #[test]
    fn errors_name_what_is_missing() {
        let err = |page: &str, read: &dyn Fn(&str) -> Option<Vec<u8>>| inline_page(page, read).unwrap_err();
        let no_link = PAGE.replace("<link rel=stylesheet href=./main-5b06c2aafc2d1637.css integrity=sha384-Zz crossorigin=anonymous>", "");
        assert!(err(&no_link, &assets).contains("no stylesheet"), "{}", err(&no_link, &assets));
        let no_start = PAGE.replace(r#"<script type="module" src="./start.js" data-js="./app-9f.js" data-wasm="./app-9f_bg.wasm"></script>"#, "");
        assert!(err(&no_start, &assets).contains("no start-up <script"));
        let no_csp = PAGE.replace("http-equiv=Content-Security-Policy", "name=x");
        assert!(err(&no_csp, &assets).contains("no Content-Security-Policy"));
        let missing = |name: &'static str| move |url: &str| if url.contains(name) { None } else { assets(url) };
        assert!(err(PAGE, &missing("main-")).contains("the stylesheet ./main-5b06c2aafc2d1637.css could not be read"));
        assert!(err(PAGE, &missing("_bg.wasm")).contains("the wasm ./app-9f_bg.wasm could not be read"));
        assert!(err(PAGE, &missing("app-9f.js")).contains("the wasm-bindgen glue ./app-9f.js could not be read"));
        assert!(err(PAGE, &missing("lang-")).contains("the script ./lang-77.js could not be read"));
        assert!(err(PAGE, &missing("favicon")).contains("the icon ./favicon-1a2b.svg could not be read"));
        let no_default = |url: &str| if url == "./app-9f.js" { Some(GLUE.replace("export default __wbg_init;", "").into_bytes()) } else { assets(url) };
        assert!(err(PAGE, &no_default).contains("no default export"));
        let ends_script = |url: &str| if url == "./lang-77.js" { Some(b"x = '</script>'".to_vec()) } else { assets(url) };
        assert!(err(PAGE, &ends_script).contains("./lang-77.js contains `</script`"));
        let external = PAGE.replace("./lang-77.js", "https://cdn.example/lang.js");
        assert!(err(&external, &assets).contains("https://cdn.example/lang.js is not a file of the site"));
        let deferred = PAGE.replace(r#"<script src="./lang-77.js">"#, r#"<script defer src="./lang-77.js">"#);
        assert!(err(&deferred, &assets).contains("deferred"));
    }

    #[test]
    fn assets_are_asked_for_by_the_url_the_page_writes() {
        let page = PAGE.replace("href=./main-", "href=../main-");
        let asked = std::cell::RefCell::new(Vec::new());
        let read = |url: &str| {
            asked.borrow_mut().push(url.to_string());
            assets(&url.replacen("../", "./", 1))
        };
        inline_page(&page, &read).unwrap();
        assert_eq!(
            *asked.borrow(),
            ["./favicon-1a2b.svg", "./lang-77.js", "../main-5b06c2aafc2d1637.css", "./app-9f.js", "./app-9f_bg.wasm"],
            "in page order, as written"
        );
    }
}
