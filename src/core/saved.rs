//! The saved state: answers and checklist ticks under one versioned key. Reading it never fails
//! the page: anything unreadable is reported so the caller can keep it under the backup key.

mod json;

use serde::{Deserialize, Serialize};

use self::json::{push_string, Value};
use super::answers::{Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use super::i18n::{fill, Language, Strings};

pub const STORAGE_KEY: &str = "lync-push-wizard.state.v1";
pub const BACKUP_KEY: &str = "lync-push-wizard.state.backup";
/// A pasted discovery block, its lines alone (`discovery::block_of`): kept beside the answers,
/// under a key of its own so one control forgets it; never in a share link.
pub const DISCOVERY_KEY: &str = "lync-push-wizard.discovery.v1";
pub const SCHEMA_VERSION: u32 = 1;
/// Far more than any real state; a larger value is not ours and is not parsed.
pub const MAX_SAVED_LEN: usize = 64 * 1024;

/// The serde derives are the reference the hand-written codec below is tested against.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub version: u32,
    pub answers: Answers,
    /// Ids of the ticked GUI checklist items (see `render::steps::checklist`).
    pub ticks: Ticks,
    /// The interface language the user chose; `None` follows the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
}

impl Default for SavedState {
    fn default() -> Self {
        SavedState { version: SCHEMA_VERSION, answers: Answers::default(), ticks: Ticks::default(), lang: None }
    }
}

/// The ids of ticked checklist items, sorted and each once. A sorted list, not a tree set: for
/// a dozen ids the tree's code cost the site kilobytes.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Ticks(Vec<String>);

