//! (j) The run report: every run's output, read back by `core::run_report` as the page and the
//! command line read it (and again as `Start-Transcript` keeps it, wrapped at 80 and at 37
//! columns), says what the model recorded: the script and answers, each step's heading, every
//! change the store shows, each test's outcome, the warnings by cause, the exit code, and the
//! next action the run calls for.

use lync_push_wizard::core::run_report::{self, Event, Item, ItemKind, Kind, Next, Replication, Run, Warning as Said};
use lync_push_wizard::core::RULES_VERSION;

use super::super::as_transcript;
use super::{diff, warnings, Deployment, Machine, RunResult, Runner, Script, Warning};

pub const REPORT: &str = "(j) the run report equals the run";

impl Runner<'_> {
    pub(super) fn check_report(&mut self, script: &Script, before: &Deployment, machine: &Machine, result: &RunResult, force: bool, what: &str) {
        let text = result.text();
        if script.titles.is_empty() {
            // A script that changes nothing prints no marks.
            if let Ok(run) = run_report::parse(&text) {
                self.report.fail(REPORT, "marks from a script without steps", format!("{} / {what}: {run:?}", self.label));
            }
            return;
        }
        let run = match run_report::parse(&text) {
            Ok(run) => run,
            Err(problem) => {
                self.report.fail(REPORT, &format!("unreadable: {}", kind_of(&problem)), format!("{} / {what}: {problem:?}; output ends: {:?}", self.label, tail(result)));
                return;
            }
        };
        // As a transcript keeps it: read the same (for runs without an injected fault, which do not
        // change what is printed, only where it ends).
        for width in if result.calls.iter().any(|c| c.faulted) { &[][..] } else { &[80, 37][..] } {
            match run_report::parse(&as_transcript(&result.output, *width)) {
                Ok(wrapped) if same(&wrapped, &run) => {}
                other => self.report.fail(REPORT, &format!("transcript at {width} columns"), format!("{} / {what}: {other:?}", self.label)),
            }
        }
        let mut findings: Vec<(&str, String)> = Vec::new();
        let mut check = |ok: bool, kind: &'static str, detail: &dyn Fn() -> String| {
            if !ok {
                findings.push((kind, detail()));
            }
        };
        let rollback = script.titles[0].starts_with("Undo");
        let kind = if rollback { Kind::Rollback } else { Kind::Configure };
        check(run.kind == kind && run.force == (rollback && force), "the script", &|| format!("{:?} force {}", run.kind, run.force));
        check(Some(&run.fragment) == script.fragment.as_ref() && run.rules == RULES_VERSION, "the answers", &|| format!("{} / {}", run.fragment, run.rules));
        let exit = if result.uncaught.is_some() { None } else { result.exit_code };
        check(run.exit_code == exit, "the exit code", &|| format!("report {:?}, run {exit:?}", run.exit_code));
        let numbers: Vec<usize> = run.steps.iter().skip(1).map(|step| step.number).collect();
        let headings = heading_numbers(&result.output);
        check(numbers == headings, "the steps", &|| format!("report {numbers:?}, headings {headings:?}"));
        // The changes: each one reported was made; one made but not reported only where the run
        // stopped on a call that failed after its write went through.
        let mut made: Vec<String> = diff(before, &machine.deployment).iter().map(|line| key_of(line)).collect();
        made.sort();
        let mut reported: Vec<String> = run.events().filter_map(|(_, event)| as_diff_line(event)).collect();
        reported.sort();
        let unreported: Vec<&String> = made.iter().filter(|line| !reported.contains(line)).collect();
        let committed_then_failed = result.calls.iter().any(|call| call.changes && call.faulted) && run.stopped().is_some();
        check(reported.iter().all(|line| made.contains(line)), "a change reported that was not made", &|| format!("report {reported:?}, made {made:?}"));
        check(unreported.is_empty() || (committed_then_failed && unreported.len() <= 2), "a change made that is not reported", &|| format!("report {reported:?}, made {made:?}"));
        let tests: Vec<bool> = run.steps.iter().flat_map(|step| step.tests().map(|test| test.passed())).collect();
        // The model's truth: each test call's outcome; a faulted call fails whatever it did (one
        // faulted after it acted is in the model's record, and is passed over there).
        let mut recorded = machine.tests.iter().map(|(_, passed)| *passed);
        let truth: Vec<bool> = result
            .calls
            .iter()
            .filter(|call| call.name.starts_with("Test-Cs"))
            .map(|call| match (call.faulted, machine.fault_after_commit && !machine.fault_non_terminating) {
                (false, _) => recorded.next().unwrap_or(false),
                (true, acted) => {
                    if acted {
                        recorded.next();
                    }
                    false
                }
            })
            .collect();
        check(tests == truth, "the tests' outcomes", &|| format!("report {tests:?}, model {truth:?}"));
        // A failed test's mark carries what the run said of it: the model's failures always have
        // an Error and a Diagnosis, and a throw its message.
        let said_why = run.steps.iter().flat_map(|step| step.tests()).all(|t| t.passed() || (!t.error.is_empty() && (t.threw || !t.diagnosis.is_empty())));
        check(said_why, "a failed test's Error or Diagnosis", &|| format!("{:?}", run.steps.iter().flat_map(|s| s.tests()).collect::<Vec<_>>()));
        let said = warnings(&result.output).unwrap_or_default();
        let (mut from_marks, mut from_text) = (marked_causes(&run), said.iter().filter_map(|w| cause_of(*w)).collect::<Vec<_>>());
        from_marks.sort();
        from_text.sort();
        check(from_marks == from_text, "the warnings", &|| format!("marks {from_marks:?}, output {from_text:?}"));
        let stopped_in = stop_heading(&result.output);
        let want = match (kind, exit) {
            (_, None) => Next::Unfinished,
            (_, Some(1)) => Next::FixAndRunAgain { step: stopped_in, message: run.stopped().map(|(_, m)| m.to_string()).unwrap_or_default() },
            (Kind::Configure, Some(2)) if said.iter().any(|w| matches!(w, Warning::ReplicasLate | Warning::ReplicationUnreadable)) => Next::WaitThenTestAgain,
            (Kind::Configure, Some(2)) => Next::Troubleshoot,
            (Kind::Configure, Some(_)) => Next::Done,
            (Kind::Rollback, Some(3)) => Next::RunWithForce(force_items(&said, &run)),
            (Kind::Rollback, Some(_)) => Next::Undone,
        };
        let got = run_report::next(&run);
        check(got == want, "the next action", &|| format!("report {got:?}, expected {want:?}"));
        for (kind, detail) in findings {
            self.report.fail(REPORT, kind, format!("{} / {what}: {detail}", self.label));
        }
    }
}

