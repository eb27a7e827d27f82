#![cfg(not(target_arch = "wasm32"))]
//! One golden file per seed scenario and per Edge version, reviewed as text. A change in output
//! shows as a diff. `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them.

mod support;

use std::path::PathBuf;

use lync_push_wizard::core::render::{json::json, markdown::runbook, powershell::script, rollback::rollback, steps::steps};
use lync_push_wizard::core::{plan, EdgeServer::*, MobileClient::*};
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

#[test]
fn lync2010_edge_windows_phone_only() {
    all_formats("lync2010-mpns", answers(Lync2010, &[WpLync2010, WpLync2013, Android]));
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
