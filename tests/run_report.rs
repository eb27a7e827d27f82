#![cfg(not(target_arch = "wasm32"))]
//! The run report, proven in the modelled shell (tests/shell): four example runs kept as goldens
//! with their reports in both languages (what `--report` prints), and the proof that the
//! behaviour checks catch a script whose marks lie (property (j), tests/shell/checks/report.rs,
//! which every modelled run of `tests/modelled_shell.rs` and the mutation campaign goes through).

mod shell;
mod support;

use std::path::PathBuf;

use lync_push_wizard::core::i18n::Language;
use lync_push_wizard::core::render::report;
use lync_push_wizard::core::run_report::{self, Kind, Next};
use lync_push_wizard::core::share::to_fragment;
use lync_push_wizard::core::{Answers, EdgeServer, MobileClient};
use shell::checks::{check_pair, Pair, Report};
use shell::model::{Deployment, Fault, Machine};
use shell::starts::{few, ROLLBACK_PATH, SCRIPT_PATH};
use shell::{as_transcript, texts, titles, RunOptions, RunResult, Script};

const REPORT: &str = "(j) the run report equals the run";

fn seed() -> Answers {
    support::answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013])
}

fn scripts(answers: &Answers) -> (Script, Script) {
    let (script, rollback) = texts(answers);
    let (script_titles, rollback_titles) = titles(answers);
    (
        Script::parse(&script).unwrap_or_else(|e| panic!("{e}")).titled(script_titles),
        Script::parse(&rollback).unwrap_or_else(|e| panic!("{e}")).titled(rollback_titles),
    )
}

fn run(script: &Script, machine: &mut Machine, path: &str, fault: Option<Fault>) -> RunResult {
    machine.next_run_with(fault);
    script.run(machine, &RunOptions { script_path: Some(path.into()), switches: Vec::new() })
}

