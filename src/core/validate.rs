//! Checks every text the administrator typed before it may reach a script. A problem always names
//! its field; nothing here panics, whatever the input.

use serde::Serialize;

use super::i18n::{fill, Strings};
use super::vocabulary::vocabulary;

vocabulary! {
    /// The answer fields, named as the CLI, the share link and the wizard name them.
    pub enum Field {
        Pool => "pool",
        Edge => "edge",
        Clients => "clients",
        AccessEdge => "access-edge",
        ProviderIdentity => "existing-provider",
        Site => "site",
    }
}

impl Field {
    /// The label a person sees next to the field.
    pub const fn label(self, t: &Strings) -> &'static str {
        match self {
            Field::Pool => t.field_pool,
            Field::Edge => t.field_edge,
            Field::Clients => t.field_clients,
            Field::AccessEdge => t.field_access_edge,
            Field::ProviderIdentity => t.field_provider,
            Field::Site => t.field_site,
        }
    }
}

/// Longest FQDN DNS allows (RFC 1035 §2.3.4, without the final dot).
pub const MAX_FQDN_LEN: usize = 253;
pub const MAX_LABEL_LEN: usize = 63;
/// A conservative bound for hosting-provider Identities and site names.
pub const MAX_NAME_LEN: usize = 64;

/// What is wrong with one answer.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    Missing,
    UnknownToken { token: String },
    TooLong { max: usize, actual: usize },
    FqdnSingleLabel,
    FqdnEmptyLabel,
    FqdnLabelTooLong { label: String },
    FqdnHyphenAtEdge { label: String },
    FqdnIpAddress,
    BadCharacter { character: char },
    NameBadStart,
    /// Answered, but the question is still open in the wizard (`plan::wizard_outcome`).
    NotConfirmed,
}

/// A problem and the field it belongs to; `message()` is what a person reads.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct FieldError {
    pub field: Field,
    #[serde(flatten)]
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        FieldError { field, problem }
    }

    pub fn message(&self, t: &Strings) -> String {
        format!("{}{}{}", self.field.label(t), t.colon, self.problem_text(t))
    }

    /// The message without the field label, for display right beside the field. Each says what
    /// to do, in a sentence that reads after the label without repeating it.
    pub fn problem_text(&self, t: &Strings) -> String {
        match &self.problem {
            Problem::Missing => match self.field {
                Field::Pool => t.problem_pool_missing.into(),
                Field::Edge => t.problem_edge_missing.into(),
                Field::Clients => t.problem_clients_missing.into(),
                Field::AccessEdge => t.problem_access_edge_missing.into(),
                Field::ProviderIdentity => t.problem_provider_missing.into(),
                Field::Site => t.problem_site_missing.into(),
            },
            Problem::UnknownToken { token } => {
                fill(t.problem_unknown, &[&shorten(token), &allowed_tokens(self.field).join(t.list_separator)])
            }
            Problem::TooLong { max, actual } => fill(t.problem_too_long, &[&actual.to_string(), &max.to_string()]),
            Problem::FqdnSingleLabel => t.problem_single_label.into(),
            Problem::FqdnEmptyLabel => t.problem_empty_label.into(),
            Problem::FqdnLabelTooLong { label } => {
                fill(t.problem_label_too_long, &[&shorten(label), &MAX_LABEL_LEN.to_string()])
            }
            Problem::FqdnHyphenAtEdge { label } => fill(t.problem_hyphen, &[&shorten(label)]),
            Problem::FqdnIpAddress => t.problem_ip.into(),
            Problem::BadCharacter { character } => {
                let host_name = match self.field {
                    Field::AccessEdge => true,
                    Field::Pool | Field::Edge | Field::Clients | Field::ProviderIdentity | Field::Site => false,
                };
                match *character {
                    c if c.is_control() || (c.is_whitespace() && c != ' ') => {
                        fill(t.problem_invisible, &[&format!("U+{:04X}", c as u32)])
                    }
                    ' ' if host_name => t.problem_space.into(),
                    // The first character a URL or a port adds to a host name.
                    ':' | '/' if host_name => t.problem_url.into(),
                    c => fill(if host_name { t.problem_char_fqdn } else { t.problem_char_name }, &[&c.to_string()]),
                }
            }
            Problem::NameBadStart => t.problem_edges.into(),
            Problem::NotConfirmed => t.problem_not_confirmed.into(),
        }
    }
}

