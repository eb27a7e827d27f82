#![cfg(not(target_arch = "wasm32"))]
//! Every earlier answer means what it meant. `tests/golden/earlier-answers.txt` holds, for each
//! of the 1,024 answer sets the wizard could express before it asked for the pool's version, the
//! share link and a fingerprint of what it means: the answers the link is read as, the plan
//! made from them (the verdict, every step with its values, the notes and status facts, as the
//! plan's own structure, not its wording), and the saved state's bytes. The link is read with
//! today's parser and through the command line's flags as well, which must give the same
//! script as the page. Rewording a sentence changes no fingerprint; a difference is a change of
//! meaning for someone's saved link. Regenerate (`WRITE_EARLIER_ANSWERS=1`) only for a change of
//! meaning made on purpose, and say so in the commit.

use lync_push_wizard::cli;
use lync_push_wizard::core::render::powershell::script;
use lync_push_wizard::core::saved::{load, to_json, SavedState};
use lync_push_wizard::core::share::{from_fragment, to_fragment};
use lync_push_wizard::core::{plan, Answers, ScopeKind};

/// The tokens the wizard had before it asked for the pool, spelled out here so that a renamed
/// token fails this test rather than quietly changing its meaning.
const EARLIER_EDGES: [&str; 4] = ["lync2013", "lync2010", "ocs2007r2", "none"];
const EARLIER_CLIENTS: [&str; 6] = ["ios-lync2010", "ios-lync2013", "wp-lync2010", "wp-lync2013", "android", "nokia"];

/// FNV-1a, 64 bits: stable across Rust releases, unlike the standard hasher.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Every share link the earlier wizard could write for valid answers with the seed's FQDN.
fn earlier_links() -> Vec<String> {
    let mut links = Vec::new();
    for edge in EARLIER_EDGES {
        for mask in 0u32..(1 << EARLIER_CLIENTS.len()) {
            let clients: Vec<&str> =
                EARLIER_CLIENTS.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, c)| *c).collect();
            for provider in ["", "&existing-provider=Office365"] {
                for site in ["", "&site=Redmond"] {
                    let clients = if clients.is_empty() { String::new() } else { format!("&clients={}", clients.join(",")) };
                    links.push(format!("edge={edge}{clients}&access-edge=accessproxy.contoso.com{provider}{site}"));
                }
            }
        }
    }
    links
}

/// The same answers as command-line flags.
fn flags(answers: &Answers) -> Vec<String> {
    let mut args = vec!["--edge".to_string(), answers.edge.expect("every earlier link names the Edge").token().to_string()];
    for client in answers.clients.iter() {
        args.extend(["--client".to_string(), client.token().to_string()]);
    }
    args.extend(["--access-edge".to_string(), answers.access_edge.clone()]);
    if answers.provider_exists {
        args.extend(["--existing-provider".to_string(), answers.provider_identity.clone()]);
    }
    if answers.scope == ScopeKind::Site {
        args.extend(["--site".to_string(), answers.site.clone()]);
    }
    args
}

fn outputs(link: &str) -> String {
    let (answers, errors) = from_fragment(link);
    assert!(errors.is_empty(), "{link}: {errors:?}");
    let plan = plan(&answers).unwrap_or_else(|e| panic!("{link}: {e:?}"));
    let state = SavedState { answers: answers.clone(), ..SavedState::default() };
    let saved = to_json(&state);
    assert_eq!(load(Some(&saved)).map(|s| s.answers), Ok(answers.clone()), "{link}: saved state round trip");
    let cli_script = cli::run(&flags(&answers));
    assert_eq!(cli_script.stdout, script(&plan), "{link}: the command line gives the same script");
    let meaning = serde_json::to_string(&plan).expect("a plan serialises");
    // The answers as their canonical link: a field added to `Answers` changes no fingerprint
    // unless it changes what an earlier link is read as.
    fingerprint(&[&to_fragment(&answers), &meaning, &saved])
}

#[test]
fn every_earlier_answer_set_means_what_it_meant() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/earlier-answers.txt");
    let actual: String = earlier_links().iter().map(|link| format!("{} #{link}\n", outputs(link))).collect();
    if std::env::var_os("WRITE_EARLIER_ANSWERS").is_some() {
        std::fs::write(path, &actual).expect("write");
        return;
    }
    let expected = std::fs::read_to_string(path).expect("the earlier answers' fingerprints are checked in");
    let changed: Vec<&str> = expected.lines().zip(actual.lines()).filter(|(e, a)| e != a).map(|(e, _)| e).collect();
    assert_eq!(expected.lines().count(), 1024);
    assert!(changed.is_empty(), "{} earlier answer sets mean something else now, e.g. {:?}", changed.len(), &changed[..changed.len().min(5)]);
    println!("back compatibility: {} earlier answer sets read as the same answers and plans", expected.lines().count());
}
