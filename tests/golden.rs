#![cfg(not(target_arch = "wasm32"))]
//! One golden file per seed scenario and per Edge version, reviewed as text. A change in output
//! shows as a diff. `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them.

mod support;

use std::path::PathBuf;

use lync_push_wizard::core::render::{json::json, markdown::runbook, powershell::discovery, powershell::script, rollback::rollback, steps::steps};
use lync_push_wizard::core::{plan, Answers, EdgeServer::*, MobileClient::*, PoolVersion};
use support::{answers, with_provider, with_site};

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run UPDATE_GOLDEN=1 cargo test --test golden", path.display()));
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).unwrap_or(0);
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn all_formats(name: &str, answers: lync_push_wizard::core::Answers) {
    let plan = plan(&answers).expect("golden scenarios are valid");
    check(&format!("{name}.ps1"), &script(&plan));
    check(&format!("{name}.rollback.ps1"), &rollback(&plan));
    check(&format!("{name}.steps.txt"), &steps(&plan));
    check(&format!("{name}.runbook.md"), &runbook(&lync_push_wizard::core::i18n::EN, &plan));
    check(&format!("{name}.json"), &(json(&plan) + "\n"));
}

/// The seed's own example: Lync Server 2013 Edge, Lync 2010 Mobile on iPhone, Lync 2013 Mobile on
/// Windows Phone, accessproxy.contoso.com.
#[test]
fn seed_example_lync2013_edge() {
    all_formats("seed-lync2013", answers(Lync2013, &[IosLync2010, WpLync2013]));
}

/// Windows Phone only, configured by the explicit choice (`--configure-retired-mpns`): the
/// header says the choice, as the script's own.
#[test]
fn lync2010_edge_windows_phone_only() {
    let answers = Answers { configure_retired_mpns: true, ..answers(Lync2010, &[WpLync2010, WpLync2013, Android]) };
    all_formats("lync2010-mpns", answers);
}

/// Windows Phone only, as advised: MPNS is retired, so the verdict is "not recommended", with its
/// source, and the script changes nothing.
#[test]
fn windows_phone_only_is_not_recommended() {
    all_formats("mpns-only-not-recommended", answers(Lync2013, &[WpLync2013, Android]));
}

/// APNS for Skype for Business on iOS, chosen beyond Microsoft's page: turned on, said in the
/// header as the script's own addition with its source, and the Wi-Fi port note shown.
#[test]
fn apns_for_skype_for_business_on_ios_by_choice() {
    let answers = Answers { apns_for_sfb_ios: true, ..on_pool(PoolVersion::Sfb2015, answers(Sfb2015, &[IosSfb, WpSfb])) };
    all_formats("sfb2015-apns-by-choice", answers);
}

#[test]
fn ocs2007r2_edge_uses_the_gui_procedure() {
    all_formats("ocs2007r2", answers(Ocs2007R2, &[IosLync2010, WpLync2013]));
}

#[test]
fn hybrid_with_existing_provider_at_site_scope() {
    let answers = with_site(with_provider(answers(Lync2013, &[IosLync2010, IosLync2013]), "Office365"), "Redmond");
    all_formats("lync2013-hybrid-site", answers);
}

#[test]
fn no_edge_server_is_blocked() {
    all_formats("none-blocked", answers(None, &[WpLync2013, Nokia]));
}

#[test]
fn lync2013_mobile_on_iphone_needs_nothing() {
    all_formats("not-needed", answers(Lync2013, &[IosLync2013, Android, Nokia]));
}

fn on_pool(pool: PoolVersion, mut answers: Answers) -> Answers {
    answers.pool = Some(pool);
    answers
}

/// Skype for Business Server 2015 with its own Edge (deploy-and-configure-mobility.md): the
/// SkypeOnline provider, APNS for Lync 2010 Mobile and, to be safe, for Skype for Business on
/// iOS, MPNS for Windows Phone, and the push test, which 2015 still documents.
#[test]
fn sfb2015_pool_and_edge() {
    all_formats("sfb2015", on_pool(PoolVersion::Sfb2015, answers(Sfb2015, &[IosLync2010, WpSfb, IosSfb])));
}

/// A Skype for Business Server 2019 pool using a Lync Server 2013 Edge during migration: Lync
/// 2010 Mobile cannot use the pool, Android has no switch, no push test is documented.
#[test]
fn sfb2019_pool_with_a_legacy_edge() {
    all_formats("sfb2019-legacy-edge", on_pool(PoolVersion::Sfb2019, answers(Lync2013, &[IosLync2010, WpSfb, AndroidSfb])));
}

/// Only Lync 2010 Mobile clients against a 2019 pool: they cannot use it.
#[test]
fn sfb2019_pool_with_only_lync2010_mobile() {
    all_formats("sfb2019-cannot-use", on_pool(PoolVersion::Sfb2019, answers(Sfb2019, &[IosLync2010, Nokia])));
}

/// Subscription Edition with its own Edge, at site scope with an existing hybrid provider.
#[test]
fn sfbse_pool_and_edge() {
    let answers = with_site(with_provider(answers(SfbSe, &[IosSfb, WpSfb]), "Office365"), "Redmond");
    all_formats("sfbse-hybrid-site", on_pool(PoolVersion::SfbSe, answers));
}

/// A Skype for Business Server 2015 Edge with the pool not given: the pool is the Edge's own
/// version (sfb-facts §6b), said in the header as assumed, and the pair is the one its own
/// procedure names. The case: it used to be blocked as a Lync Server 2013 pool.
#[test]
fn sfb2015_edge_with_the_pool_not_given() {
    all_formats("sfb2015-edge-pool-not-given", answers(Sfb2015, &[IosSfb, AndroidSfb, WpSfb]));
}

/// A Lync Server 2013 pool behind a Skype for Business Server 2015 Edge: documented by the
/// hybrid planning page ("Users can remain on a Lync 2013 Pool"), said in a note.
#[test]
fn lync2013_pool_behind_a_sfb2015_edge() {
    all_formats("lync2013-pool-sfb2015-edge", on_pool(PoolVersion::Lync2013, answers(Sfb2015, &[IosLync2010, WpLync2013])));
}

/// A Lync Server 2010 Edge with a 2019 pool: outside every Microsoft list, blocked with why.
#[test]
fn sfb2019_pool_with_a_lync2010_edge_is_blocked() {
    all_formats("sfb2019-lync2010-edge-blocked", on_pool(PoolVersion::Sfb2019, answers(Lync2010, &[WpSfb])));
}

/// The read-only discovery script: one for every deployment, as it reads rather than asks.
#[test]
fn the_discovery_script() {
    check("discovery.ps1", &discovery());
}
