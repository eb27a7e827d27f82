#![cfg(not(target_arch = "wasm32"))]
//! Every generated script, run in a modelled Lync Server Management Shell (tests/shell): the
//! store ends where the answers say, a second run changes nothing, a fault at any store call
//! leaves a state a re-run finishes, the rollback undoes exactly what the script changed and
//! respects what others changed since, missing cmdlets stop the script before any change, and no
//! script reads a property Microsoft does not document.
//!
//! The sampled answer sets (tests/support: every kind of plan of the whole space, at least once)
//! are rendered; those whose script and rollback have the same code
//! (comments aside) and the same requirements behave identically, so each such group is run once
//! and its failures are counted for every member. `MODELLED_SHELL_EXAMPLES=N` shows the first
//! example of up to N kinds of failure per property (default 6).

mod shell;
mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use lync_push_wizard::core::{Answers, EdgeServer, MobileClient};
use shell::checks::{self, check_sequence, Pair, Report, Step};
use shell::model::{Deployment, Machine, Shell};
use shell::starts::{few, starts, Start};
use shell::{RunOptions, Script};
use support::{answers, sampled_answer_sets, with_site};

use shell::{case_label, check_texts, texts};

/// The answer sets of the sequences: Lync Server 2013 Edge, iPhone (Lync 2010) and then also
/// Windows Phone, globally and at two sites (one with a space in its name).
fn sequence_answers() -> [Answers; 5] {
    let iphone = answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]);
    let both = answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]);
    [iphone.clone(), both.clone(), with_site(iphone.clone(), "Redmond"), with_site(both, "North America"), with_site(iphone, "Dublin")]
}

/// The sequences and their starts: every ordering of scopes, two sites, run-rollback-run, a second
/// run with more clients, and a rollback finished with -Force.
fn run_sequences(report: &mut Report) {
    let sets = sequence_answers();
    let rendered: Vec<(String, String)> = sets.iter().map(texts).collect();
    let parsed: Vec<(Script, Script)> = rendered
        .iter()
        .zip(&sets)
        .map(|((s, r), a)| {
            let (st, rt) = shell::titles(a);
            (Script::parse(s).unwrap().titled(st), Script::parse(r).unwrap().titled(rt))
        })
        .collect();
    let pairs: Vec<Pair> = sets
        .iter()
        .zip(&parsed)
        .map(|(a, (s, r))| Pair { label: case_label(a), answers: a, script: s, rollback: r })
        .collect();
    let [iphone, both, site_iphone, site_both, dublin] = [&pairs[0], &pairs[1], &pairs[2], &pairs[3], &pairs[4]];
    let sequences: Vec<(&str, Vec<Step>)> = vec![
        ("global, then site", vec![Step::Configure(iphone), Step::Configure(site_iphone), Step::Rollback(site_iphone, false)]),
        ("site, then global", vec![Step::Configure(site_iphone), Step::Configure(both), Step::Rollback(iphone, true)]),
        ("two sites", vec![Step::Configure(site_iphone), Step::Configure(site_both), Step::Configure(dublin), Step::Rollback(dublin, true)]),
        ("run, rollback, run", vec![Step::Configure(iphone), Step::Rollback(iphone, true), Step::Configure(both), Step::Rollback(both, false)]),
        ("a second run with more clients", vec![Step::Configure(iphone), Step::Configure(both), Step::Rollback(both, false), Step::Rollback(both, true)]),
        ("rollback twice after success", vec![Step::Configure(both), Step::Rollback(both, true), Step::Rollback(both, true)]),
    ];
    let mut sites = few(&["fresh", "global Apple on", "site settings present, Microsoft on", "Office365 provider for sipfed", "pasted into the shell"]);
    for s in &mut sites {
        s.machine.deployment.sites.push("North America".into());
    }
    for (name, steps) in &sequences {
        for start in &sites {
            report.merge(check_sequence(name, steps, start, false), 1);
        }
    }
}

/// Answer sets beyond the sample: a site name with a space, over the starts with awkward names.
fn extra_answer_sets() -> Vec<Answers> {
    vec![
        with_site(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]), "North America"),
        with_site(Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) }, "North America"),
    ]
}

