//! The saved state: answers and checklist ticks under one versioned key. Reading it never fails
//! the page: anything unreadable is reported so the caller can keep it under the backup key.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::i18n::{fill, Language, Strings};

pub const STORAGE_KEY: &str = "lync-push-wizard.state.v1";
pub const BACKUP_KEY: &str = "lync-push-wizard.state.backup";
pub const SCHEMA_VERSION: u32 = 1;
/// Far more than any real state; a larger value is not ours and is not parsed.
pub const MAX_SAVED_LEN: usize = 64 * 1024;

#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub version: u32,
    pub answers: Answers,
    /// Ids of the ticked GUI checklist items (see `render::steps::checklist`).
    pub ticks: BTreeSet<String>,
    /// The interface language the user chose; `None` follows the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Language>,
}

impl Default for SavedState {
    fn default() -> Self {
        SavedState { version: SCHEMA_VERSION, answers: Answers::default(), ticks: BTreeSet::new(), lang: None }
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
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotOurFormat)?;
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(version) if version == u64::from(SCHEMA_VERSION) => {}
        Some(version) => return Err(Unreadable::OtherVersion { version }),
        None => return Err(Unreadable::NotOurFormat),
    }
    serde_json::from_value(value).map_err(|_| Unreadable::NotOurFormat)
}

pub fn to_json(state: &SavedState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::EdgeServer;

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
