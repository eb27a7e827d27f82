#![cfg(not(target_arch = "wasm32"))]
//! The decision table over the whole answer space the verdict depends on, pool × Edge Server ×
//! clients, with the count of verdicts by kind, and every plan of the whole space (with the
//! provider and scope answers too) held to the rules as restated from the reference files.
//! `cargo test --test decision_table -- --nocapture` prints the table.

mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use lync_push_wizard::core::answers::OptIns;
use lync_push_wizard::core::decision::{BlockedBecause, NotNeededBecause, NotRecommendedBecause};
use lync_push_wizard::core::plan::Action;
use lync_push_wizard::core::{decide, plan, EdgeServer, Need, Route, Verdict};
use support::{client_subsets, every_answer_set, expected, pool_answers};

fn kind(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Configure { route: Route::HostingProvider } => "configure (hosting provider)",
        Verdict::Configure { route: Route::DirectFederation } => "configure (direct federation)",
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen } => "not needed (no client chosen)",
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush } => "not needed (no client needs push)",
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } => "blocked (no Edge Server)",
        Verdict::Blocked { because: BlockedBecause::Lync2010With2019 } => "blocked (Lync Server 2010 with 2019)",
        Verdict::Blocked { because: BlockedBecause::SubscriptionEditionWithLync } => "blocked (Subscription Edition with Lync Server)",
        Verdict::Blocked { because: BlockedBecause::OcsEdgeWithSfbPool } => "blocked (OCS 2007 R2 Edge with a Skype for Business pool)",
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool } => "blocked (clients cannot use this pool)",
        Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns } => "not recommended (only retired MPNS)",
    }
}

#[test]
fn the_decision_table_over_pool_edge_and_clients() {
    let began = Instant::now();
    let subsets = client_subsets();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rows: Vec<String> = Vec::new();
    let mut size = 0;
    for pool in pool_answers() {
        for &edge in EdgeServer::ALL {
            let mut row: BTreeMap<&str, usize> = BTreeMap::new();
            for clients in &subsets {
                // The table as Microsoft's pages give it: no choice beyond them.
                let decision = decide(pool, edge, clients, OptIns::default());
                size += 1;
                *by_kind.entry(kind(decision.verdict)).or_default() += 1;
                *row.entry(kind(decision.verdict)).or_default() += 1;
                // Lync 2010 Mobile against a pool without MCX: never a push need.
                for need in &decision.clients {
                    if need.need == Need::CannotUsePool {
                        assert!(matches!(decision.shell(), lync_push_wizard::core::PoolVersion::Sfb2019 | lync_push_wizard::core::PoolVersion::SfbSe));
                    }
                }
            }
            let pool = pool.map_or("(not given)", |p| p.token());
            rows.push(format!(
                "  {pool:<12} {:<10} {}",
                edge.token(),
                row.iter().map(|(k, n)| format!("{k}: {n}")).collect::<Vec<_>>().join("; ")
            ));
        }
    }
    assert_eq!(size, 6 * 7 * 512);
    println!("decision table: pool (not given or 5 versions) x Edge (7) x client subsets (512) = {size} decisions");
    for row in &rows {
        println!("{row}");
    }
    println!("verdicts by kind:");
    for (kind, n) in &by_kind {
        println!("  {kind}: {n}");
    }
    assert_eq!(by_kind.len(), 10, "every kind of verdict occurs: {by_kind:?}");
    assert_eq!(by_kind.values().sum::<usize>(), size);
    // With each choice beyond Microsoft's pages: what changes, verdict by verdict.
    for (name, opt_ins) in [
        ("--apns-for-sfb-ios", OptIns { apns_for_sfb_ios: true, configure_retired_mpns: false }),
        ("--configure-retired-mpns", OptIns { apns_for_sfb_ios: false, configure_retired_mpns: true }),
    ] {
        let mut changed: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for pool in pool_answers() {
            for &edge in EdgeServer::ALL {
                for clients in &subsets {
                    let advised = kind(decide(pool, edge, clients, OptIns::default()).verdict);
                    let chosen = kind(decide(pool, edge, clients, opt_ins).verdict);
                    if advised != chosen {
                        *changed.entry((advised, chosen)).or_default() += 1;
                    }
                }
            }
        }
        println!("with {name}:");
        for ((from, to), n) in &changed {
            println!("  {from} -> {to}: {n}");
        }
        assert!(!changed.is_empty(), "{name} changes some verdict");
    }
    println!("decision table: {:.1} s", began.elapsed().as_secs_f64());
}

/// Every plan of the whole space (204,288 answer sets) follows the rules as the reference files
/// state them, restated in tests/support without the core.
#[test]
fn every_plan_of_the_whole_space_follows_the_restated_rules() {
    let began = Instant::now();
    let all = every_answer_set();
    assert_eq!(all.len(), 204_288);
    for answers in &all {
        let case = lync_push_wizard::core::share::to_fragment(answers);
        let plan = plan(answers).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let want = expected(answers);
        assert_eq!((plan.decision.services.apns, plan.decision.services.mpns), (want.apns, want.mpns), "{case}");
        assert_eq!(matches!(plan.decision.verdict, Verdict::Configure { .. }), want.configure, "{case}");
        assert_eq!(!plan.steps.is_empty(), want.configure, "{case}");
        for step in &plan.steps {
            match &step.action {
                Action::AddHostingProvider { new_identity, .. } => assert_eq!(new_identity.identity(), want.identity, "{case}"),
                Action::TestPush { .. } => assert!(want.push_test, "{case}: no push test is documented for this version"),
                Action::AllowPushDomain
                | Action::FederateOcsEdge
                | Action::EnablePush { .. }
                | Action::AllowFederatedUsers { .. }
                | Action::TestFederation { .. } => {}
            }
        }
        if want.configure {
            assert_eq!(plan.steps.iter().any(|s| matches!(s.action, Action::TestPush { .. })), want.push_test, "{case}");
            assert_eq!(plan.steps.iter().any(|s| matches!(s.action, Action::AddHostingProvider { .. })), want.hosting_provider, "{case}");
            assert!(!plan.status.is_empty(), "{case}: the support status is said where it matters");
        }
        // The plan gives back the answers it was made from, pool included.
        assert_eq!(plan.answers().pool, answers.pool, "{case}");
    }
    println!("whole space: {} plans checked against the restated rules in {:.1} s", all.len(), began.elapsed().as_secs_f64());
}
