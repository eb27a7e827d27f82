//! The properties every generated script pair must have when run in the modelled shell. Every
//! run's end state, exit code, warnings, tests and undo record are held exactly to what
//! `expect` computes from the answers and the model; faults hit every call of every run, before
//! the call acts and after its write has committed.

use std::collections::BTreeMap;

use lync_push_wizard::core::{Answers, PoolVersion};

use super::expect::{
    configure_exit_code, configure_warnings, counted_tests, expect, expected_record, need, ocs_edge, read_record, record_folder, record_part_for,
    rollback_exit_code, rollback_expect, rollback_warnings, tests_called, warnings, Expect, Need, Record, Warning,
};
use super::model::{diff, Deployment, Fault, Machine, Routing, Shell, RECORD_NAME};
use super::starts::{Start, ROLLBACK_PATH};
use super::value::Kind;
use super::{RunOptions, RunResult, Script};

mod configure;
mod report;
mod rollback;
mod sequences;

use configure::*;
use rollback::*;
// Not every test target that includes the modelled shell runs sequences.
#[allow(unused_imports)]
pub use sequences::{check_sequence, check_sequence_with, Step};

pub const END_STATE: &str = "(a) right end state";
pub const EXIT_CODE: &str = "(a) $LASTEXITCODE";
pub const WARNINGS: &str = "(a) warnings by cause";
pub const TESTS: &str = "(a) tests run and their outcome";
pub const RECORD: &str = "(a) undo record";
pub const IDEMPOTENT: &str = "(b) idempotence";
pub const CRASH: &str = "(c) crash safety";
pub const ROLLBACK: &str = "(d) exact rollback";
pub const ROLLBACK_RERUN: &str = "(d) rollback re-runnable after a fault";
pub const RESPECTFUL: &str = "(e) respectful rollback";
pub const PREFLIGHT: &str = "(f) pre-flight";
pub const DOCUMENTED_ONLY: &str = "(g) documented properties only";
pub const SUBSET: &str = "modelled subset";
pub const NO_CHANGE: &str = "no-change verdicts";
pub const BOUNDED: &str = "bounded waiting";
pub const SEQUENCE: &str = "(h) sequences";
pub const OUTLINE: &str = "(i) what the run says: headings, Done, Stopped, exit";

#[derive(Default)]
pub struct Report {
    /// Property -> (number of failures, the first example of each kind of failure).
    pub findings: BTreeMap<&'static str, (usize, Vec<String>)>,
    kinds: BTreeMap<&'static str, Vec<String>>,
    pub runs: usize,
    pub faults: usize,
    /// Faults by where they hit: "<command> (before|after commit)".
    pub fault_sites: BTreeMap<String, usize>,
    pub sequences: usize,
    pub reads: BTreeMap<(Kind, String), usize>,
    /// Stop at the first finding (the mutation campaign only needs to know whether one exists).
    pub first_only: bool,
}

impl Report {
    /// Records a failure of `property`; the first example of each `kind` is kept.
    pub fn fail(&mut self, property: &'static str, kind: &str, example: String) {
        let entry = self.findings.entry(property).or_default();
        entry.0 += 1;
        let kinds = self.kinds.entry(property).or_default();
        if !kinds.iter().any(|k| k == kind) && kinds.len() < examples_per_property() {
            kinds.push(kind.to_string());
            entry.1.push(format!("[{kind}] {example}"));
        }
    }

    pub fn has(&self, property: &str) -> bool {
        self.findings.contains_key(property)
    }

    fn done(&self) -> bool {
        self.first_only && !self.findings.is_empty()
    }

    pub fn merge(&mut self, other: Report, weight: usize) {
        for (k, (n, examples)) in other.findings {
            let entry = self.findings.entry(k).or_default();
            entry.0 += n * weight;
            let kinds = self.kinds.entry(k).or_default();
            for (kind, e) in other.kinds.get(k).cloned().unwrap_or_default().into_iter().zip(examples) {
                if !kinds.contains(&kind) && kinds.len() < examples_per_property() {
                    kinds.push(kind);
                    entry.1.push(e);
                }
            }
        }
        self.runs += other.runs;
        self.faults += other.faults;
        self.sequences += other.sequences;
        for (k, n) in other.fault_sites {
            *self.fault_sites.entry(k).or_insert(0) += n;
        }
        for (k, n) in other.reads {
            *self.reads.entry(k).or_insert(0) += n;
        }
    }

    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (property, (n, examples)) in &self.findings {
            out.push_str(&format!("\n{property}: {n} failure(s)\n"));
            for e in examples {
                out.push_str(&format!("  e.g. {}\n", e.replace('\n', "\n       ")));
            }
        }
        out
    }

    pub fn total_reads(&self) -> usize {
        self.reads.values().sum()
    }
}

