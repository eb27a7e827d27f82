#![cfg(not(target_arch = "wasm32"))]
//! Hostile text from a share link reaches the page only as text. A link's values that are not
//! valid answers come back in the messages the page shows (an unknown token, a bad character,
//! a label too long); the HTML built around them must have exactly the shape it has for a
//! harmless placeholder: the same tags, attributes and values, in the same order.

use lync_push_wizard::core::i18n::{fill, EN, ZH_TW};
use lync_push_wizard::core::render::html;
use lync_push_wizard::core::share::{from_fragment, unknown_keys};
use lync_push_wizard::core::{FieldError, Problem};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "<", ">", "\"", "'", "&", "&amp;", "&#60;", "<img src=x onerror=alert(1)>", "</li>", "</button>", "<!--", "-->",
    "<script>", "</script>", "=", " ", "/", "`", "a", "Z", "7", ".", "-", "é", "\u{0}", "\t", "javascript:",
];

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..24).prop_map(|pieces| pieces.concat())
}

/// Percent-encodes everything but unreserved characters, as a browser's address bar carries it.
fn encoded(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The same errors with every value that came from the link replaced by a placeholder.
fn with_placeholders(errors: &[FieldError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|error| {
            let problem = match &error.problem {
                Problem::UnknownToken { .. } => Problem::UnknownToken { token: "x".into() },
                Problem::FqdnLabelTooLong { .. } => Problem::FqdnLabelTooLong { label: "x".into() },
                Problem::FqdnHyphenAtEdge { .. } => Problem::FqdnHyphenAtEdge { label: "x".into() },
                Problem::BadCharacter { character } if character.is_control() || character.is_whitespace() => {
                    Problem::BadCharacter { character: *character }
                }
                Problem::BadCharacter { character: ':' | '/' } => error.problem.clone(),
                Problem::BadCharacter { .. } => Problem::BadCharacter { character: 'x' },
                other => other.clone(),
            };
            FieldError::new(error.field, problem)
        })
        .collect()
}

/// The markup's shape: every tag with its attributes (names and values), in order; text between
/// tags is left out. A `<` or `"` that escaped escaping adds a tag or changes an attribute.
fn shape(markup: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or(after.len());
        tags.push(after[..end].to_string());
        rest = &after[(end + 1).min(after.len())..];
    }
    tags
}

/// Text between tags holds no raw `<` or `>` and every `&` starts an entity.
fn text_is_escaped(markup: &str) -> bool {
    let text: String = {
        let mut out = String::new();
        let mut inside = false;
        for character in markup.chars() {
            match character {
                '<' => inside = true,
                '>' if inside => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        out
    };
    !text.contains('>')
        && text.match_indices('&').all(|(at, _)| {
            let entity = &text[at..];
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|known| entity.starts_with(known))
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn link_values_reach_the_problem_list_only_as_text(edge in hostile(), client in hostile(), fqdn in hostile(), identity in hostile(), site in hostile(), pool in hostile()) {
        let fragment = format!(
            "edge={}&pool={}&clients={}&access-edge={}&existing-provider={}&site={}",
            encoded(&edge), encoded(&pool), encoded(&client.replace(',', "")), encoded(&fqdn), encoded(&identity), encoded(&site)
        );
        let (_, errors) = from_fragment(&fragment);
        prop_assert!(!errors.is_empty(), "{fragment}");
        let placeholder = with_placeholders(&errors);
        for t in [&EN, &ZH_TW] {
            let hostile_markup = html::pending(t, &errors);
            prop_assert_eq!(shape(&hostile_markup), shape(&html::pending(t, &placeholder)), "{}", hostile_markup);
            prop_assert!(text_is_escaped(&hostile_markup), "{}", hostile_markup);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Names in a link that are not answers are listed back in a notice, as text.
    #[test]
    fn link_names_reach_the_notice_only_as_text(first in hostile(), second in hostile()) {
        let fragment = format!("{}=1&edge=none&{}=2", encoded(&first), encoded(&second));
        let ignored = unknown_keys(&fragment);
        prop_assume!(!ignored.is_empty());
        for t in [&EN, &ZH_TW] {
            let hostile_markup = html::notice(t, &fill(t.notice_link_ignored, &[&ignored.join(", ")]), false, true);
            let placeholder = html::notice(t, &fill(t.notice_link_ignored, &["x"]), false, true);
            prop_assert_eq!(shape(&hostile_markup), shape(&placeholder), "{}", hostile_markup);
            prop_assert!(text_is_escaped(&hostile_markup), "{}", hostile_markup);
        }
    }
}

/// The page's own code writes no markup: every tag it shows comes from `render` as `Html`, whose
/// builders escape. A string literal holding a tag in `src/ui/` would be markup written beside
/// them, where nothing checks its escaping.
#[test]
fn the_page_code_writes_no_markup_of_its_own() {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui")).unwrap().chain(std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src")).unwrap()) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "rs") || !(path.starts_with(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui")) || path.ends_with("ui.rs")) {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (number, line) in source.lines().enumerate() {
            let literals = line.split('"').skip(1).step_by(2);
            if literals.clone().any(|literal| literal.contains('<') && literal.split('<').skip(1).any(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'))) {
                found.push(format!("{}:{}: {line}", path.display(), number + 1));
            }
        }
    }
    assert!(found.is_empty(), "markup written in the page's code: {found:#?}");
}

#[test]
fn the_shape_check_sees_markup_that_escaped() {
    let escaped = "<li><button data-field=\"edge\">Edge</button>: Replace &quot;&lt;img&gt;&quot;</li>";
    let raw = "<li><button data-field=\"edge\">Edge</button>: Replace \"<img src=x onerror=alert(1)>\"</li>";
    assert_ne!(shape(escaped), shape(raw));
    assert!(text_is_escaped(escaped) && !text_is_escaped("a > b") && !text_is_escaped("a & b"));
}
