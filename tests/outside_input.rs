//! The fuzz targets' properties (fuzz/fuzz_targets/), as proptest cases in the normal suite:
//! every parser of outside input and the renderers, on arbitrary input.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use lync_push_wizard::core::render::{diagram::diagram, json::json, markdown::runbook, powershell::script, rollback::rollback};
use lync_push_wizard::core::discovery::{self, Part, Read};
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

/// Text with the pieces of a discovery block, in any order, mixed with anything at all.
fn discovery_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        discovery::BEGIN, "==== BEGIN LYNC-PUSH DISCOVERY v", "==== END LYNC-PUSH DISCOVERY records=", " check=", "0000FFFF", " ====", "3", "99999999",
        "~made|x", "~ok|cmdlet|0", "~ok|edge|0", "~ok|site|1", "~site|", "~provider|a|b|True|False|c", "~error|mcx|", "~absent|push", "~", "|",
        "%", "%C3", "%BC", "%FF", "%0A", "True", "\n", "\r\n", "\r", " ", "<br>", "\u{FEFF}", "Zürich",
    ]);
    prop_oneof![
        3 => prop::collection::vec(piece, 0..40).prop_map(|p| p.concat()),
        1 => "\\PC{0,200}",
    ]
}

/// A field as the block's format encodes it (core::discovery).
fn encode(value: &str) -> String {
    value.bytes().map(|b| if discovery::is_safe(b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// A block holding these sites and hosting providers (every other part absent), each record cut
/// into lines of `width`, inside `before` and `after`.
fn block_with(sites: &[String], providers: &[(String, String)], width: usize, before: &str, after: &str) -> String {
    let mut records = vec!["~made|x".to_string(), "~ok|cmdlet|0".into(), "~ok|edge|0".into()];
    records.extend(sites.iter().map(|site| format!("~site|{}", encode(site))));
    records.push(format!("~ok|site|{}", sites.len()));
    records.push("~absent|accessedge".into());
    records.extend(providers.iter().map(|(id, proxy)| format!("~provider|{}|{}|True||{}", encode(id), encode(proxy), encode(id))));
    records.push(format!("~ok|provider|{}", providers.len()));
    records.extend(Part::ALL[5..].iter().map(|part| format!("~absent|{}", part.tag())));
    let check = discovery::checksum(records.iter().map(String::as_str));
    let lines: Vec<String> = records.iter().flat_map(|r| r.as_bytes().chunks(width).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>()).collect();
    format!("{before}\n{}\n{}\n{}records={} check={check:08X}{}\n{after}", discovery::BEGIN, lines.join("\n"), discovery::END_PREFIX, records.len(), discovery::MARKER_TAIL)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any text: a reading or a problem, never a panic; a problem's line is in the text, and its
    /// message reads in both languages.
    #[test]
    fn discovery_blocks_never_panic(text in discovery_text()) {
        match discovery::parse(&text) {
            Ok(found) => {
                let reading = discovery::fill(&found);
                let _ = (reading.view(i18n::Language::En, None), reading.view(i18n::Language::ZhTw, None));
            }
            Err(problem) => {
                prop_assert!(problem.line().is_none_or(|line| line >= 1 && line <= text.split(['\n', '\r']).count()));
                prop_assert!(!problem.message(&i18n::DISCOVERY_ZH_TW).is_empty());
            }
        }
    }

    /// Values holding the separators, markers and line breaks come back exactly, however the
    /// lines are cut and whatever surrounds the block: a reader that split a record before
    /// decoding it, or kept a raw value, would not.
    #[test]
    fn discovery_values_come_back_exactly(
        sites in prop::collection::vec("[~|%= \n\r<>a-zA-Z0-9:@._-]{0,12}|\\PC{0,8}", 0..6),
        providers in prop::collection::vec(("[~|% \n]{0,4}\\PC{0,6}", "\\PC{0,10}"), 0..4),
        width in 1usize..80,
        before in "\\PC{0,40}",
        after in "\\PC{0,40}",
    ) {
        prop_assume!(!after.contains("==== BEGIN") && !before.contains("==== BEGIN"));
        let found = discovery::parse(&block_with(&sites, &providers, width, &before, &after)).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(found.sites, Read::Done(sites));
        let read: Vec<(String, String)> = found.providers.done().into_iter().flatten().map(|p| (p.identity.clone(), p.proxy_fqdn.clone())).collect();
        prop_assert_eq!(read, providers);
    }

    /// One byte of a block changed, or the block cut anywhere: never read as another deployment.
    /// (A reader trusting the END line's count, or a value unchecked, would read a different one.)
    #[test]
    fn a_damaged_discovery_block_is_never_another_deployment(
        sites in prop::collection::vec("\\PC{0,10}", 1..4),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let text = block_with(&sites, &[], 72, "", "");
        let original = discovery::parse(&text).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let mut bytes = text.clone().into_bytes();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        if let Ok(damaged) = std::str::from_utf8(&bytes) {
            if let Ok(found) = discovery::parse(damaged) {
                prop_assert_eq!(found, original.clone(), "{:?}", damaged);
            }
        }
        let cut = &text[..text.char_indices().map(|(i, _)| i).nth(at % text.chars().count()).unwrap_or(0)];
        prop_assert!(discovery::parse(cut).is_err() || cut.trim_end().ends_with(discovery::MARKER_TAIL));
    }

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