/// How many kinds of failure a report shows per property (`MODELLED_SHELL_EXAMPLES`, default 6).
fn examples_per_property() -> usize {
    std::env::var("MODELLED_SHELL_EXAMPLES").ok().and_then(|v| v.parse().ok()).unwrap_or(6)
}

pub struct Pair<'a> {
    pub label: String,
    pub answers: &'a Answers,
    pub script: &'a Script,
    pub rollback: &'a Script,
}

struct Runner<'r> {
    report: &'r mut Report,
    label: String,
}

/// The three ways an injected fault can hit the k-th call: it throws before it acts, or after
/// its write has committed, or it fails with an ordinary (non-terminating) error.
const MODES: [(bool, bool); 3] = [(false, false), (true, false), (false, true)];

fn fault(at: usize, (after_commit, non_terminating): (bool, bool)) -> Fault {
    Fault { at, after_commit, non_terminating }
}

fn mode_name(f: Fault) -> &'static str {
    match (f.after_commit, f.non_terminating) {
        (_, true) => "non-terminating",
        (true, false) => "after commit",
        (false, false) => "before",
    }
}

impl Runner<'_> {
    fn run(&mut self, script: &Script, machine: &mut Machine, path: Option<&str>, force: bool, fault: Option<Fault>, what: &str) -> RunResult {
        machine.next_run_with(fault);
        let before = machine.deployment.clone();
        let clock = machine.clock;
        let options = RunOptions { script_path: path.map(str::to_string), switches: if force { vec!["Force".into()] } else { Vec::new() } };
        let result = script.run(machine, &options);
        self.report.runs += 1;
        if let Some(f) = fault {
            self.report.faults += 1;
            if let Some(call) = result.calls.iter().find(|c| c.faulted) {
                *self.report.fault_sites.entry(format!("{} ({})", call.name, mode_name(f))).or_insert(0) += 1;
            }
        }
        for (k, n) in &machine.reads {
            *self.report.reads.entry(k.clone()).or_insert(0) += n;
        }
        if let Some(why) = &result.failure {
            self.report.fail(SUBSET, &kind_of(why), format!("{} / {what}: {why}", self.label));
        }
        if let Some(why) = &result.uncaught {
            if fault.is_none() {
                self.report.fail(SUBSET, "uncaught error", format!("{} / {what}: uncaught {why}", self.label));
            }
        }
        for v in &result.violations {
            self.report.fail(DOCUMENTED_ONLY, &kind_of(v), format!("{} / {what}: {v}", self.label));
        }
        self.outline(script, path, &result);
        if result.failure.is_none() {
            self.check_report(script, &before, machine, &result, force, what);
        }
        if machine.clock - clock > 30 * 60 {
            self.report.fail(BOUNDED, "long wait", format!("{} / {what}: waited {} simulated seconds", self.label, machine.clock - clock));
        }
        result
    }

    /// What every run says, whatever its outcome: the step headings in order (all of them when it
    /// finished, the first few when it stopped); a "Done" line only for a change that went
    /// through; "Stopped" exactly when it stopped; and `exit` only when run as a file (pasted, an
    /// `exit` would close the administrator's console).
    fn outline(&mut self, script: &Script, path: Option<&str>, result: &RunResult) {
        if script.titles.is_empty() {
            return;
        }
        let what = if script.titles[0].starts_with("Undo") { "rollback" } else { "script" };
        let said = |prefix: &str| result.output.iter().filter(|l| l.starts_with(prefix)).count();
        let headings: Vec<&String> = result.output.iter().filter(|l| l.starts_with("Step ") || l.starts_with("Undo step ")).collect();
        let stopped = result.exit_code == Some(1);
        let complete = headings.len() == script.titles.len() && headings.iter().zip(&script.titles).all(|(a, b)| *a == b);
        let prefix = headings.len() <= script.titles.len() && headings.iter().zip(&script.titles).all(|(a, b)| *a == b);
        if !(complete || (stopped && prefix)) {
            self.report.fail(OUTLINE, &format!("{what}: headings"), format!("{} / {what}: headings {headings:?}, expected {:?}", self.label, script.titles));
        }
        // Each step says what it did under its own heading: nothing indented before the first
        // heading's section, and something (an indented line or a warning) under every heading.
        if complete && !stopped {
            let mut sections: Vec<usize> = Vec::new();
            let mut before_first = 0;
            for line in &result.output {
                if line.starts_with("Step ") || line.starts_with("Undo step ") {
                    sections.push(0);
                } else if line.starts_with("  Done:") || line.starts_with("  Skipped:") || line.starts_with("  Result:") || line.starts_with("WARNING: Left as it is") {
                    match sections.last_mut() {
                        Some(n) => *n += 1,
                        None => before_first += 1,
                    }
                } else if line.starts_with("  ") || line.starts_with("WARNING: ") {
                    if let Some(n) = sections.last_mut() {
                        *n += 1;
                    }
                }
            }
            if before_first > 0 || sections.contains(&0) {
                self.report.fail(OUTLINE, &format!("{what}: a step's lines under another heading"), format!("{} / {what}: {before_first} outcome line(s) before the first heading; lines per heading {sections:?}", self.label));
            }
        }
        let done = said("  Done:");
        let went_through = result.calls.iter().filter(|c| c.changes && !c.faulted).count();
        if done != went_through {
            self.report.fail(OUTLINE, &format!("{what}: Done lines"), format!("{} / {what}: {done} Done line(s) for {went_through} change(s) that went through", self.label));
        }
        let stop_said = said("Stopped: ") + said("No undo record") + said("Nothing was undone") + usize::from(result.uncaught.is_some());
        let finish_said = said("Finished");
        // Stopped: exactly one stop line and no finish line. Not stopped: no stop line, and a
        // finish line when it succeeded.
        let said_right = if stopped { stop_said == 1 && finish_said == 0 } else { stop_said == 0 };
        if !said_right || (result.exit_code == Some(0) && finish_said == 0) {
            self.report.fail(
                OUTLINE,
                &format!("{what}: stop or finish line for exit {:?}", result.exit_code),
                format!("{} / {what}: exit {:?} with {stop_said} stop and {finish_said} finish line(s)", self.label, result.exit_code),
            );
        }
        let should_exit = path.is_some() && result.uncaught.is_none();
        if result.exited != should_exit {
            self.report.fail(
                OUTLINE,
                &format!("{what}: exit when {}", if path.is_some() { "run as a file" } else { "pasted" }),
                format!("{} / {what}: ran exit {}, run {}", self.label, result.exited, if path.is_some() { "as a file" } else { "pasted" }),
            );
        }
    }

    fn expect_code(&mut self, property: &'static str, what: &str, result: &RunResult, want: i64) {
        if result.exit_code != Some(want) {
            self.report.fail(
                property,
                &format!("{what}: exit code {:?} for {want}", result.exit_code),
                format!("{} / {what}: $LASTEXITCODE {:?}, expected {want}; output ends: {}", self.label, result.exit_code, tail(result)),
            );
        }
    }

    fn expect_warnings(&mut self, property: &'static str, what: &str, result: &RunResult, want: &[Warning]) {
        match warnings(&result.output) {
            Ok(got) if got == want => {}
            Ok(got) => self.report.fail(property, &format!("{what}: {got:?} for {want:?}"), format!("{} / {what}: warnings {got:?}, expected {want:?}", self.label)),
            Err(why) => self.report.fail(property, &format!("{what}: unknown warning"), format!("{} / {what}: {why}", self.label)),
        }
    }

    fn expect_state(&mut self, property: &'static str, what: &str, want: &Deployment, got: &Deployment, result: &RunResult) -> bool {
        if want != got {
            self.report.fail(property, &format!("{what}: {}", diff_kind(want, got)), format!("{} / {what}: {}; output ends: {}", self.label, show_diff(want, got), tail(result)));
            return false;
        }
        true
    }

    /// The record on disk equals `want` (None: no record at the record path).
    fn expect_record(&mut self, what: &str, machine: &Machine, folder: &str, want: Option<&Record>) {
        let path = format!("{folder}\\{RECORD_NAME}");
        let got = machine.files.get(&path).map(|(_, v)| read_record(v));
        match (got, want) {
            (None, None) => {}
            (Some(Ok(got)), Some(want)) if &got == want => {}
            (Some(Ok(got)), Some(want)) => self.report.fail(RECORD, &format!("{what}: content"), format!("{} / {what}: record {got:?}, expected {want:?}", self.label)),
            (Some(Err(why)), _) => self.report.fail(RECORD, &format!("{what}: unreadable"), format!("{} / {what}: {why}", self.label)),
            (None, Some(_)) => self.report.fail(RECORD, &format!("{what}: missing"), format!("{} / {what}: no record at {path}", self.label)),
            (Some(Ok(got)), None) => self.report.fail(RECORD, &format!("{what}: left behind"), format!("{} / {what}: a record remains: {got:?}", self.label)),
        }
    }

    /// At each change, the record on disk already held the part that describes it.
    fn expect_record_before_changes(&mut self, what: &str, machine: &Machine, scope: &str, end: &Record) {
        for (call, snapshot) in &machine.record_at_change {
            let want = match record_part_for(call, scope, end) {
                Ok(w) => w,
                Err(why) => {
                    self.report.fail(RECORD, "unexpected change", format!("{} / {what}: {why}", self.label));
                    continue;
                }
            };
            let got = match snapshot.as_ref().map(read_record) {
                Some(Ok(r)) => record_part_for(call, scope, &r).unwrap_or_default(),
                Some(Err(why)) => why,
                None => "no record".into(),
            };
            if got != want {
                self.report.fail(
                    RECORD,
                    &format!("{what}: {call} before its record"),
                    format!("{} / {what}: when {call} acted the record held {got}, not {want}", self.label),
                );
            }
        }
    }
}