/// The least each figure must reach: lost coverage fails instead of passing quietly.
const MIN_RUNS: usize = 700_000;
const MIN_FAULTS: usize = 200_000;
const MIN_SEQUENCES: usize = 30;
const MIN_READS: usize = 4_000_000;
/// Where faults must have hit, before and after the call acted, at least this often each.
const FAULT_SITES: &[(&str, usize)] = &[
    ("Get-Command", 1_000),
    ("Test-Path", 1_000),
    ("Export-Clixml", 1_000),
    ("Import-Clixml", 100),
    ("Rename-Item", 100),
    ("New-CsHostingProvider", 100),
    ("New-CsAllowedDomain", 100),
    ("Set-CsPushNotificationConfiguration", 100),
    ("New-CsPushNotificationConfiguration", 100),
    ("Remove-CsPushNotificationConfiguration", 100),
    ("Set-CsAccessEdgeConfiguration", 100),
    ("Remove-CsHostingProvider", 100),
    ("Remove-CsAllowedDomain", 100),
    ("Test-CsFederatedPartner", 100),
    ("Test-CsMcxPushNotification", 100),
    ("Get-CsManagementStoreReplicationStatus", 100),
];

#[test]
fn every_generated_script_behaves_in_the_modelled_shell() {
    let began = Instant::now();
    let mut all = sampled_answer_sets();
    all.extend(extra_answer_sets());
    let starts = starts();
    // Answer sets whose scripts have the same code (comments aside) and the same requirements
    // behave identically; each such group is run once and counted for all its members.
    let mut groups: BTreeMap<String, (Answers, String, String, usize)> = BTreeMap::new();
    for answers in &all {
        let (s, r) = texts(answers);
        let n = shell::expect::need(answers);
        let key = format!(
            "{}\u{0}{}\u{0}{}{}{}{}{}{}{}{}{}",
            shell::behaviour_of(&s),
            shell::behaviour_of(&r),
            n.apns,
            n.mpns,
            n.configure,
            n.hosting_provider,
            n.scope,
            answers.provider_exists,
            answers.provider_identity,
            n.identity,
            n.push_test
        );
        groups.entry(key).and_modify(|g| g.3 += 1).or_insert((answers.clone(), s, r, 1));
    }
    let mut report = Report::default();
    for (answers, s, r, members) in groups.values() {
        let one = check_texts(answers, s, r, &starts, false);
        report.merge(one, *members);
    }
    let before_sequences = report.runs;
    run_sequences(&mut report);
    let sequence_runs = report.runs - before_sequences;
    let elapsed = began.elapsed();
    let reads = report.total_reads();
    let documented = !report.has(checks::DOCUMENTED_ONLY);
    println!(
        "modelled shell: {} answer sets ({} distinct script pairs, each run once for its group) x {} start states, \
         plus {} sequences; {} runs ({} in sequences), {} faults injected; properties read: {reads}, {}; {:.1} s",
        all.len(),
        groups.len(),
        starts.len(),
        report.sequences,
        report.runs,
        sequence_runs,
        report.faults,
        if documented { "all documented" } else { "SOME UNDOCUMENTED" },
        elapsed.as_secs_f64()
    );
    let mut by_kind: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ((kind, prop), n) in &report.reads {
        by_kind.entry(kind.label().to_string()).or_default().push(format!("{prop} {n}"));
    }
    for (kind, props) in by_kind {
        println!("  {kind}: {}", props.join(", "));
    }
    println!("  faults by where they hit: {}", report.fault_sites.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", "));
    assert!(report.findings.is_empty(), "properties that fail (count is over all answer sets):{}", report.summary());
    // Lost coverage fails too.
    let mut short = Vec::new();
    for (what, got, min) in [("runs", report.runs, MIN_RUNS), ("faults", report.faults, MIN_FAULTS), ("sequences", report.sequences, MIN_SEQUENCES), ("property reads", reads, MIN_READS)] {
        if got < min {
            short.push(format!("{what}: {got} < {min}"));
        }
    }
    for (command, min) in FAULT_SITES {
        for mode in ["before", "after commit", "non-terminating"] {
            let got = report.fault_sites.get(&format!("{command} ({mode})")).copied().unwrap_or(0);
            if got < *min {
                short.push(format!("faults at {command} ({mode}): {got} < {min}"));
            }
        }
    }
    assert!(short.is_empty(), "coverage fell below its floor: {short:?}");
}

// ---------------------------------------------------------------------------------------------
// The interpreter itself: the checker must be able to fail
// ---------------------------------------------------------------------------------------------

fn fresh() -> Machine {
    Machine::new(Deployment::fresh())
}

