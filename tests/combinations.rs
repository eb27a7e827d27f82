#![cfg(not(target_arch = "wasm32"))]
//! Answer sets of every kind of plan (pool × Edge Server × client subset × existing provider ×
//! scope, sampled deterministically by tests/support), checked against the rules' invariants,
//! with every script parsed by an independent PowerShell grammar. The rules themselves are
//! checked over the whole space in tests/decision_table.rs.

mod support;

use lync_push_wizard::core::render::{json::json, powershell::script, rollback::rollback, steps::steps};
use lync_push_wizard::core::{plan, EdgeServer, Verdict};
use support::{commands, expected, parse, sampled_answer_sets, syntax_problems};

const CONFIGURATION_CMDLETS: [&str; 5] = [
    "New-CsHostingProvider",
    "New-CsAllowedDomain",
    "Set-CsPushNotificationConfiguration",
    "New-CsPushNotificationConfiguration",
    "Set-CsAccessEdgeConfiguration",
];

/// Constructs PowerShell 2.0 (the Lync Server 2010 shell) does not know.
const NOT_IN_POWERSHELL_2: [&str; 7] = ["::new(", "[ordered]", " -in ", " -notin ", "#Requires", "[pscustomobject]", "?."];

#[test]
fn every_combination_keeps_the_invariants_and_parses() {
    let began = std::time::Instant::now();
    let all = sampled_answer_sets();
    let mut verdicts = [0usize; 3];
    let mut rollbacks = 0usize;
    for answers in &all {
        let case = lync_push_wizard::core::share::to_fragment(answers);
        let plan = plan(answers).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let script = script(&plan);
        let want = expected(answers);
        let (apns, mpns) = (want.apns, want.mpns);
        let push_needed = apns || mpns;
        let edge = answers.edge.unwrap();

        // Verdict matches the client table and the Edge Server.
        let configure = match plan.decision.verdict {
            Verdict::Configure { .. } => {
                verdicts[0] += 1;
                assert!(push_needed && edge != EdgeServer::None && want.configure, "{case}");
                true
            }
            Verdict::NotNeeded { .. } => {
                verdicts[1] += 1;
                assert!(!push_needed && !want.configure, "{case}");
                false
            }
            Verdict::Blocked { .. } => {
                verdicts[2] += 1;
                assert!(!want.configure, "{case}");
                false
            }
            Verdict::NotRecommended { .. } => {
                verdicts[2] += 1;
                assert!(!want.configure && mpns && !apns, "{case}");
                false
            }
        };
        assert_eq!((plan.decision.services.apns, plan.decision.services.mpns), (apns, mpns), "{case}");

        // APNS iff Lync 2010 Mobile on iOS, MPNS iff a Windows Phone client; never switched off.
        assert_eq!(script.contains("-EnableApplePushNotificationService $True"), configure && apns, "{case}");
        assert_eq!(script.contains("-EnableMicrosoftPushNotificationService $True"), configure && mpns, "{case}");
        // Nothing is switched off: no $False but the two split-domain switches New-CsHostingProvider
        // requires, both False (no split domain), and the routing hint's, which is text.
        let switched = script
            .replace(" -EnabledSharedAddressSpace $False -HostsOCSUsers $False", "")
            .replace("-UseDnsSrvRouting -EnablePartnerDiscovery $False;", "");
        assert!(!switched.contains("$False"), "{case}");
        assert!(script.is_ascii(), "{case}: scripts stay ASCII English in every interface language");

        // The independent parser: no ERROR or MISSING node anywhere.
        let tree = parse(&script);
        let problems = syntax_problems(&tree, &script);
        assert!(problems.is_empty(), "{case}:\n{}\n{script}", problems.join("\n"));
        let invoked = commands(&tree, &script);
        assert!(!invoked.is_empty(), "{case}: a script must do something when run, not only hold comments");
        assert!(invoked.iter().any(|(name, _)| name.starts_with("Write-")), "{case}: says what it does");

        // No configuration cmdlet unless configuring; every one of them behind a check.
        for (name, guarded) in &invoked {
            if CONFIGURATION_CMDLETS.contains(name) {
                assert!(configure, "{case}: {name} without a configuration verdict");
                assert!(guarded, "{case}: {name} is not guarded by an if");
            }
        }
        // OCS 2007 R2 never gets a hosting provider or the allowed-domain cmdlet.
        if edge == EdgeServer::Ocs2007R2 {
            assert!(!script.contains("New-CsHostingProvider") && !script.contains("New-CsAllowedDomain"), "{case}");
        }
        // The hosting provider's example Identity and the shell's name fit the pool's version
        // (seed 0cb70-122 and 0cb70-118; sfb-facts §1); the push test only where documented.
        if script.contains("New-CsHostingProvider -Identity") {
            assert!(script.contains(&format!("New-CsHostingProvider -Identity \"{}\"", want.identity)), "{case}");
        }
        assert_eq!(script.contains("Test-CsMcxPushNotification"), configure && want.push_test, "{case}");
        if configure {
            let (ours, other) = if want.sfb { ("Skype for Business Server", "Lync Server") } else { ("Lync Server", "Skype for Business Server") };
            assert!(script.contains(&format!("{ours} Management Shell")), "{case}");
            assert!(!script.contains(&format!("{other} Management Shell")), "{case}");
            assert!(!script.contains(&format!("{other} cmdlets")), "{case}");
        }
        // An existing provider is never added again.
        if answers.provider_exists {
            assert!(!script.contains("New-CsHostingProvider"), "{case}");
        }
        for construct in NOT_IN_POWERSHELL_2 {
            assert!(!script.contains(construct), "{case}: {construct}");
        }
        assert!(!script.lines().any(|l| l.trim_start().starts_with("Where-Object ") || l.contains("| Where-Object ") && !l.contains("| Where-Object {")), "{case}: simplified Where-Object");

        // The seed's commands appear in the seed's order.
        if configure {
            let order = [
                "New-CsHostingProvider",
                "New-CsAllowedDomain",
                "Set-CsPushNotificationConfiguration",
                "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True",
                "Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com",
                "Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'",
            ];
            let positions: Vec<usize> = order.iter().filter_map(|needle| script.find(needle)).collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{case}: seed order");
            assert!(positions.len() >= 4, "{case}: seed commands missing");
        }

        // The rollback script: parses, changes nothing without a check, and removes only what
        // the configuration script can have created.
        let undo = rollback(&plan);
        let undo_tree = parse(&undo);
        let problems = syntax_problems(&undo_tree, &undo);
        assert!(problems.is_empty(), "{case} rollback:\n{}\n{undo}", problems.join("\n"));
        let undo_commands = commands(&undo_tree, &undo);
        assert!(undo_commands.iter().any(|(name, _)| name.starts_with("Write-")), "{case}: the rollback says what it does");
        for (name, guarded) in &undo_commands {
            if name.starts_with("Remove-Cs") || name.starts_with("Set-Cs") || name.starts_with("New-Cs") {
                assert!(configure && *guarded, "{case} rollback: {name}");
            }
        }
        assert!(!undo.contains("New-Cs"), "{case}: a rollback creates nothing");
        assert!(undo.is_ascii(), "{case}: rollback scripts stay ASCII");
        assert_eq!(undo.contains("Remove-CsHostingProvider"), script.contains("New-CsHostingProvider"), "{case}");
        assert_eq!(undo.contains("Remove-CsAllowedDomain"), script.contains("New-CsAllowedDomain"), "{case}");
        for construct in NOT_IN_POWERSHELL_2 {
            assert!(!undo.contains(construct), "{case} rollback: {construct}");
        }
        rollbacks += 1;

        // Round trip: each script's header gives back the answers it was made from.
        for text in [&script, &undo] {
            let restored = lync_push_wizard::core::share::from_script(text).map(|(answers, _)| answers);
            assert_eq!(restored, Some(plan.answers()), "{case}: the header's link gives the answers back");
        }

        // The runbook carries both scripts verbatim.
        let book = lync_push_wizard::core::render::markdown::runbook(&lync_push_wizard::core::i18n::EN, &plan);
        assert!(book.contains(&script) && book.contains(&undo), "{case}: runbook scripts");

        // The other renderers cover the same plan without failing.
        assert!(steps(&plan).contains(&lync_push_wizard::core::text::verdict_headline(&lync_push_wizard::core::i18n::EN, &plan.decision)));
        let document: serde_json::Value = serde_json::from_str(&json(&plan)).expect("valid JSON");
        assert_eq!(document["decision"]["services"]["apns"], apns, "{case}");
    }
    println!(
        "combinations: {} sampled cases (configure {}, not needed {}, blocked {}); {} scripts and {rollbacks} rollback scripts parsed; {:.1} s",
        all.len(),
        verdicts[0],
        verdicts[1],
        verdicts[2],
        all.len(),
        began.elapsed().as_secs_f64()
    );
    assert_eq!(rollbacks, all.len());
    assert!(verdicts.iter().all(|&n| n > 0));
}

