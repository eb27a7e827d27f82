//! index.html is the template Trunk builds from: its body is written after the build by the
//! pre-render step (the core's markup, in each language), and it starts the wizard from a file so
//! its Content-Security-Policy can refuse every inline script.
#![cfg(not(target_arch = "wasm32"))]

use lync_push_wizard::core::i18n::PAGE_EN;

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

#[test]
fn the_body_is_left_to_the_pre_render_which_trunk_runs_after_every_build() {
    let html = index_html();
    let body = html.split("<body>").nth(1).and_then(|rest| rest.split("</body>").next()).expect("a body");
    assert!(!body.contains('<') || body.trim_start().starts_with("<!--") && body.trim_end().ends_with("-->"), "only a comment: no hand-copied markup");
    assert!(html.contains(&format!("<title>{}</title>", PAGE_EN.document_title)), "the title before the pre-render replaces it");
    let trunk = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Trunk.toml")).unwrap();
    let hook = trunk.split("[[hooks]]").nth(1).expect("a Trunk hook");
    assert!(hook.contains("stage = \"post_build\"") && hook.contains("\"--bin\", \"prerender\""), "{hook}");
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