/// A failure's kind: its message with line numbers and quoted values left out.
fn kind_of(message: &str) -> String {
    let body = message.split_once(": ").map(|(_, b)| b).unwrap_or(message);
    body.chars().filter(|c| !c.is_ascii_digit()).take(90).collect()
}

/// The shape of a difference, without values.
fn diff_kind(expected: &Deployment, actual: &Deployment) -> String {
    diff(expected, actual)
        .iter()
        .map(|l| {
            let l = l.split(" (").next().unwrap_or(l);
            match l.split_once(": ") {
                Some((head, field)) => format!("{head}: {}", field.split(' ').next().unwrap_or("")),
                None => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_diff(expected: &Deployment, actual: &Deployment) -> String {
    let lines = diff(expected, actual);
    if lines.is_empty() {
        "no difference".into()
    } else {
        format!("expected -> actual: {}", lines.join("; "))
    }
}

fn tail(result: &RunResult) -> String {
    let lines: Vec<&String> = result.output.iter().rev().take(3).collect();
    let mut text: Vec<String> = lines.into_iter().rev().cloned().collect();
    if let Some(u) = &result.uncaught {
        text.push(format!("uncaught: {u}"));
    }
    text.join(" | ")
}

/// The start as the answers' Edge makes it: an OCS 2007 R2 Edge was federated with
/// push.lync.com by hand (seed procedure B).
pub fn for_answers(answers: &Answers, start: &Start) -> Start {
    let mut start = start.clone();
    // Answers that name an existing provider are blocked where none federates with sipfed; so
    // that every other start is reached too, it gets the provider the answers name ('fresh'
    // keeps the blocked case).
    let d = &mut start.machine.deployment;
    if answers.provider_exists && start.name != "fresh" && d.provider_for(super::model::LYNC_ONLINE).is_none() && d.provider(&answers.provider_identity).is_none() {
        let mut p = super::model::HostingProvider::new(&answers.provider_identity, super::model::LYNC_ONLINE, true);
        p.enabled_shared_address_space = true;
        d.providers.push(p);
    }
    if ocs_edge(answers) {
        start.machine.deployment.edge =
            super::model::Edge::Ocs2007R2 { internal_fqdn: super::model::INTERNAL_EDGE_FQDN.into(), push_partner_added: true };
    }
    start
}

/// Runs every property check of one configuration/rollback pair against every start.
pub fn check_pair(pair: &Pair, starts: &[Start], first_only: bool) -> Report {
    let mut report = Report { first_only, ..Report::default() };
    let n = need(pair.answers);
    for start in starts {
        let start = for_answers(pair.answers, start);
        let mut r = Runner { report: &mut report, label: format!("{} from '{}'", pair.label, start.name) };
        if n.configure {
            check_configure(&mut r, pair, &start, &n);
        } else {
            check_no_change(&mut r, pair, &start);
        }
        if report.done() {
            break;
        }
    }
    report
}


/// Whether the steps run in a Lync Server pool's shell, restated from sfb-facts §6b: given, the
/// pool's version; not given, a Skype for Business Server Edge stands for a pool of its own
/// version and any other Edge for a Lync Server pool.
fn lync_pool(answers: &lync_push_wizard::core::Answers) -> bool {
    use lync_push_wizard::core::EdgeServer as E;
    match (answers.pool, answers.edge) {
        (Some(pool), _) => matches!(pool, PoolVersion::Lync2010 | PoolVersion::Lync2013),
        (None, edge) => !matches!(edge, Some(E::Sfb2015 | E::Sfb2019 | E::SfbSe)),
    }
}
