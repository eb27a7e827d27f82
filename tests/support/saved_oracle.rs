//! The saved state as it was read before the core had its own codec: serde_json, then the serde
//! derives. The codec is held to it (tests/saved_state.rs, fuzz/fuzz_targets/saved_state.rs).

use lync_push_wizard::core::saved::{SavedState, Unreadable, MAX_SAVED_LEN, SCHEMA_VERSION};

/// How the state was read before the codec: serde_json, then the derives.
pub fn oracle(raw: &str) -> Result<SavedState, Unreadable> {
    if raw.len() > MAX_SAVED_LEN {
        return Err(Unreadable::TooLarge { bytes: raw.len() });
    }
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotOurFormat)?;
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(version) if version == u64::from(SCHEMA_VERSION) => {}
        Some(version) => return Err(Unreadable::OtherVersion { version }),
        None => return Err(Unreadable::NotOurFormat),
    }
    // serde also reads a struct from an array, by position. Nothing ever wrote answers that way,
    // and the codec refuses it as not ours.
    if value.get("answers").is_some_and(serde_json::Value::is_array) {
        return Err(Unreadable::NotOurFormat);
    }
    serde_json::from_value(value).map_err(|_| Unreadable::NotOurFormat)
}

