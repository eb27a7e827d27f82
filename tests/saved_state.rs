//! The saved state's hand-written JSON codec (core/saved.rs), held to serde_json and the serde
//! derives as the oracle: the same bytes out, the same verdict on any text in.
#![cfg(not(target_arch = "wasm32"))]

use lync_push_wizard::core::i18n::Language;
use lync_push_wizard::core::saved::{self, SavedState, Unreadable, SCHEMA_VERSION};
use lync_push_wizard::core::{Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use proptest::prelude::*;

#[path = "support/saved_oracle.rs"]
mod saved_oracle;
use saved_oracle::oracle;

/// Text as people type it, with the characters JSON must escape.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        prop::collection::vec(prop::sample::select(vec!["a", "\"", "\\", "\n", "\t", "\u{1}", "\u{1f}", "\u{7f}", "é", "😀", "/", "\u{2028}"]), 0..6)
            .prop_map(|p| p.concat()),
    ]
}

fn state() -> impl Strategy<Value = SavedState> {
    (
        prop::option::of(prop::sample::select(EdgeServer::ALL.to_vec())),
        prop::collection::btree_set(prop::sample::select(MobileClient::ALL.to_vec()), 0..4),
        (typed(), any::<bool>(), typed(), any::<bool>(), typed()),
        prop::collection::btree_set(typed(), 0..3),
        prop::option::of(prop::sample::select(Language::ALL.to_vec())),
        prop::option::of(prop::sample::select(PoolVersion::ALL.to_vec())),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(|(edge, clients, (access_edge, provider_exists, provider_identity, site_scope, site), ticks, lang, pool, (apns_for_sfb_ios, configure_retired_mpns))| SavedState {
            version: SCHEMA_VERSION,
            answers: Answers {
                edge,
                pool,
                clients: clients.into_iter().collect(),
                access_edge,
                provider_exists,
                provider_identity,
                scope: if site_scope { ScopeKind::Site } else { ScopeKind::Global },
                site,
                apns_for_sfb_ios,
                configure_retired_mpns,
            },
            ticks: ticks.into_iter().collect(),
            lang,
        })
}

/// JSON texts built from our own names and tokens (and a few others), with every kind of
/// value in every place, sometimes cut short or padded.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "null", "true", "false", "0", "1", "-0", "1.0", "1e0", "2", "-1", "18446744073709551616", "\"\"", "\"lync2013\"",
        "\"none\"", "\"ios-lync2010\"", "\"android\"", "\"global\"", "\"site\"", "\"en\"", "\"zh-TW\"", "\"fr\"",
        "\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\x\"", "\"tab\there\"",
    ])
    .prop_map(str::to_string);
    let tree = leaf.prop_recursive(4, 24, 5, |inner| {
        let name = prop::sample::select(vec![
            "version", "answers", "edge", "clients", "access-edge", "provider-exists", "provider-identity", "scope", "site", "apns-for-sfb-ios", "configure-retired-mpns",
            "ticks", "lang", "other",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|items| format!("[{}]", items.join(","))),
            prop::collection::vec((name, inner), 0..6).prop_map(|members| {
                let members: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\" : {v}")).collect();
                format!("{{ {} }}", members.join(", "))
            }),
        ]
    });
    // Mostly the right version and an answers object, so the fields' own checks are reached.
    let version = prop::sample::select(vec!["1", "1", "1", "2", "1.0", "\"1\""]);
    let answer_name = prop::sample::select(vec![
        "edge", "clients", "access-edge", "provider-exists", "provider-identity", "scope", "site", "other",
    ]);
    let answers = prop_oneof![
        3 => prop::collection::vec((answer_name, tree.clone()), 0..5).prop_map(|members| {
            let members: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", members.join(","))
        }),
        1 => tree.clone(),
    ];
    let state_like = (version, answers, tree.clone(), tree, 0u8..8).prop_map(|(version, answers, ticks, lang, omit)| {
        let mut members = vec![format!("\"version\":{version}")];
        if omit & 1 == 0 { members.push(format!("\"answers\":{answers}")); }
        if omit & 2 == 0 { members.push(format!("\"ticks\":{ticks}")); }
        if omit & 4 == 0 { members.push(format!("\"lang\":{lang}")); }
        format!("{{{}}}", members.join(","))
    });
    (prop_oneof![1 => state_like, 1 => state().prop_map(|s| saved::to_json(&s))], 0usize..4, any::<prop::sample::Index>()).prop_map(
        |(text, damage, at)| {
            let cut = at.index(text.len() + 1);
            match damage {
                0 if text.is_char_boundary(cut) => text[..cut].to_string(),
                1 => format!(" \n{text}\t"),
                _ => text,
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn writes_the_bytes_serde_json_writes(state in state()) {
        prop_assert_eq!(saved::to_json(&state), serde_json::to_string(&state).unwrap());
        prop_assert_eq!(saved::load(Some(&saved::to_json(&state))), Ok(state));
    }

    #[test]
    fn reads_any_text_as_serde_json_and_the_derives_did(text in json_text()) {
        prop_assert_eq!(saved::load(Some(&text)), oracle(&text), "{}", text);
    }
}

#[test]
fn the_version_field_decides_first() {
    for (text, expected) in [
        (r#"{"version":2,"answers":5}"#, Err(Unreadable::OtherVersion { version: 2 })),
        (r#"{"version":1,"answers":5}"#, Err(Unreadable::NotOurFormat)),
        (r#"{"version":"1"}"#, Err(Unreadable::NotOurFormat)),
        (r#"[{"version":1}]"#, Err(Unreadable::NotOurFormat)),
        (r#"{"version":1,"ticks":["b","a","b"],"lang":null,"answers":{"edge":null}}"#, Ok(SavedState {
            ticks: ["a".to_string(), "b".to_string()].into_iter().collect(),
            ..SavedState::default()
        })),
    ] {
        assert_eq!(saved::load(Some(text)), expected, "{text}");
        assert_eq!(oracle(text), expected, "{text}");
    }
}
