//! Whatever localStorage holds: never panics; what loads saves and loads back unchanged; and the
//! core's codec reads it exactly as serde_json and the serde derives do (tests/support/saved_oracle.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::saved;

#[path = "../../tests/support/saved_oracle.rs"]
mod saved_oracle;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let loaded = saved::load(Some(&raw));
    assert_eq!(loaded, saved_oracle::oracle(&raw));
    if let Ok(state) = loaded {
        assert_eq!(saved::to_json(&state), serde_json::to_string(&state).unwrap());
        assert_eq!(saved::load(Some(&saved::to_json(&state))), Ok(state));
    }
});