fn run(text: &str, machine: &mut Machine) -> shell::RunResult {
    shell::run_text(text, machine, &RunOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn reading_an_undocumented_property_is_a_violation() {
    let mut m = fresh();
    let result = run("$e = Get-CsAccessEdgeConfiguration\nif (-not $e.UseDnsSrvRouting) { Write-Host 'x' }\n", &mut m);
    assert_eq!(result.violations.len(), 1, "{result:?}");
    assert!(result.violations[0].contains("UseDnsSrvRouting") && result.violations[0].contains("line 2"));
    // The default-route shape has no EnablePartnerDiscovery.
    let mut m = fresh();
    m.deployment.access_edge.routing = shell::model::Routing::Default {
        default_route_fqdn: "x.example".into(),
        verification_level: "AlwaysVerifiable".into(),
        is_public_provider: false,
    };
    let result = run("$e = Get-CsAccessEdgeConfiguration\n$p = $e.EnablePartnerDiscovery\n$r = $e.RoutingMethod\n", &mut m);
    assert_eq!(result.violations.len(), 1, "{result:?}");
    assert_eq!(m.reads.get(&(shell::value::Kind::AccessEdgeDefaultRoute, "RoutingMethod".into())), Some(&1));
    // ReplicaFqdn is a parameter, not a documented property.
    let result = run("$r = @(Get-CsManagementStoreReplicationStatus)\n$f = $r[0].ReplicaFqdn\n$u = $r[0].UpToDate\n", &mut fresh());
    assert_eq!(result.violations.len(), 1, "{result:?}");
}

#[test]
fn constructs_outside_the_subset_fail_with_their_line() {
    for (text, needle) in [
        ("Write-Host 'a'\nfunction f { 1 }\n", "line 2"),
        ("switch ($x) { 1 { 'a' } }\n", "switch"),
        ("$a = [datetime]'2020-01-01'\n", "[datetime]"),
        ("Get-ChildItem\n", "unknown command Get-ChildItem"),
        ("Set-CsHostingProvider -Identity x -ProxyFqdn y\n", "no parameter -ProxyFqdn"),
        ("Set-CsPushNotificationConfiguration -EnableApplePushNotificationService 'True'\n", "takes a Boolean"),
        ("$p = Get-CsPushNotificationConfiguration -Identity global\n$p.Count\n", ".Count"),
        ("$x = $undefined\n", "read before it is set"),
        ("$a = @(1)\n$a.Identity\n", "member enumeration"),
        ("foreach ($x in $null) { }\n", "foreach over $null"),
        ("Get-CsHostingProvider | Where-Object ProxyFqdn -eq 'x'\n", "Where-Object"),
    ] {
        let outcome = shell::run_text(text, &mut fresh(), &RunOptions::default());
        let message = match outcome {
            Err(e) => e,
            Ok(result) => result.failure.unwrap_or_else(|| panic!("not caught: {text}")),
        };
        assert!(message.contains(needle), "{text:?}: {message}");
    }
}

#[test]
fn an_injected_fault_stops_a_try_block() {
    let text = "$ErrorActionPreference = 'Stop'\ntry {\n  $p = Get-CsHostingProvider\n  Write-Host 'after'\n}\ncatch {\n  Write-Host ('caught: ' + $_.Exception.Message)\n  $global:LASTEXITCODE = 1\n}\n";
    let mut m = fresh();
    m.fault_at = Some(1);
    let result = run(text, &mut m);
    assert_eq!(result.output.len(), 1, "{result:?}");
    assert!(result.output[0].starts_with("caught: injected fault"));
    assert_eq!(result.exit_code, Some(1));
    // Without the fault the block runs on.
    let result = run(text, &mut fresh());
    assert_eq!(result.output, vec!["after".to_string()]);
}

#[test]
fn comparisons_filter_arrays_and_ignore_case() {
    let text = "$a = @(1, 2, 1)\n$b = @($a -eq 1)\nWrite-Host $b.Count\n$s = @('Global', 'site:Redmond')\nWrite-Host (@($s -like 'SITE:*').Count)\nWrite-Host ('ABC' -eq 'abc')\nWrite-Host ($null -eq $a)\nWrite-Host ('x' -match '^[a-z]$')\n";
    let result = run(text, &mut fresh());
    assert_eq!(result.output, vec!["2", "1", "True", "False", "True"], "{result:?}");
}

#[test]
fn cmdlets_behave_as_documented() {
    // Missing push cmdlets: Get-Command finds nothing, calling one throws "not recognized".
    let mut m = fresh();
    m.deployment.shell = Shell::Lync { push_cmdlets: false };
    let text = "$c = Get-Command -Name Set-CsPushNotificationConfiguration -ErrorAction SilentlyContinue\nWrite-Host ($c -eq $null)\ntry { Get-CsPushNotificationConfiguration } catch { Write-Host $_.Exception.Message }\n";
    let result = run(text, &mut m);
    assert_eq!(result.output[0], "True");
    assert!(result.output[1].contains("is not recognized"), "{result:?}");
    // New-CsHostingProvider refuses a second provider for the same ProxyFqdn.
    let mut m = fresh();
    let text = "$ErrorActionPreference = 'Stop'\nNew-CsHostingProvider -Identity A -Enabled $True -ProxyFqdn sipfed.online.lync.com -EnabledSharedAddressSpace $False -HostsOCSUsers $False\ntry { New-CsHostingProvider -Identity B -Enabled $True -ProxyFqdn sipfed.online.lync.com -EnabledSharedAddressSpace $False -HostsOCSUsers $False } catch { Write-Host 'refused' }\n";
    let result = run(text, &mut m);
    assert_eq!(result.output, vec!["refused"]);
    assert_eq!(m.deployment.providers.len(), 1);
    // A record read back from Clixml (PowerShell 2.0) compares its keys with case.
    let mut m = fresh();
    let text = "$r = @{ Push = @{ Global = $true } }\n$r | Export-Clixml -Path 'C:\\LyncPush\\r.xml'\n$back = Import-Clixml -Path 'C:\\LyncPush\\r.xml'\nWrite-Host $r['push'].ContainsKey('global')\nWrite-Host $back['push']\nWrite-Host $back['Push'].ContainsKey('Global')\n";
    let result = run(text, &mut m);
    assert_eq!(result.output, vec!["True", "", "True"], "{result:?}");
    // A record folder that cannot be written makes Export-Clixml fail.
    let mut m = fresh();
    m.unwritable.insert("c:\\lyncpush".into());
    let result = run("$ErrorActionPreference = 'Stop'\n@{} | Export-Clixml -Path 'C:\\LyncPush\\r.xml'\nWrite-Host 'written'\n", &mut m);
    assert!(result.uncaught.as_deref().unwrap_or("").contains("denied"), "{result:?}");
    // Replicas catch up after the simulated delay; Start-Sleep advances the clock only.
    let mut m = fresh();
    m.replication_delay = Some(60);
    let text = "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True\n$n = 0\nwhile (@(Get-CsManagementStoreReplicationStatus | Where-Object { -not $_.UpToDate }).Count -gt 0) { Start-Sleep -Seconds 15; $n = $n + 1 }\nWrite-Host $n\n";
    let result = run(text, &mut m);
    assert_eq!(result.output, vec!["4"], "{result:?}");
}

#[test]
fn the_diff_says_what_changed() {
    let before = Deployment::fresh();
    let mut after = before.clone();
    after.access_edge.allow_federated_users = true;
    after.push.push(shell::model::PushSettings { identity: "site:Redmond".into(), apple: true, microsoft: false });
    let lines = shell::diff(&before, &after);
    assert!(lines.contains(&"Access Edge configuration: AllowFederatedUsers False -> True".to_string()), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("created push settings site:Redmond")), "{lines:?}");
}

// ---------------------------------------------------------------------------------------------
// Mutations: reintroduced defects are caught
// ---------------------------------------------------------------------------------------------

fn seed_answers() -> Answers {
    answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013])
}