fn kind_of(problem: &run_report::Problem) -> String {
    format!("{problem:?}").split([' ', '{']).next().unwrap_or_default().to_string()
}

fn tail(result: &RunResult) -> Vec<&String> {
    result.output.iter().rev().take(4).collect()
}

/// Two reads of the same run, the lines they were found on aside.
fn same(a: &Run, b: &Run) -> bool {
    let strip = |run: &Run| {
        let mut run = run.clone();
        run.line = 0;
        for step in &mut run.steps {
            step.line = 0;
        }
        run
    };
    strip(a) == strip(b)
}

/// The number of each step heading the run printed ("Step 3 of 6: …", "Undo step 3 (…").
fn heading_numbers(output: &[String]) -> Vec<usize> {
    output
        .iter()
        .filter_map(|line| {
            let rest = line.strip_prefix("Step ").or_else(|| line.strip_prefix("Undo step "))?;
            rest.split([' ', ':']).next()?.parse().ok()
        })
        .collect()
}

/// The step whose heading came last before the "Stopped" line (0: the pre-flight's).
fn stop_heading(output: &[String]) -> usize {
    let stop = output.iter().position(|line| line.starts_with("Stopped: ") || line.starts_with("No undo record") || line.starts_with("Nothing was undone"));
    heading_numbers(&output[..stop.unwrap_or(output.len())]).last().copied().unwrap_or(0)
}

