//! The page's markup, as `Html`: the result's parts, the choice lists, the notices, the script
//! cards' headers, the jump bar (and, in `page`, the page before the wasm arrives). One string
//! per part keeps the page small and fast: the browser parses it once instead of the app
//! building each node. Every text and attribute value passes through `escape`, and only these
//! modules can make an `Html`, so the page (which takes nothing else) is never given markup that
//! skipped it. `ui/` writes no markup of its own (`tests/hostile_html.rs` checks both).
//!
//! This module holds what every part shares: `Html`, `escape`, the writing helpers and `Action`,
//! the page's vocabulary of buttons. The parts are in `result` (what the answers lead to, drawn
//! again as they change) and `choices` (the questions' controls, written once and kept).

mod choices;
mod discovery;
mod result;

pub use self::choices::{checklist, client_choices, client_hint, edge_choices, pool_choices, yes_no, Checked};
pub use self::discovery::{outlook, outlook_stops, problem, reading};
pub use self::result::{jump_bar, notice, pending, plan_steps, problems, script_header, script_lines, tests, verdict};

use crate::core::vocabulary::vocabulary;

vocabulary! {
    /// What a button (or switch) on the page does: its `data-action`, which the one listener on
    /// its card reads back. Written and matched only as this type.
    pub enum Action {
        Copy => "copy",
        Download => "download",
        Print => "print",
        /// The script box's "Wrap long lines" switch.
        Wrap => "wrap",
        /// Back to the questions (on a phone, where they are above the result).
        Edit => "edit",
        /// The jump bar's links to the result's parts; the token is the part's id.
        ToPlan => "plan",
        ToScript => "script",
        ToTests => "tests",
        ToUndo => "undo",
        CopyLink => "copy-link",
        Reset => "reset",
        ResetConfirm => "reset-confirm",
        ResetCancel => "reset-cancel",
        /// A notice's offer to restore the answers a link or script replaced.
        BringBack => "bring-back",
        Dismiss => "dismiss",
        /// The verdict card's explicit choice to configure for the retired MPNS, and its undo.
        ConfigureMpns => "configure-mpns",
        LeaveMpnsOff => "leave-mpns-off",
        /// Forgets the pasted discovery block (the answers it filled stay).
        ForgetDiscovery => "forget-discovery",
    }
}

/// Markup made by the builders in `render`. The field is private: nothing outside them can
/// make one from a `String`, so whatever reaches the page through `Html` went through `escape`.
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Html(String);

impl Html {
    /// Only for this module's builders and `page`, which escape every value they write.
    pub(in crate::core::render) fn trusted(markup: String) -> Html {
        Html(markup)
    }