fn a_few_starts() -> Vec<Start> {
    few(&["fresh", "site settings present, switches off", "default routing"])
}

/// Inserts `line` after the first line containing `anchor`, at that line's indentation.
fn insert_after(text: &str, anchor: &str, line: &str) -> String {
    let mut out = String::new();
    let mut done = false;
    for l in text.lines() {
        out.push_str(l);
        out.push('\n');
        if !done && l.contains(anchor) {
            let indent: String = l.chars().take_while(|c| c.is_whitespace()).collect();
            out.push_str(&format!("{indent}{line}\n"));
            done = true;
        }
    }
    assert!(done, "anchor {anchor:?} not found");
    out
}

#[test]
fn mutation_reading_use_dns_srv_routing_is_caught() {
    let answers = seed_answers();
    let (s, r) = texts(&answers);
    // Reintroduce the old check of a property Microsoft does not document (push-facts.md §2).
    let mutated = insert_after(
        &s,
        "Write-Host 'Step 1 of",
        "$probe = Get-CsAccessEdgeConfiguration; if (-not $probe.UseDnsSrvRouting) { Write-Warning 'default routing' }",
    );
    let report = check_texts(&answers, &mutated, &r, &a_few_starts(), false);
    let (_, examples) = report.findings.get(checks::DOCUMENTED_ONLY).expect("the undocumented read is reported");
    assert!(examples[0].contains("UseDnsSrvRouting"), "{examples:?}");
    // The text as generated is clean.
    let clean = check_texts(&answers, &s, &r, &a_few_starts(), false);
    assert!(!clean.has(checks::DOCUMENTED_ONLY), "{}", clean.summary());
}

