//! Whatever localStorage holds: never panics; what loads saves and loads back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::saved;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    if let Ok(state) = saved::load(Some(&raw)) {
        assert_eq!(saved::load(Some(&saved::to_json(&state))), Ok(state));
    }
});
