//! A share-link fragment from anywhere: never panics, and whatever answers it yields go through
//! validation and every renderer without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::{i18n, plan, render, share};

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let (answers, errors) = share::from_fragment(&fragment);
    let _ = share::lang_from_fragment(&fragment);
    for error in &errors {
        let _ = error.message(&i18n::ZH_TW);
    }
    if let Ok(plan) = plan(&answers) {
        let _ = render::powershell::script(&plan);
        let _ = render::rollback::rollback(&plan);
        let _ = render::json::json(&plan);
        let _ = render::markdown::runbook(&i18n::ZH_TW, &plan);
        let _ = render::diagram::diagram(&i18n::EN, &plan.decision);
    }
});
