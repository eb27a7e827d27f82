//! Share links: the answers in a URL fragment, in the same tokens as the CLI, e.g.
//! `edge=lync2013&clients=wp-lync2013,ios-lync2010&access-edge=accessproxy.contoso.com`.
//! Reading one never fails: unknown keys are ignored, bad values come back as field errors.

use super::answers::{Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use super::i18n::{Language, EN};
use super::validate::{Field, FieldError, Problem};

pub const KEY_EDGE: &str = "edge";
/// The pool's version; absent means what earlier links meant (`answers::shell_of`).
pub const KEY_POOL: &str = "pool";
pub const KEY_CLIENTS: &str = "clients";
pub const KEY_ACCESS_EDGE: &str = "access-edge";
pub const KEY_EXISTING_PROVIDER: &str = "existing-provider";
pub const KEY_SITE: &str = "site";
pub const KEY_LANG: &str = "lang";
/// The choices beyond Microsoft's pages, present (`=yes`) only when chosen.
pub const KEY_APNS_FOR_SFB_IOS: &str = "apns-for-sfb-ios";
pub const KEY_CONFIGURE_RETIRED_MPNS: &str = "configure-retired-mpns";
const CHOSEN: &str = "yes";

/// Longest fragment read; anything longer is not a link a person shared.
pub const MAX_FRAGMENT_LEN: usize = 4096;

pub fn to_fragment(answers: &Answers) -> String {
    let mut parts = Vec::new();
    if let Some(edge) = answers.edge {
        parts.push(format!("{KEY_EDGE}={}", edge.token()));
    }
    if let Some(pool) = answers.pool {
        parts.push(format!("{KEY_POOL}={}", pool.token()));
    }
    if !answers.clients.is_empty() {
        let clients: Vec<&str> = answers.clients.iter().map(|c| c.token()).collect();
        parts.push(format!("{KEY_CLIENTS}={}", clients.join(",")));
    }
    if !answers.access_edge.trim().is_empty() {
        parts.push(format!("{KEY_ACCESS_EDGE}={}", encode(answers.access_edge.trim())));
    }
    if answers.provider_exists {
        parts.push(format!("{KEY_EXISTING_PROVIDER}={}", encode(answers.provider_identity.trim())));
    }
    match answers.scope {
        ScopeKind::Global => {}
        ScopeKind::Site => parts.push(format!("{KEY_SITE}={}", encode(answers.site.trim()))),
    }
    if answers.apns_for_sfb_ios {
        parts.push(format!("{KEY_APNS_FOR_SFB_IOS}={CHOSEN}"));
    }
    if answers.configure_retired_mpns {
        parts.push(format!("{KEY_CONFIGURE_RETIRED_MPNS}={CHOSEN}"));
    }
    parts.join("&")
}

/// A page link's fragment: the answers and the reader's language (`lang=zh-TW`).
pub fn link_fragment(answers: &Answers, lang: Language) -> String {
    let answers = to_fragment(answers);
    let separator = if answers.is_empty() { "" } else { "&" };
    format!("{answers}{separator}{KEY_LANG}={}", lang.token())
}

/// A fragment that only chooses the language, as the links between the language pages carry.
pub fn lang_fragment(lang: Language) -> String {
    format!("{KEY_LANG}={}", lang.token())
}

/// Whether a fragment carries any answer, not only the language: a page opened with only
/// `lang=` keeps the answers this browser has. `src/lang.js` restates this rule, as it runs
/// before the wasm exists.
pub fn carries_answers(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').any(|pair| !pair.is_empty() && pair.split('=').next() != Some(KEY_LANG))
}

/// The language a fragment asks for, if it names one we have.
pub fn lang_from_fragment(fragment: &str) -> Option<Language> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(|token| Language::from_token(&decode(token)))
}