/// The parser check is only worth something if it catches broken scripts.
#[test]
fn the_parser_check_catches_broken_powershell() {
    for broken in ["if ($x {\n  Write-Host 'a'\n", "Write-Host 'unterminated\n", "Write-Host (\n", "}\n", "# only a comment\n"] {
        let tree = parse(broken);
        assert!(!syntax_problems(&tree, broken).is_empty(), "not caught: {broken:?}");
    }
    let fine = "if ($x) {\n    Write-Host 'a''b'\n}\n";
    assert!(syntax_problems(&parse(fine), fine).is_empty());
}

/// Every troubleshooting check is valid PowerShell and only reads.
#[test]
fn troubleshooting_checks_parse_and_only_read() {
    use lync_push_wizard::core::plan::Trouble;
    use lync_push_wizard::core::{i18n::EN, text::trouble_text};
    for &trouble in Trouble::ALL {
        let check = format!("{}\n", trouble_text(&EN, trouble).check);
        let tree = parse(&check);
        assert!(syntax_problems(&tree, &check).is_empty(), "{trouble:?}: {check}");
        let invoked = commands(&tree, &check);
        assert!(!invoked.is_empty(), "{trouble:?}");
        for (name, _) in invoked {
            assert!(
                name.starts_with("Get-") || name == "Select-Object" || name == "Where-Object",
                "{trouble:?} runs {name}, which is not read-only"
            );
        }
    }
}