/// A model diff line by the item alone where the report names only the item.
fn key_of(line: &str) -> String {
    match line.strip_prefix("created ").or_else(|| line.strip_prefix("removed ")) {
        Some(_) => line.split(" (").next().unwrap_or(line).to_string(),
        None => line.to_string(),
    }
}

fn item_key(item: &Item) -> String {
    match item.kind {
        ItemKind::Provider => format!("hosting provider {}", item.identity),
        ItemKind::AllowedDomain => format!("allowed domain {}", item.identity.to_ascii_lowercase()),
        ItemKind::PushSettings => format!("push settings {}", item.identity),
        ItemKind::AccessEdge => "Access Edge configuration".to_string(),
    }
}

/// A reported change as the model's diff writes it (tests/shell/model/diff.rs).
fn as_diff_line(event: &Event) -> Option<String> {
    match event {
        Event::Created(item) => Some(format!("created {}", item_key(item))),
        Event::Removed(item) => Some(format!("removed {}", item_key(item))),
        Event::Set { item, property, from, to } => Some(format!("{}: {property} {from} -> {to}", item_key(item))),
        _ => None,
    }
}

/// The causes the marks give, in the output's terms.
fn marked_causes(run: &Run) -> Vec<Warning> {
    run.events()
        .filter_map(|(_, event)| match event {
            Event::Warning { warning, .. } => Some(match warning {
                Said::ProviderOtherIdentity => Warning::ProviderOtherIdentity,
                Said::ProviderDisabled => Warning::ProviderDisabled,
                Said::RoutingUnknown => Warning::RoutingUnknown,
                Said::EdgeFqdnNotAPool => Warning::EdgeFqdnMismatch,
                Said::SiteOverridesGlobal => Warning::SiteOverridesGlobal,
                Said::TestNotCounted => Warning::OcsPrecondition,
                Said::EarlierRecord => Warning::LegacyRecord,
            }),
            Event::Replication(Replication::Seen { pending, .. }) if *pending > 0 => Some(Warning::ReplicasLate),
            Event::Replication(Replication::Unread(_)) => Some(Warning::ReplicationUnreadable),
            Event::Left { item, force_undoes } => Some(match (item.kind, force_undoes) {
                (ItemKind::AccessEdge, _) => Warning::FederationLeftOn,
                (ItemKind::PushSettings, _) => Warning::CreatedSiteChanged,
                (ItemKind::Provider, false) => Warning::ProviderNowHybrid,
                (ItemKind::Provider, true) => Warning::ProviderChanged,
                (ItemKind::AllowedDomain, _) => Warning::DomainChanged,
            }),
            _ => None,
        })
        .collect()
}

/// The warnings of the output a mark also tells (the rest are the closing lines' and the
/// verdict's, which the exit code tells).
fn cause_of(warning: Warning) -> Option<Warning> {
    match warning {
        Warning::TestsFailed | Warning::NoStepsVerdict | Warning::NeedsForce => None,
        other => Some(other),
    }
}

/// What -Force would undo, by the output's warnings, named as the marks name them.
fn force_items(said: &[Warning], run: &Run) -> Vec<Item> {
    let identity = |kind: ItemKind| {
        run.events().find_map(|(_, e)| match e {
            Event::Left { item, .. } if item.kind == kind => Some(item.identity.clone()),
            _ => None,
        })
    };
    said.iter()
        .filter_map(|w| match w {
            Warning::FederationLeftOn => Some(ItemKind::AccessEdge),
            Warning::DomainChanged => Some(ItemKind::AllowedDomain),
            Warning::ProviderChanged => Some(ItemKind::Provider),
            _ => None,
        })
        .map(|kind| Item { kind, identity: identity(kind).unwrap_or_default() })
        .collect()
}