impl Ticks {
    pub fn insert(&mut self, id: String) {
        if let Err(at) = self.0.binary_search(&id) {
            self.0.insert(at, id);
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.0.retain(|ticked| ticked != id);
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.iter().any(|ticked| ticked == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl FromIterator<String> for Ticks {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Self {
        let mut ticks = Ticks::default();
        for id in ids {
            ticks.insert(id);
        }
        ticks
    }
}

/// As a list of ids, as the tree set was.
impl Serialize for Ticks {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Ticks {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<String>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Unreadable {
    TooLarge { bytes: usize },
    NotOurFormat,
    OtherVersion { version: u64 },
}

impl Unreadable {
    pub fn message(&self, t: &Strings) -> String {
        let what = match self {
            Unreadable::TooLarge { bytes } => fill(t.unreadable_too_large, &[&bytes.to_string()]),
            Unreadable::NotOurFormat => t.unreadable_format.to_string(),
            Unreadable::OtherVersion { version } => fill(t.unreadable_version, &[&version.to_string()]),
        };
        fill(t.unreadable_message, &[&what, BACKUP_KEY])
    }
}

/// Reads what storage held under `STORAGE_KEY` (`None`: nothing saved yet).
pub fn load(raw: Option<&str>) -> Result<SavedState, Unreadable> {
    let Some(raw) = raw else {
        return Ok(SavedState::default());
    };
    if raw.len() > MAX_SAVED_LEN {
        return Err(Unreadable::TooLarge { bytes: raw.len() });
    }
    let value = json::parse(raw).ok_or(Unreadable::NotOurFormat)?;
    match value.get("version").map(Value::as_u64) {
        Some(Some(version)) if version == u64::from(SCHEMA_VERSION) => {}
        Some(Some(version)) => return Err(Unreadable::OtherVersion { version }),
        Some(None) | None => return Err(Unreadable::NotOurFormat),
    }
    state_from(&value).ok_or(Unreadable::NotOurFormat)
}

/// Every field may be missing (it keeps its default); one of the wrong type spoils the whole.
fn state_from(value: &Value) -> Option<SavedState> {
    let mut state = SavedState::default();
    if let Some(answers) = value.get("answers") {
        state.answers = answers_from(answers)?;
    }
    if let Some(ticks) = value.get("ticks") {
        // One by one, not collected: collecting into a set sorts first, which is more code to
        // download for the same set.
        for tick in strings(ticks)? {
            state.ticks.insert(tick);
        }
    }
    state.lang = match value.get("lang") {
        None | Some(Value::Null) => None,
        Some(lang) => Some(token(lang, Language::from_token)?),
    };
    Some(state)
}

fn answers_from(value: &Value) -> Option<Answers> {
    let Value::Object(_) = value else { return None };
    let edge = match value.get("edge") {
        None | Some(Value::Null) => None,
        Some(edge) => Some(token(edge, EdgeServer::from_token)?),
    };
    let pool = match value.get("pool") {
        None | Some(Value::Null) => None,
        Some(pool) => Some(token(pool, PoolVersion::from_token)?),
    };
    let mut answers = Answers { edge, pool, ..Answers::default() };
    if let Some(clients) = value.get("clients") {
        for token in &strings(clients)? {
            answers.clients.insert(MobileClient::from_token(token)?);
        }
    }
    if let Some(scope) = value.get("scope") {
        answers.scope = token(scope, ScopeKind::from_token)?;
    }
    for (name, flag) in [
        ("provider-exists", &mut answers.provider_exists),
        ("apns-for-sfb-ios", &mut answers.apns_for_sfb_ios),
        ("configure-retired-mpns", &mut answers.configure_retired_mpns),
    ] {
        if let Some(value) = value.get(name) {
            let Value::Bool(value) = value else { return None };
            *flag = *value;
        }
    }
    for (name, field) in [
        ("access-edge", &mut answers.access_edge),
        ("provider-identity", &mut answers.provider_identity),
        ("site", &mut answers.site),
    ] {
        if let Some(text) = value.get(name) {
            let Value::String(text) = text else { return None };
            field.clone_from(text);
        }
    }
    Some(answers)
}

fn token<T>(value: &Value, from_token: fn(&str) -> Option<T>) -> Option<T> {
    let Value::String(text) = value else { return None };
    from_token(text)
}

fn strings(value: &Value) -> Option<Vec<String>> {
    let Value::Array(items) = value else { return None };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => Some(text.clone()),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::Array(_) | Value::Object(_) => None,
        })
        .collect()
}

/// The same bytes `serde_json::to_string` writes for the derives above (a test holds it to that).
pub fn to_json(state: &SavedState) -> String {
    let answers = &state.answers;
    let mut out = format!("{{\"version\":{},\"answers\":{{\"edge\":", state.version);
    match answers.edge {
        Some(edge) => push_string(&mut out, edge.token()),
        None => out.push_str("null"),
    }
    // Only when given, as serde's skip_serializing_if writes it: earlier states keep their bytes.
    if let Some(pool) = answers.pool {
        out.push_str(",\"pool\":");
        push_string(&mut out, pool.token());
    }
    out.push_str(",\"clients\":");
    push_array(&mut out, answers.clients.iter().map(|c| c.token()));
    out.push_str(",\"access-edge\":");
    push_string(&mut out, &answers.access_edge);
    out.push_str(if answers.provider_exists { ",\"provider-exists\":true" } else { ",\"provider-exists\":false" });
    out.push_str(",\"provider-identity\":");
    push_string(&mut out, &answers.provider_identity);
    out.push_str(",\"scope\":");
    push_string(&mut out, answers.scope.token());
    out.push_str(",\"site\":");
    push_string(&mut out, &answers.site);
    // Only when chosen, as serde's skip_serializing_if writes them.
    if answers.apns_for_sfb_ios {
        out.push_str(",\"apns-for-sfb-ios\":true");
    }
    if answers.configure_retired_mpns {
        out.push_str(",\"configure-retired-mpns\":true");
    }
    out.push_str("},\"ticks\":");
    push_array(&mut out, state.ticks.iter());
    if let Some(lang) = state.lang {
        out.push_str(",\"lang\":");
        push_string(&mut out, lang.token());
    }
    out.push('}');
    out
}

fn push_array<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_string(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::EdgeServer;

    #[test]
    fn round_trips_and_tolerates_missing_fields() {
        let mut state = SavedState::default();
        state.answers.edge = Some(EdgeServer::Ocs2007R2);
        state.ticks.insert("step1-gui3".into());
        state.lang = Some(Language::ZhTw);
        assert_eq!(load(Some(&to_json(&state))), Ok(state));
        assert_eq!(load(Some(r#"{"version":1}"#)), Ok(SavedState::default()));
        assert_eq!(load(None), Ok(SavedState::default()));
    }

    #[test]
    fn broken_old_and_huge_values_are_reported() {
        assert_eq!(load(Some("{not json")), Err(Unreadable::NotOurFormat));
        assert_eq!(load(Some(r#"{"version":0,"answers":{}}"#)), Err(Unreadable::OtherVersion { version: 0 }));
        assert_eq!(load(Some(r#"{"version":1,"answers":{"edge":"lync2015"}}"#)), Err(Unreadable::NotOurFormat));
        let huge = "x".repeat(5 * 1024 * 1024);
        assert_eq!(load(Some(&huge)), Err(Unreadable::TooLarge { bytes: huge.len() }));
    }
}
