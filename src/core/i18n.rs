//! Every sentence a person reads, in English and Traditional Chinese (zh-TW), in one place.
//! `{0}`, `{1}` mark values filled in by `fill`. Generated scripts always use English; cmdlet
//! names, parameters, identities and cmdlet output (`Result : Success`) stay as they are.
//!
//! The table itself is `table` (with the zh-TW glossary at its top), `page_table`,
//! `discovery_table` (what is said about a pasted discovery block) and `script_table` (the
//! discovery script's comments, the one script offered in both languages); this module
//! holds the languages, the one way a table is declared, and `fill`.

use super::vocabulary::vocabulary;

vocabulary! {
    /// The interface languages; tokens as in BCP 47 and the share link's `lang=`.
    pub enum Language {
        En => "en",
        ZhTw => "zh-TW",
    }
}

impl Language {
    /// The language for a browser language tag: any Chinese tag gets zh-TW, the only Chinese
    /// edition we have; everything else gets English.
    pub fn from_browser(tag: &str) -> Language {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Language::ZhTw
        } else {
            Language::En
        }
    }

    pub const fn strings(self) -> &'static Strings {
        match self {
            Language::En => &EN,
            Language::ZhTw => &ZH_TW,
        }
    }

    /// The page's own texts (`PageStrings`).
    pub const fn page_strings(self) -> &'static PageStrings {
        match self {
            Language::En => &PAGE_EN,
            Language::ZhTw => &PAGE_ZH_TW,
        }
    }

    /// What is said about a pasted discovery block (`DiscoveryStrings`).
    pub const fn discovery_strings(self) -> &'static DiscoveryStrings {
        match self {
            Language::En => &DISCOVERY_EN,
            Language::ZhTw => &DISCOVERY_ZH_TW,
        }
    }

    /// What is said about a run's pasted output (`ReportStrings`).
    pub const fn report_strings(self) -> &'static ReportStrings {
        match self {
            Language::En => &REPORT_EN,
            Language::ZhTw => &REPORT_ZH_TW,
        }
    }

    /// The discovery script's comments (`ScriptStrings`).
    pub const fn script_strings(self) -> &'static ScriptStrings {
        match self {
            Language::En => &SCRIPT_EN,
            Language::ZhTw => &SCRIPT_ZH_TW,
        }
    }

    /// The language's own name, for the switcher.
    pub const fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::ZhTw => "繁體中文",
        }
    }
}

