//! The fuzz targets' properties (fuzz/fuzz_targets/), as proptest cases in the normal suite:
//! every parser of outside input and the renderers, on arbitrary input.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use lync_push_wizard::core::render::{diagram::diagram, json::json, markdown::runbook, powershell::script, rollback::rollback};
use lync_push_wizard::core::{i18n, plan, saved, share, Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use proptest::prelude::*;
use support::{parse, syntax_problems};

/// Text that looks enough like our formats to reach deep branches, mixed with anything at all.
fn outside_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "edge=", "lync2013", "ocs2007r2", "none", "&", "clients=", "ios-lync2010,", "wp-lync2013", "access-edge=", "a.contoso.com",
        "existing-provider=", "site=", "lang=zh-TW", "%", "%2", "%E2%80%99", "+", "#", "=", "\n", "# Share link: #", "{", "}",
        "Share%20link", "Share link", "\"version\":1", "\"answers\":", "\"edge\":\"lync2010\"", ",", ":", "[", "]", "\"ticks\":", "null", "\u{FEFF}", "'",
    ]);
    prop_oneof![
        3 => prop::collection::vec(piece, 0..24).prop_map(|p| p.concat()),
        1 => "\\PC{0,200}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fragments_never_panic_and_their_answers_render(fragment in outside_text()) {
        let (answers, errors) = share::from_fragment(&fragment);
        let _ = share::lang_from_fragment(&fragment);
        for error in &errors {
            prop_assert!(!error.message(&i18n::ZH_TW).is_empty());
        }
        if let Ok(plan) = plan(&answers) {
            let _ = (script(&plan), rollback(&plan), json(&plan), runbook(&i18n::ZH_TW, &plan), diagram(&i18n::EN, &plan.decision));
        }
    }

    #[test]
    fn saved_state_never_panics_and_round_trips(raw in outside_text()) {
        if let Ok(state) = saved::load(Some(&raw)) {
            prop_assert_eq!(saved::load(Some(&saved::to_json(&state))), Ok(state));
        }
    }

    #[test]
    fn script_headers_never_panic_and_round_trip(text in outside_text()) {
        if let Some((answers, _)) = share::from_script(&text) {
            if let Ok(plan) = plan(&answers) {
                prop_assert_eq!(share::from_script(&script(&plan)).map(|(a, _)| a), Some(plan.answers()));
            }
        }
    }

    #[test]
    fn any_answers_are_rejected_or_give_scripts_that_parse(
        edge in 0usize..8,
        pool in 0usize..6,
        mask in 0u16..512,
        provider in any::<bool>(),
        site_scope in any::<bool>(),
        texts in prop::collection::vec("[ -~]{0,24}|\\PC{0,12}", 3),
    ) {
        let mut answers = Answers {
            edge: EdgeServer::ALL.get(edge).copied(),
            pool: PoolVersion::ALL.get(pool).copied(),
            access_edge: texts[0].clone(),
            provider_exists: provider,
            provider_identity: texts[1].clone(),
            scope: if site_scope { ScopeKind::Site } else { ScopeKind::Global },
            site: texts[2].clone(),
            ..Answers::default()
        };
        for (bit, &client) in MobileClient::ALL.iter().enumerate() {
            answers.set_client(client, mask & (1 << bit) != 0);
        }
        if let Ok(plan) = plan(&answers) {
            for text in [script(&plan), rollback(&plan)] {
                let problems = syntax_problems(&parse(&text), &text);
                prop_assert!(problems.is_empty(), "{problems:?}");
            }
        }
    }
}
