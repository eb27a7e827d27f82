//! Any pasted or dropped text: never panics; a link found in it gives answers that a script
//! carries back unchanged when they are valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::{plan, render, share};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some((answers, _)) = share::from_script(&text) {
        if let Ok(plan) = plan(&answers) {
            let script = render::powershell::script(&plan);
            assert_eq!(share::from_script(&script).map(|(a, _)| a), Some(plan.answers()));
        }
    }
});