    /// Escaped text, as markup.
    pub fn text(text: &str) -> Html {
        Html(escape(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For the page's `inner_html`.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Reading markup as text is always safe; only making it is not.
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// Appends `<tag>escaped text</tag>`.
fn element(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_escaped(out, text);
    out.push_str(close);
}

/// Appends text that names cmdlets and parameters, escaped. A browser may break a line after
/// any hyphen, leaving `Test-` / `CsFederatedPartner` or `-` / `AccessEdgeFqdn`: each word with
/// a hyphen is kept whole (`.unbroken`), lines break at spaces, and a member access may break
/// after its dot (`(Get-CsMcxConfiguration).` / `PushNotificationProxyUri`) so it fits a phone.
///
/// Only a run of ASCII is a word here: Chinese text has no spaces, and a whole sentence kept on
/// one line would run off a phone's screen.
fn code_words(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    for piece in text.split_inclusive(|c: char| c == ' ' || c == '\n' || !c.is_ascii()) {
        let (word, after) = piece.split_at(piece.trim_end_matches(|c: char| c == ' ' || c == '\n' || !c.is_ascii()).len());
        for (index, part) in word.split_inclusive(").").enumerate() {
            if index > 0 {
                out.push_str("<wbr>");
            }
            if part.contains('-') {
                element(out, "<span class=\"unbroken\">", part, "</span>");
            } else {
                push_escaped(out, part);
            }
        }
        push_escaped(out, after);
    }
    out.push_str(close);
}

/// A button for one listener on its card or list: it names its `action` in `data-action`, which
/// the page reads back from the click.
fn action_button(out: &mut String, class: &str, action: Action, test_id: &str, text: &str) {
    out.push_str("<button type=\"button\" class=\"");
    out.push_str(class);
    out.push_str("\" data-action=\"");
    out.push_str(action.token());
    element(out, "\" data-testid=\"", test_id, "");
    element(out, "\">", text, "</button>");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One start tag of some markup: its name, its attributes (name, value; `None` for a bare
    /// one such as `checked`) and the text up to the next tag. Enough to query these modules'
    /// own markup by what it says rather than by how its attributes happen to be ordered.
    #[derive(Debug)]
    pub(super) struct Tag {
        pub(super) name: String,
        attributes: Vec<(String, Option<String>)>,
        pub(super) text: String,
    }

    impl Tag {
        pub(super) fn get(&self, name: &str) -> Option<&str> {
            self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
        }
    }

    pub(super) fn tags(markup: &str) -> Vec<Tag> {
        let mut out = Vec::new();
        for piece in markup.split('<').skip(1).filter(|piece| !piece.starts_with('/')) {
            let (inside, text) = piece.split_once('>').unwrap_or((piece, ""));
            let name: String = inside.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let mut attributes = Vec::new();
            let mut rest = inside[name.len()..].trim_start();
            while !rest.is_empty() {
                let key: String = rest.chars().take_while(|c| *c != '=' && *c != ' ').collect();
                rest = &rest[key.len()..];
                if let Some(quoted) = rest.strip_prefix("=\"") {
                    let end = quoted.find('"').expect("a closed attribute value");
                    attributes.push((key, Some(quoted[..end].to_string())));
                    rest = quoted[end + 1..].trim_start();
                } else {
                    attributes.push((key, None));
                    rest = rest.trim_start();
                }
            }
            out.push(Tag { name, attributes, text: text.to_string() });
        }
        out
    }

    /// The tags named `name` whose attribute `key` is `value`.
    pub(super) fn find<'a>(tags: &'a [Tag], name: &str, key: &str, value: &str) -> Vec<&'a Tag> {
        tags.iter().filter(|tag| tag.name == name && tag.get(key) == Some(value)).collect()
    }

    #[test]
    fn action_buttons_name_their_action_and_escape_their_text() {
        let mut out = String::new();
        action_button(&mut out, "secondary", Action::Copy, "copy-script", "Copy <all>");
        let button = &tags(&out)[0];
        assert_eq!((button.name.as_str(), button.get("type"), button.get("class")), ("button", Some("button"), Some("secondary")));
        assert_eq!((button.get("data-action"), button.get("data-testid")), (Some("copy"), Some("copy-script")));
        assert_eq!(button.text, "Copy &lt;all&gt;");
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(escape("<a href=\"x\">O'Brien & co</a>"), "&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;");
    }

    #[test]
    fn code_words_keep_only_the_ascii_word_whole_in_chinese_text() {
        let mut out = String::new();
        code_words(&mut out, "", "執行Unblock-File -Path .\\a.ps1（PowerShell 3.0）。", "");
        assert_eq!(out, "執行<span class=\"unbroken\">Unblock-File</span> <span class=\"unbroken\">-Path</span> .\\a.ps1（PowerShell 3.0）。");
    }

    #[test]
    fn code_words_keep_hyphenated_words_whole_and_break_after_a_member_dot() {
        let mut out = String::new();
        code_words(&mut out, "<p>", "run Test-CsMcxPushNotification -AccessEdgeFqdn 'a&b'\nthen (Get-CsMcxConfiguration).PushNotificationProxyUri.", "</p>");
        assert_eq!(
            out,
            "<p>run <span class=\"unbroken\">Test-CsMcxPushNotification</span> <span class=\"unbroken\">-AccessEdgeFqdn</span> &#39;a&amp;b&#39;\nthen <span class=\"unbroken\">(Get-CsMcxConfiguration).</span><wbr>PushNotificationProxyUri.</p>"
        );
    }
}