/// Replaces `{0}` … `{9}` in a template with the values, in one pass: a value that itself
/// holds `{1}` (typed by the user) stays as typed.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c == '{' {
            let mut after = chars.clone();
            let digit = after.next().and_then(|d| d.to_digit(10));
            if let (Some(value), Some('}')) = (digit.and_then(|i| values.get(i as usize)), after.next()) {
                out.push_str(value);
                chars = after;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Declares a table once: every key must give both languages.
macro_rules! strings {
    ($name:ident, $en_table:ident, $zh_table:ident { $($key:ident: $en:literal, $zh:literal;)+ }) => {
        // In declaration order, as `from_text` reads them: a table of N texts is laid out as an
        // array of N, so building one from an array is a copy, not code for every field.
        #[repr(C)]
        pub struct $name { $(pub $key: &'static str,)+ }
        pub const $en_table: $name = $name { $($key: $en,)+ };
        pub const $zh_table: $name = $name { $($key: $zh,)+ };
        impl $name {
            /// Every key with its text, for the parity test.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)+]
            }

            /// The table as one text, each value followed by `TABLE_SEPARATOR`: how a page
            /// carries the language its wasm does not (`from_text`).
            pub fn to_text(&self) -> String {
                let mut text = String::new();
                $(
                    text.push_str(self.$key);
                    text.push($crate::core::i18n::TABLE_SEPARATOR);
                )+
                text
            }

            /// The table `to_text` wrote, its values borrowed from `text`; `None` unless the text
            /// has exactly this table's number of values.
            pub fn from_text(text: &'static str) -> Option<$name> {
                const COUNT: usize = [$(stringify!($key)),+].len();
                let mut values: Vec<&'static str> = text.split($crate::core::i18n::TABLE_SEPARATOR).collect();
                // The text ends with a separator: after the last value, nothing.
                if values.pop() != Some("") {
                    return None;
                }
                let [$($key),+]: [&'static str; COUNT] = values.try_into().ok()?;
                Some($name { $($key),+ })
            }
        }
    };
}

/// Ends each value of a table as text (`to_text`): the ASCII record separator, which no text of
/// ours holds (a test says so).
pub const TABLE_SEPARATOR: char = '\u{1E}';

mod discovery_table;
mod page_table;
mod report_table;
mod script_table;
mod table;

pub use discovery_table::{DiscoveryStrings, DISCOVERY_EN, DISCOVERY_ZH_TW};
pub use page_table::{PageStrings, PAGE_EN, PAGE_ZH_TW};
pub use report_table::{ReportStrings, REPORT_EN, REPORT_ZH_TW};
pub use script_table::{ScriptStrings, SCRIPT_EN, SCRIPT_ZH_TW};
pub use table::{Strings, EN, ZH_TW};

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = (0..10).map(|n| format!("{{{n}}}")).filter(|p| text.contains(p.as_str())).collect();
        found.sort();
        found
    }

    /// Both languages have the same keys (the macro makes that so), no empty value, and the same
    /// placeholders for every key, so no value is lost in translation.
    #[test]
    fn both_languages_have_every_key_filled_with_the_same_placeholders() {
        let english = [EN.entries(), PAGE_EN.entries(), DISCOVERY_EN.entries(), SCRIPT_EN.entries()].concat();
        let chinese = [ZH_TW.entries(), PAGE_ZH_TW.entries(), DISCOVERY_ZH_TW.entries(), SCRIPT_ZH_TW.entries()].concat();
        assert_eq!(english.len(), chinese.len());
        for ((key, en), (zh_key, zh)) in english.iter().zip(&chinese) {
            assert_eq!(key, zh_key);
            assert!(!en.trim().is_empty(), "{key}: empty English");
            assert!(!zh.trim().is_empty(), "{key}: empty zh-TW");
            assert_eq!(placeholders(en), placeholders(zh), "{key}: placeholders differ");
        }
        println!("i18n: {} keys in English and zh-TW", english.len());
    }

    /// A page carries the main table of the language its wasm does not (`render::page`): as
    /// text, and back, every value the same; a text cut short or with a value too many is none.
    #[test]
    fn a_table_survives_its_text() {
        let text: &'static str = Box::leak(ZH_TW.to_text().into_boxed_str());
        let back = Strings::from_text(text).expect("the whole table");
        assert_eq!(back.entries(), ZH_TW.entries());
        let all = [EN.entries(), ZH_TW.entries(), PAGE_EN.entries(), PAGE_ZH_TW.entries(), DISCOVERY_EN.entries(), DISCOVERY_ZH_TW.entries()].concat();
        assert!(all.iter().all(|(_, text)| !text.contains(TABLE_SEPARATOR)));
        let short: &'static str = Box::leak(text[..text.len() - 1].to_string().into_boxed_str());
        assert!(Strings::from_text(short).is_none());
        let long: &'static str = Box::leak(format!("{text}extra{TABLE_SEPARATOR}").into_boxed_str());
        assert!(Strings::from_text(long).is_none());
        assert!(Strings::from_text("").is_none());
    }

    #[test]
    fn browser_tags_pick_a_language() {
        assert_eq!(Language::from_browser("zh-TW"), Language::ZhTw);
        assert_eq!(Language::from_browser("zh-Hant-HK"), Language::ZhTw);
        assert_eq!(Language::from_browser("en-GB"), Language::En);
        assert_eq!(Language::from_browser("de"), Language::En);
        assert_eq!(fill("{0} of {1}", &["1", "5"]), "1 of 5");
        assert_eq!(fill("{0}, {1}", &["{1}", "x"]), "{1}, x", "a value is not filled in again");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {", "what is not a known value stays");
    }
}