/// The four runs the report is shown with: a clean run; one stopped by a fault (the connection
/// lost at the change of step 4); one whose tests fail with 504 because replication never caught
/// up; and a rollback that leaves alone a provider someone changed since.
fn example_runs() -> Vec<(&'static str, RunResult)> {
    let (script, rollback) = scripts(&seed());
    let fresh = || Machine::new(Deployment::fresh());
    let clean = run(&script, &mut fresh(), SCRIPT_PATH, None);
    let mut machine = fresh();
    let first = run(&script, &mut machine, SCRIPT_PATH, None);
    let federation = first.calls.iter().find(|c| c.name == "Set-CsAccessEdgeConfiguration").map(|c| c.number).expect("step 4 changes");
    let stopped = run(&script, &mut fresh(), SCRIPT_PATH, Some(Fault { at: federation, after_commit: false, non_terminating: false }));
    let mut late = fresh();
    late.replication_delay = None;
    let before_replication = run(&script, &mut late, SCRIPT_PATH, None);
    let mut changed = fresh();
    run(&script, &mut changed, SCRIPT_PATH, None);
    changed.deployment.providers.iter_mut().for_each(|p| p.enabled = false);
    let left = run(&rollback, &mut changed, ROLLBACK_PATH, None);
    vec![("clean", clean), ("stopped", stopped), ("before-replication", before_replication), ("rollback-left", left)]
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

fn same_as_golden(name: &str, text: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing; run UPDATE_GOLDEN=1 cargo test --test run_report", path.display()));
    assert_eq!(kept, text, "{name} differs from its golden file; UPDATE_GOLDEN=1 cargo test --test run_report rewrites it");
}

/// Each example run's output, and its report in English and Chinese as `--report` prints it
/// (read with the answers that made it), are the goldens; the report says the right next step.
#[test]
fn the_four_example_runs_and_their_reports() {
    let answers = seed();
    let want = [
        ("clean", Kind::Configure, Some(0), Next::Done),
        ("stopped", Kind::Configure, Some(1), Next::FixAndRunAgain { step: 4, message: String::new() }),
        ("before-replication", Kind::Configure, Some(2), Next::WaitThenTestAgain),
        ("rollback-left", Kind::Rollback, Some(3), Next::RunWithForce(Vec::new())),
    ];
    for ((name, result), (wanted, kind, code, next)) in example_runs().into_iter().zip(want) {
        assert_eq!(name, wanted);
        let text = result.text() + "\n";
        same_as_golden(&format!("run.{name}.txt"), &text);
        let read = run_report::parse(&text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert_eq!((read.kind, read.exit_code, read.fragment.as_str()), (kind, code, to_fragment(&answers).as_str()), "{name}");
        let got = run_report::next(&read);
        let same_kind = std::mem::discriminant(&got) == std::mem::discriminant(&next);
        assert!(same_kind, "{name}: {got:?}, expected {next:?}");
        for lang in [Language::En, Language::ZhTw] {
            let markdown = report::markdown(&report::view(lang, &read, Some(&answers)));
            same_as_golden(&format!("run.{name}.report.{}.md", lang.token()), &markdown);
        }
    }
}

/// What the report of each example says, checked by its sentences, not only by its golden.
#[test]
fn the_reports_say_what_happened_and_what_to_do() {
    let answers = seed();
    let runs = example_runs();
    let text = |name: &str, lang: Language| {
        let result = &runs.iter().find(|(n, _)| *n == name).expect("a run").1;
        let read = run_report::parse(&result.text()).unwrap_or_else(|p| panic!("{p:?}"));
        report::markdown(&report::view(lang, &read, Some(&answers)))
    };
    let clean = text("clean", Language::En);
    assert!(clean.contains("Exit code 0: every step is done and the tests passed."), "{clean}");
    assert!(clean.contains("- Created hosting provider LyncOnline."), "{clean}");
    assert!(clean.contains("- Set AllowFederatedUsers of Access Edge settings (Global) from False to True."), "{clean}");
    assert!(clean.contains("They match the answers open in the wizard."), "{clean}");
    let stopped = text("stopped", Language::En);
    assert!(stopped.contains("## Step 4: Enable federation on the Access Edge\n\n**Stopped here**"), "{stopped}");
    assert!(stopped.contains("## Step 5: Test federation with push.lync.com\n\n**Not run: the script stopped before it**"), "{stopped}");
    assert!(stopped.contains("Fix what it stopped on in step 4, then run the script again"), "{stopped}");
    let late = text("before-replication", Language::En);
    assert!(late.contains("Wait until Get-CsManagementStoreReplicationStatus shows every replica UpToDate"), "{late}");
    assert!(late.contains("Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'"), "{late}");
    assert!(late.contains("If they still fail once every replica is up to date"), "{late}");
    let left = text("rollback-left", Language::En);
    assert!(left.contains("Left as it is: AllowFederatedUsers stays True."), "{left}");
    assert!(left.contains("Left as it is: hosting provider LyncOnline has been changed since the configuration script made it. Only -Force removes it."), "{left}");
    assert!(left.contains(".\\Undo-LyncPushNotifications.ps1 -Force"), "{left}");
    let zh = text("rollback-left", Language::ZhTw);
    assert!(zh.contains("維持原狀：裝載提供者 LyncOnline 在設定指令碼建立之後曾被變更。只有 -Force 才會移除。"), "{zh}");
    // Another answer set's run: said, with the way back to its answers.
    let other = Answers { access_edge: "edge.fabrikam.com".into(), ..answers.clone() };
    let result = &runs[0].1;
    let read = run_report::parse(&result.text()).unwrap_or_else(|p| panic!("{p:?}"));
    let view = report::view(Language::En, &read, Some(&other));
    assert_eq!(view.restore.as_deref(), Some(to_fragment(&answers).as_str()));
    assert!(view.about.iter().any(|l| l.starts_with("They are not the answers open in the wizard")));
}

/// Every example, kept by Start-Transcript at a console's width, reads as the console paste.
#[test]
fn a_transcript_reads_as_the_paste() {
    for (name, result) in example_runs() {
        let plain = run_report::parse(&result.text()).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        for width in [120, 80, 50, 37] {
            let wrapped = run_report::parse(&as_transcript(&result.output, width)).unwrap_or_else(|p| panic!("{name} at {width}: {p:?}"));
            assert_eq!((wrapped.exit_code, wrapped.steps.len(), wrapped.events().count()), (plain.exit_code, plain.steps.len(), plain.events().count()), "{name} at {width}");
        }
    }
}

/// The behaviour checks over `starts` for a script pair whose texts are changed by `change`.
fn checks_of(change: impl Fn(&str) -> String, starts: &[&str]) -> Report {
    let answers = seed();
    let (script, rollback) = texts(&answers);
    let (script, rollback) = (change(&script), change(&rollback));
    let (script_titles, rollback_titles) = titles(&answers);
    let s = Script::parse(&script).unwrap_or_else(|e| panic!("{e}")).titled(script_titles);
    let r = Script::parse(&rollback).unwrap_or_else(|e| panic!("{e}")).titled(rollback_titles);
    check_pair(&Pair { label: "seed".into(), answers: &answers, script: &s, rollback: &r }, &few(starts), true)
}

/// The proof catches marks that lie: a step's mark dropped, a step mislabelled, a change
/// mislabelled, a test's outcome or its Error dropped, a left item said to need no -Force. Each mutant is a
/// one-line change of the generated text; each fails property (j) and nothing else needs to.
#[test]
fn a_mark_dropped_or_mislabelled_is_caught() {
    let starts = ["fresh", "already configured", "replicas never catch up"];
    let clean = checks_of(str::to_string, &starts);
    assert!(!clean.has(REPORT), "{}", clean.summary());
    let mutants: [(&str, Box<dyn Fn(&str) -> String>); 7] = [
        ("the created provider's mark dropped", Box::new(|t: &str| t.replacen("            & $mark @('created', 'provider', 'LyncOnline')\n", "", 1))),
        ("step 3 marked as step 2", Box::new(|t: &str| t.replacen("& $mark @('step', 3)", "& $mark @('step', 2)", 1))),
        ("a created domain marked as a provider", Box::new(|t: &str| t.replacen("& $mark @('created', 'allowed',", "& $mark @('created', 'provider',", 1))),
        ("the push test's mark dropped", Box::new(|t: &str| {
            let at = t.find("Test-CsMcxPushNotification -AccessEdgeFqdn").unwrap_or(0);
            let (head, tail) = t.split_at(at);
            head.to_string() + &tail.replacen("        & $mark $testMark\n", "", 1)
        })),
        ("federation left, said to need no -Force", Box::new(|t: &str| t.replacen("& $mark @('left', 'accessedge', 'Global', $true)", "& $mark @('left', 'accessedge', 'Global', $false)", 1))),
        ("a failed test's Error and Diagnosis dropped from its mark", Box::new(|t: &str| t.replacen("                $testMark = @('test', $true, 'returned', $result.Result, $result.Error, $result.Diagnosis)\n", "", 1))),
        ("a step left alone marked as undone", Box::new(|t: &str| t.replacen("            & $mark @('skipped', 'not-changed')\n", "            & $mark @('removed', 'provider', 'LyncOnline')\n", 1))),
    ];
    for (what, change) in mutants {
        let (script, rollback) = texts(&seed());
        assert!(change(&script) != script || change(&rollback) != rollback, "{what}: the mutant changes nothing");
        let report = checks_of(change, &starts);
        assert!(report.has(REPORT), "{what}: not caught\n{}", report.summary());
    }
}

/// The first mark names the answers the script was written for, as its header's share link
/// does, for every answer set (the modelled shell runs scripts that differ only in this link
/// once, `shell::behaviour_of`), over the answer sets it samples; a script that changes nothing
/// prints no marks.
#[test]
fn the_first_mark_carries_the_headers_answers() {
    let mut checked = 0;
    for answers in support::sampled_answer_sets() {
        let (script, rollback) = texts(&answers);
        for text in [&script, &rollback] {
            let link = text.lines().find_map(|l| l.strip_prefix("#   Share link:")).map(|l| l.trim().trim_start_matches('#').to_string());
            let begin = text.lines().find_map(|l| l.trim_start().strip_prefix("& $mark @('begin', "));
            match (begin, link) {
                (Some(begin), Some(link)) => {
                    let quoted = lync_push_wizard::core::render::powershell::quote(&link);
                    assert!(begin.contains(&format!(", {quoted}, ")), "{begin} / {quoted}");
                    assert_eq!(link, to_fragment(&answers));
                    checked += 1;
                }
                (None, _) => assert!(!text.contains("& $mark"), "marks without a begin: {}", to_fragment(&answers)),
                (Some(_), None) => panic!("a first mark without a share link: {}", to_fragment(&answers)),
            }
        }
    }
    assert!(checked > 100, "{checked}");
}
