//! index.html shows the masthead before the wizard has loaded, and starts the wizard from a file
//! so its Content-Security-Policy can refuse every inline script.
#![cfg(not(target_arch = "wasm32"))]

use lync_push_wizard::core::i18n::EN;

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

#[test]
fn the_static_masthead_says_what_the_english_table_says() {
    let html = index_html();
    for (element, text) in
        [("<title>", EN.document_title), ("<p class=\"eyebrow\">", EN.page_eyebrow), ("<h1>", EN.page_title), ("<p class=\"lede\">", EN.page_lede)]
    {
        assert!(html.contains(&format!("{element}{text}</")), "index.html's {element} must read {text:?}");
    }
}

#[test]
fn no_script_is_inline_and_the_policy_forbids_them() {
    let html = index_html();
    assert!(!html.contains("<script"), "Trunk.toml's pattern_script adds the one script, from a file");
    let policy = html.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).and_then(|rest| rest.split('"').next());
    let policy = policy.expect("a Content-Security-Policy meta tag");
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"), "{policy}");
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
    let trunk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Trunk.toml")).unwrap();
    assert!(trunk.contains("pattern_script = \"<script type=\\\"module\\\" src=\\\"{base}start.js\\\""), "the start-up script is a file");
}
