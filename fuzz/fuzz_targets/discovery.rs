//! Any pasted text as a discovery block: never panics; a reading fills and shows in both
//! languages, and a problem names a line the text has.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::{discovery, i18n::Language};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match discovery::parse(&text) {
        Ok(found) => {
            let reading = discovery::fill(&found);
            let _ = (reading.view(Language::En, None), reading.view(Language::ZhTw, None));
        }
        Err(problem) => assert!(problem.line().is_none_or(|line| line <= text.split(['\n', '\r']).count())),
    }
});