fn allowed_tokens(field: Field) -> Vec<&'static str> {
    use super::answers::{EdgeServer, MobileClient, PoolVersion, ScopeKind};
    match field {
        Field::Pool => PoolVersion::ALL.iter().map(|p| p.token()).collect(),
        Field::Edge => EdgeServer::ALL.iter().map(|e| e.token()).collect(),
        Field::Clients => MobileClient::ALL.iter().map(|c| c.token()).collect(),
        Field::Site => ScopeKind::ALL.iter().map(|s| s.token()).collect(),
        Field::AccessEdge | Field::ProviderIdentity => Vec::new(),
    }
}

/// Keeps an echoed value short enough for a one-line message.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// A checked FQDN: only ASCII letters, digits, hyphens and dots can be inside.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(transparent)]
pub struct Fqdn(String);

impl Fqdn {
    pub fn parse(field: Field, raw: &str) -> Result<Fqdn, FieldError> {
        let error = |problem| FieldError::new(field, problem);
        let text = raw.trim();
        if text.is_empty() {
            return Err(error(Problem::Missing));
        }
        let length = text.chars().count();
        if length > MAX_FQDN_LEN {
            return Err(error(Problem::TooLong { max: MAX_FQDN_LEN, actual: length }));
        }
        if let Some(character) = text.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')) {
            return Err(error(Problem::BadCharacter { character }));
        }
        let labels: Vec<&str> = text.split('.').collect();
        if labels.iter().any(|label| label.is_empty()) {
            return Err(error(Problem::FqdnEmptyLabel));
        }
        if labels.len() < 2 {
            return Err(error(Problem::FqdnSingleLabel));
        }
        if let Some(label) = labels.iter().find(|label| label.len() > MAX_LABEL_LEN) {
            return Err(error(Problem::FqdnLabelTooLong { label: label.to_string() }));
        }
        if let Some(label) = labels.iter().find(|label| label.starts_with('-') || label.ends_with('-')) {
            return Err(error(Problem::FqdnHyphenAtEdge { label: label.to_string() }));
        }
        // No top-level domain is all digits, so such a name is an IPv4 address (or a typo of one).
        if labels.last().is_some_and(|label| label.bytes().all(|b| b.is_ascii_digit())) {
            return Err(error(Problem::FqdnIpAddress));
        }
        Ok(Fqdn(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A checked hosting-provider Identity or site name: ASCII letters, digits, inner spaces, `.-_`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(transparent)]
pub struct Name(String);

impl Name {
    pub fn parse(field: Field, raw: &str) -> Result<Name, FieldError> {
        let error = |problem| FieldError::new(field, problem);
        let text = raw.trim();
        if text.is_empty() {
            return Err(error(Problem::Missing));
        }
        let length = text.chars().count();
        if length > MAX_NAME_LEN {
            return Err(error(Problem::TooLong { max: MAX_NAME_LEN, actual: length }));
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_');
        if let Some(character) = text.chars().find(|c| !allowed(*c)) {
            return Err(error(Problem::BadCharacter { character }));
        }
        let edges_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !edges_ok(text.chars().next()) || !edges_ok(text.chars().last()) {
            return Err(error(Problem::NameBadStart));
        }
        Ok(Name(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fqdn(raw: &str) -> Result<String, Problem> {
        Fqdn::parse(Field::AccessEdge, raw).map(|f| f.0).map_err(|e| e.problem)
    }

    #[test]
    fn accepts_the_seed_example_and_trims_pasted_spaces() {
        assert_eq!(fqdn("accessproxy.contoso.com"), Ok("accessproxy.contoso.com".into()));
        assert_eq!(fqdn("  edge-01.corp.contoso.com \n"), Ok("edge-01.corp.contoso.com".into()));
    }

    #[test]
    fn rejects_malformed_fqdns_with_the_reason() {
        assert_eq!(fqdn(""), Err(Problem::Missing));
        assert_eq!(fqdn("accessproxy"), Err(Problem::FqdnSingleLabel));
        assert_eq!(fqdn("a..b"), Err(Problem::FqdnEmptyLabel));
        assert_eq!(fqdn("a.b."), Err(Problem::FqdnEmptyLabel));
        assert_eq!(fqdn("10.0.0.4"), Err(Problem::FqdnIpAddress));
        assert_eq!(fqdn("-edge.contoso.com"), Err(Problem::FqdnHyphenAtEdge { label: "-edge".into() }));
        assert_eq!(fqdn("edge_1.contoso.com"), Err(Problem::BadCharacter { character: '_' }));
        assert_eq!(fqdn("fe80::1"), Err(Problem::BadCharacter { character: ':' }));
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(matches!(fqdn(&long_label), Err(Problem::FqdnLabelTooLong { .. })));
        let long_name = format!("{}.com", ["abcdefghi"; 26].join("."));
        assert_eq!(fqdn(&long_name), Err(Problem::TooLong { max: 253, actual: 263 }));
    }

    /// RFC 1035's limits are the longest names DNS allows, so a name of exactly that length is
    /// valid: an Edge with the longest possible FQDN must not be turned away.
    #[test]
    fn the_longest_fqdn_dns_allows_is_accepted() {
        let longest = format!("{}.{}.{}.{}", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assert_eq!(longest.len(), MAX_FQDN_LEN);
        assert_eq!(fqdn(&longest), Ok(longest.clone()));
        assert_eq!(fqdn(&format!("{longest}d")), Err(Problem::TooLong { max: MAX_FQDN_LEN, actual: MAX_FQDN_LEN + 1 }));
    }

    #[test]
    fn names_allow_inner_spaces_but_no_quotes() {
        assert!(Name::parse(Field::Site, "North America").is_ok());
        assert_eq!(
            Name::parse(Field::Site, "Red'mond").unwrap_err().problem,
            Problem::BadCharacter { character: '\'' }
        );
        assert_eq!(Name::parse(Field::Site, "_x").unwrap_err().problem, Problem::NameBadStart);
    }

    #[test]
    fn every_message_names_its_field() {
        let error = FieldError::new(Field::AccessEdge, Problem::FqdnSingleLabel);
        assert!(error.message(&crate::core::i18n::EN).starts_with("Internal Access Edge FQDN: "));
        let error = FieldError::new(Field::Edge, Problem::UnknownToken { token: "lync2015".into() });
        assert_eq!(error.message(&crate::core::i18n::EN), "Edge Server: Replace \"lync2015\" with one of: lync2013, lync2010, ocs2007r2, none, sfb2015, sfb2019, sfbse.");
        assert_eq!(error.message(&crate::core::i18n::ZH_TW), "Edge Server：請將「lync2015」改為下列其中之一：lync2013、lync2010、ocs2007r2、none、sfb2015、sfb2019、sfbse。");
    }

    fn fqdn_says(raw: &str) -> String {
        Fqdn::parse(Field::AccessEdge, raw).unwrap_err().problem_text(&crate::core::i18n::EN)
    }

    /// Each message says what to do, not which rule was broken.
    #[test]
    fn messages_say_the_fix() {
        assert_eq!(fqdn_says("access proxy.contoso.com"), "Remove the space.");
        assert_eq!(fqdn_says("https://edge.contoso.com"), "Enter the host name only, without https://, a port or a path.");
        assert_eq!(fqdn_says("edge.contoso.com:5061"), "Enter the host name only, without https://, a port or a path.");
        assert_eq!(fqdn_says("accessproxy"), "Add the domain, e.g. accessproxy.contoso.com.");
        assert_eq!(fqdn_says("edge_1.contoso.com"), "Remove \"_\": a host name has only letters, digits, hyphens and dots.");
        assert_eq!(fqdn_says("edge\t1.contoso.com"), "Remove the invisible character U+0009.");
        let site = Name::parse(Field::Site, "Red'mond").unwrap_err();
        assert_eq!(site.problem_text(&crate::core::i18n::EN), "Remove \"'\": use only letters, digits, spaces, dots, hyphens and underscores.");
        assert_eq!(site.problem_text(&crate::core::i18n::ZH_TW), "請刪除「'」：只能使用字母、數字、空格、點、連字號與底線。");
    }

    /// A character that shows nothing cannot be found by looking, so it is named by its code
    /// point: a control character that is not white space (NUL), and white space that is not a
    /// control character (no-break space, which pasted text often carries).
    #[test]
    fn invisible_characters_are_named_by_code_point() {
        assert_eq!(fqdn_says("edge\u{0}1.contoso.com"), "Remove the invisible character U+0000.");
        assert_eq!(fqdn_says("edge\u{a0}1.contoso.com"), "Remove the invisible character U+00A0.");
    }

    /// A site or an Identity is not a host name: a slash or a colon in it is not a URL or a port,
    /// so the message lists the characters a name may have.
    #[test]
    fn a_slash_or_colon_in_a_name_is_not_taken_for_a_url() {
        let says = |field, raw| Name::parse(field, raw).unwrap_err().problem_text(&crate::core::i18n::EN);
        assert_eq!(says(Field::Site, "North/America"), "Remove \"/\": use only letters, digits, spaces, dots, hyphens and underscores.");
        assert_eq!(says(Field::ProviderIdentity, "Lync:Online"), "Remove \":\": use only letters, digits, spaces, dots, hyphens and underscores.");
    }

    /// Capitalised, a whole sentence, on one line, and not repeating the field's label (it stands
    /// beside the field, and before the message in a list), in both languages.
    #[test]
    fn messages_are_sentences_that_do_not_repeat_the_label() {
        use crate::core::i18n::{EN, ZH_TW};
        let long = "a".repeat(300);
        let errors = [
            FieldError::new(Field::Edge, Problem::Missing),
            FieldError::new(Field::Clients, Problem::Missing),
            FieldError::new(Field::AccessEdge, Problem::Missing),
            FieldError::new(Field::ProviderIdentity, Problem::Missing),
            FieldError::new(Field::Site, Problem::Missing),
            FieldError::new(Field::Clients, Problem::UnknownToken { token: "blackberry".into() }),
            Fqdn::parse(Field::AccessEdge, &long).unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "a..b").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, &format!("{}.com", "a".repeat(64))).unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "-edge.contoso.com").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "10.0.0.4").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "a b.com").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "http://a.com").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "a;b.com").unwrap_err(),
            Fqdn::parse(Field::AccessEdge, "a\u{0}b.com").unwrap_err(),
            Name::parse(Field::Site, "a;b").unwrap_err(),
            Name::parse(Field::ProviderIdentity, "_x").unwrap_err(),
        ];
        for error in &errors {
            let english = error.problem_text(&EN);
            assert!(english.starts_with(|c: char| c.is_ascii_uppercase()), "{english}");
            assert!(english.ends_with('.') && !english.contains('\n'), "{english}");
            let label = error.field.label(&EN).to_lowercase();
            assert!(!english.to_lowercase().contains(&label), "{english} repeats {label}");
            let chinese = error.problem_text(&ZH_TW);
            assert!(chinese.ends_with('。') && !chinese.contains('\n'), "{chinese}");
            assert!(!chinese.contains(error.field.label(&ZH_TW)), "{chinese}");
            for half_width in [", ", ": ", "; ", "(", ")"] {
                assert!(!chinese.contains(half_width), "{chinese}: full-width punctuation in Chinese sentences");
            }
        }
    }
}