/// The undo-record key the configuration script keeps AllowFederatedUsers under.
fn federation_key(script: &str) -> String {
    script
        .lines()
        .find(|l| l.contains("] = [bool]$accessEdge.AllowFederatedUsers"))
        .and_then(|l| l.split("$record['").nth(1))
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or("AllowFederatedUsersBefore")
        .to_string()
}

#[test]
fn mutation_blind_federation_rollback_is_caught() {
    let answers = seed_answers();
    let (s, r) = texts(&answers);
    // The old rollback's blind restore, with no check and no -Force.
    let blind = format!("Set-CsAccessEdgeConfiguration -AllowFederatedUsers $record['{}']", federation_key(&s));
    let mutated = insert_after(&r, "Import-Clixml", &blind);
    let report = check_texts(&answers, &s, &mutated, &a_few_starts(), false);
    let federation = report
        .findings
        .iter()
        .filter(|(k, _)| **k == checks::ROLLBACK || **k == checks::RESPECTFUL)
        .flat_map(|(_, (_, e))| e.iter())
        .any(|e| e.contains("AllowFederatedUsers") || e.contains("federation"));
    assert!(federation, "a rollback that switches federation off without -Force is not caught:{}", report.summary());
}

#[test]
fn mutation_unguarded_site_removal_is_caught() {
    let answers = with_site(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]), "Redmond");
    let (s, r) = texts(&answers);
    // Removing the site settings without checking that they are the script's and unchanged.
    let mutated = insert_after(&r, "Import-Clixml", "Remove-CsPushNotificationConfiguration -Identity 'site:Redmond'");
    let report = check_texts(&answers, &s, &mutated, &a_few_starts(), false);
    let hit = report
        .findings
        .iter()
        .filter(|(k, _)| **k == checks::ROLLBACK || **k == checks::RESPECTFUL || **k == checks::ROLLBACK_RERUN)
        .flat_map(|(_, (_, e))| e.iter())
        .any(|e| e.contains("site:Redmond"));
    assert!(hit, "removing site settings without a check is not caught:{}", report.summary());
}

/// Finding: the routing check read RoutingMethod alone, which only Lync Server 2013-era samples
/// print; a Lync Server 2010 Access Edge object without it stopped every run. The output type
/// decides first (Get-CsAccessEdgeConfiguration.md, OUTPUTS), then RoutingMethod; neither: a
/// warning, never a stop.
#[test]
fn the_routing_is_read_from_the_documented_signals_in_order() {
    let starts = few(&[
        "Lync 2010 Access Edge object without RoutingMethod",
        "default routing, read through remoting",
        "Lync 2010 Access Edge object, read through remoting",
        "default routing",
    ]);
    for answers in [Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) }, seed_answers()] {
        let (s, r) = texts(&answers);
        let report = check_texts(&answers, &s, &r, &starts, false);
        assert!(report.findings.is_empty(), "{}", report.summary());
    }
}

/// Finding: the wait for replication passed before replication had started, when every replica
/// still said UpToDate. The time before the first change is recorded, and LastUpdateCreation
/// must not be earlier (Get-CsManagementStoreReplicationStatus.md, Example 4).
#[test]
fn the_wait_for_replication_waits_for_the_update_of_this_run() {
    let starts = few(&["replication starts 20 s after the change", "already configured", "fresh"]);
    for answers in [Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) }, seed_answers()] {
        let (s, r) = texts(&answers);
        let report = check_texts(&answers, &s, &r, &starts, false);
        assert!(report.findings.is_empty(), "{}", report.summary());
    }
}

/// Finding: both tests need the Edge's internal FQDN. The pre-flight compares the answer with
/// the Edge pools (Microsoft's check: Get-CsService -EdgeServer | Select-Object PoolFqdn) and
/// warns, naming both, when it is not one of them.
#[test]
fn an_access_edge_fqdn_that_is_no_edge_pool_is_named_in_a_warning() {
    let starts = few(&["Edge pool FQDN differs from the answer", "fresh"]);
    let answers = Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) };
    let (s, r) = texts(&answers);
    let report = check_texts(&answers, &s, &r, &starts, false);
    assert!(report.findings.is_empty(), "{}", report.summary());
    assert!(s.contains("'accessproxy.contoso.com'") && s.contains("Get-CsService -EdgeServer"), "{s}");
}