/// Answers from a fragment (with or without the leading `#`), and what was wrong in it.
pub fn from_fragment(fragment: &str) -> (Answers, Vec<FieldError>) {
    let mut answers = Answers::default();
    let mut errors = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_LEN {
        errors.push(FieldError::new(Field::Edge, Problem::TooLong { max: MAX_FRAGMENT_LEN, actual: fragment.len() }));
        return (answers, errors);
    }
    for pair in fragment.split('&').filter(|pair| !pair.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw);
        match key {
            KEY_EDGE => match EdgeServer::from_token(&value) {
                Some(edge) => answers.edge = Some(edge),
                None => errors.push(FieldError::new(Field::Edge, Problem::UnknownToken { token: value })),
            },
            KEY_POOL => match PoolVersion::from_token(&value) {
                Some(pool) => answers.pool = Some(pool),
                None => errors.push(FieldError::new(Field::Pool, Problem::UnknownToken { token: value })),
            },
            KEY_CLIENTS => {
                for token in value.split(',').filter(|token| !token.is_empty()) {
                    match MobileClient::from_token(token) {
                        Some(client) => answers.set_client(client, true),
                        None => errors.push(FieldError::new(
                            Field::Clients,
                            Problem::UnknownToken { token: token.to_string() },
                        )),
                    }
                }
            }
            KEY_ACCESS_EDGE => answers.access_edge = value,
            KEY_EXISTING_PROVIDER => {
                answers.provider_exists = true;
                answers.provider_identity = value;
            }
            KEY_SITE => {
                answers.scope = ScopeKind::Site;
                answers.site = value;
            }
            // Anything but `yes` leaves the choice off: a choice is never made by accident.
            KEY_APNS_FOR_SFB_IOS => answers.apns_for_sfb_ios = value == CHOSEN,
            KEY_CONFIGURE_RETIRED_MPNS => answers.configure_retired_mpns = value == CHOSEN,
            KEY_LANG => {} // Not an answer: see lang_from_fragment.
            _ => {} // Unknown keys are ignored, so links from newer versions still open.
        }
    }
    (answers, errors)
}

/// The names in a link that are not answers this wizard asks for (in their order, each once,
/// at most 40 characters), so the page can say they were left out rather than read a link with
/// `provider=` for `existing-provider=` silently as "no existing provider".
pub fn unknown_keys(fragment: &str) -> Vec<String> {
    const KNOWN: [&str; 9] = [
        KEY_EDGE,
        KEY_POOL,
        KEY_CLIENTS,
        KEY_ACCESS_EDGE,
        KEY_EXISTING_PROVIDER,
        KEY_SITE,
        KEY_LANG,
        KEY_APNS_FOR_SFB_IOS,
        KEY_CONFIGURE_RETIRED_MPNS,
    ];
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut unknown: Vec<String> = Vec::new();
    for pair in fragment.split('&').filter(|pair| !pair.is_empty()).take(64) {
        let key: String = decode(pair.split_once('=').map_or(pair, |(key, _)| key)).chars().take(40).collect();
        if !KNOWN.contains(&key.as_str()) && !unknown.contains(&key) {
            unknown.push(key);
        }
    }
    unknown
}

/// Longest script text read back; a generated script is a few kilobytes.
pub const MAX_SCRIPT_LEN: usize = 512 * 1024;

/// Answers from a script this wizard generated (configuration or rollback, pasted or dropped):
/// the share link in its comment header. `None` when the text carries no such link.
pub fn from_script(script: &str) -> Option<(Answers, Vec<FieldError>)> {
    if script.len() > MAX_SCRIPT_LEN {
        return None;
    }
    script
        .lines()
        .map(|line| line.trim_start_matches('\u{FEFF}').trim())
        .take_while(|line| line.starts_with('#') || line.is_empty())
        // Only a line that starts with the label: an answer such as a site name may contain the
        // words too, but always after its own label on another line.
        .find_map(|line| line.trim_start_matches('#').trim_start().strip_prefix(EN.label_share_link)?.strip_prefix(':'))
        .map(str::trim)
        .filter(|link| link.starts_with('#'))
        .map(from_fragment)
}

/// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reverses `encode`; a malformed escape is kept as typed, and invalid UTF-8 is replaced.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[index], bytes.get(index + 1).copied().and_then(hex), bytes.get(index + 2).copied().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                index += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                index += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_example_round_trips() {
        let link = "#edge=lync2013&clients=wp-lync2013,ios-lync2010&access-edge=accessproxy.contoso.com&existing-provider=Office365&site=Redmond";
        let (answers, errors) = from_fragment(link);
        assert!(errors.is_empty());
        assert_eq!(answers.edge, Some(EdgeServer::Lync2013));
        assert_eq!(answers.provider_identity, "Office365");
        assert_eq!(answers.site, "Redmond");
        assert_eq!(from_fragment(&to_fragment(&answers)).0, answers);
    }

    #[test]
    fn bad_values_become_field_errors_and_unknown_keys_are_ignored() {
        let (answers, errors) = from_fragment("edge=lync2015&clients=android,blackberry&theme=dark&site=North%20America");
        assert_eq!(answers.edge, None);
        assert_eq!(answers.clients.len(), 1);
        assert_eq!(answers.site, "North America");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Edge, Field::Clients]);
        assert_eq!(unknown_keys("#edge=lync2013&provider=Office365&theme=dark&provider=x&lang=en&site=a"), ["provider", "theme"]);
        assert!(unknown_keys("edge=lync2013&pool=sfb2019&clients=android&access-edge=a.b&existing-provider=P&site=S&lang=zh-TW").is_empty());
    }

    #[test]
    fn a_generated_script_gives_back_its_answers() {
        let link = "edge=ocs2007r2&clients=ios-lync2010&access-edge=a.contoso.com&site=North%20America";
        let (answers, _) = from_fragment(link);
        let plan = crate::core::plan(&answers).unwrap();
        for script in [crate::core::render::powershell::script(&plan), crate::core::render::rollback::rollback(&plan)] {
            let windows = format!("\u{FEFF}{}", script.replace('\n', "\r\n"));
            assert_eq!(from_script(&windows).map(|(a, _)| a), Some(answers.clone()));
        }
        assert!(from_script("Write-Host 'hello'\n# Share link: #edge=none").is_none(), "only the header counts");
        assert!(from_script("# no link here\n").is_none());
        // A site name may contain the label's words (found by the script_header fuzz target).
        let (mut named, _) = from_fragment("edge=lync2013&site=Share%20link");
        named.site = "Re Share link".into();
        let plan = crate::core::plan(&named).unwrap();
        assert_eq!(from_script(&crate::core::render::powershell::script(&plan)).map(|(a, _)| a), Some(named));
        // The longest link valid answers make still sits on one header line.
        let mut long = crate::core::answers::Answers { edge: Some(crate::core::answers::EdgeServer::Lync2013), ..Default::default() };
        for &client in crate::core::answers::MobileClient::ALL {
            long.set_client(client, true);
        }
        long.access_edge = format!("{}.{}.{}.com", "a".repeat(63), "b".repeat(63), "c".repeat(63));
        long.provider_exists = true;
        long.provider_identity = "P".repeat(64);
        long.scope = crate::core::answers::ScopeKind::Site;
        long.site = "S".repeat(64);
        let plan = crate::core::plan(&long).unwrap();
        assert_eq!(from_script(&crate::core::render::powershell::script(&plan)).map(|(a, _)| a), Some(long));
    }

    #[test]
    fn a_language_link_carries_no_answers() {
        assert_eq!(lang_fragment(Language::ZhTw), "lang=zh-TW");
        assert!(!carries_answers("#lang=zh-TW"));
        assert!(!carries_answers(""));
        assert!(carries_answers("#edge=none&lang=en"));
        assert!(carries_answers("lang=en&site=x"));
    }

    #[test]
    fn the_language_travels_in_the_link() {
        let (answers, _) = from_fragment("edge=none");
        let fragment = link_fragment(&answers, Language::ZhTw);
        assert_eq!(fragment, "edge=none&lang=zh-TW");
        assert_eq!(lang_from_fragment(&format!("#{fragment}")), Some(Language::ZhTw));
        assert_eq!(lang_from_fragment("edge=none&lang=klingon"), None);
        assert_eq!(from_fragment(&fragment).1, vec![], "lang is not an answer and not an error");
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%E2%80%99"), "\u{2019}");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
