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

fn check_no_change(r: &mut Runner, pair: &Pair, start: &Start) {
    // A verdict that blocks (push needed, no steps written) is the script's one warning.
    let plan = lync_push_wizard::core::plan(pair.answers).expect("valid answers");
    let warned = usize::from(matches!(plan.decision.verdict, lync_push_wizard::core::Verdict::Blocked { .. }));
    for (script, what) in [(pair.script, "script"), (pair.rollback, "rollback")] {
        let mut m = start.machine.clone();
        let result = r.run(script, &mut m, start.script_path, false, None, what);
        let files_changed = !m.files.keys().eq(start.machine.files.keys());
        if m.deployment != start.machine.deployment || !result.changing_calls().is_empty() || files_changed {
            r.report.fail(NO_CHANGE, what, format!("{} / {what}: {}", r.label, show_diff(&start.machine.deployment, &m.deployment)));
        }
        let warnings = result.output.iter().filter(|l| l.starts_with("WARNING: ")).count();
        let want_warnings = if what == "script" { warned } else { 0 };
        if warnings != want_warnings {
            r.report.fail(NO_CHANGE, &format!("{what}: warnings"), format!("{} / {what}: {warnings} warnings, expected {want_warnings}", r.label));
        }
    }
}

/// The checks of one complete configuration run that started on `before` with the record
/// `earlier`, left the machine `m`; returns the record it must have left.
#[allow(clippy::too_many_arguments)]
fn check_complete_run(r: &mut Runner, pair: &Pair, before: &Deployment, earlier: Option<&Record>, m: &Machine, result: &RunResult, folder: &str, what: &str) -> Record {
    let answers = pair.answers;
    let n = need(answers);
    r.expect_code(EXIT_CODE, what, result, configure_exit_code(answers, m));
    r.expect_warnings(WARNINGS, what, result, &configure_warnings(answers, before, m));
    let called: Vec<&str> = m.tests.iter().map(|(t, _)| t.as_str()).collect();
    if called != tests_called(answers) {
        r.report.fail(TESTS, &format!("{what}: tests called"), format!("{} / {what}: called {called:?}, expected {:?}", r.label, tests_called(answers)));
    }
    // Each test ran when it could pass: after replication, if replication comes in time.
    for (test, truth) in counted_tests(answers, m) {
        if let Some((_, outcome)) = m.tests.iter().find(|(t, _)| t == test) {
            if *outcome != truth {
                r.report.fail(TESTS, &format!("{what}: {test} outcome"), format!("{} / {what}: {test} {}, but would {} on this store", r.label, pass(*outcome), pass(truth)));
            }
        }
    }
    let failing = counted_tests(answers, m).iter().filter(|(_, pass)| !pass).count();
    if failing > 0 && !result.output.iter().any(|l| l.contains(&format!("but {failing} test(s) did not pass"))) {
        r.report.fail(WARNINGS, &format!("{what}: failed-test count"), format!("{} / {what}: the warning does not say {failing} test(s) failed", r.label));
    }
    // The wait ends within one 15-second check of the last replica catching up, or after 5 minutes.
    let waited = m.clock - m.run_started;
    let needed = match (m.last_change, m.replication_delay) {
        (Some(at), Some(delay)) if m.replicated_within(300) => (at + m.replication_start + delay - m.run_started).max(0),
        (Some(_), _) => 300,
        (None, _) => 0,
    };
    if waited > needed + 15 {
        r.report.fail(BOUNDED, &format!("{what}: waited too long"), format!("{} / {what}: waited {waited} s where {needed} s were needed", r.label));
    }
    before_federation(r, before, m, result, what);
    site_overrides_under_their_step(r, result, what);
    let record = expected_record(earlier, answers, before, m.run_started);
    r.expect_record(what, m, folder, Some(&record));
    r.expect_record_before_changes(what, m, &n.scope, &record);
    record
}

/// Before federation is turned on, its step shows what that means (the script's own addition,
/// said in its comments): partner discovery where the routing is known to be DNS SRV (by the
/// object's type, or RoutingMethod when deserialized; lync-objects §4), then every external
/// access policy's EnableFederationAccess, in the store's order, all before the step's outcome.
fn before_federation(r: &mut Runner, before: &Deployment, m: &Machine, result: &RunResult, what: &str) {
    let Some(heading) = result.output.iter().position(|l| l.starts_with("Step ") && l.ends_with(": Enable federation on the Access Edge")) else {
        return;
    };
    let outcome = result.output[heading..].iter().position(|l| l.starts_with("  Done: the Access Edge") || l.starts_with("  Skipped: the Access Edge")).map_or(result.output.len(), |at| heading + at);
    let said: Vec<&str> = result.output[heading..outcome]
        .iter()
        .filter(|l| l.starts_with("  Partner discovery") || l.starts_with("  External access policy"))
        .map(String::as_str)
        .collect();
    let edge = &before.access_edge;
    let routing_known = !m.deserialized || edge.routing_method_shown;
    let mut want: Vec<String> = Vec::new();
    if edge.routing == Routing::DnsSrv && routing_known {
        want.push(format!("  Partner discovery (EnablePartnerDiscovery): {}", shown(edge.enable_partner_discovery)));
    }
    for (identity, on) in &before.external_access {
        want.push(format!("  External access policy {identity}, EnableFederationAccess: {}", shown(*on)));
    }
    if said != want {
        r.report.fail(OUTLINE, &format!("{what}: before federation"), format!("{} / {what}: before the federation change it said {said:?}, expected {want:?}", r.label));
    }
}

/// A Boolean as PowerShell writes it into a string.
fn shown(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// A site whose settings keep a needed service off is named under the step that turns push on,
/// where the administrator reads about push settings, not under the next step's heading.
fn site_overrides_under_their_step(r: &mut Runner, result: &RunResult, what: &str) {
    let mut heading = "";
    for line in &result.output {
        if line.starts_with("Step ") || line.starts_with("Before the tests") {
            heading = line;
        } else if line.starts_with("WARNING: Settings ") && !heading.contains(": Turn on push notifications") {
            r.report.fail(OUTLINE, &format!("{what}: site override under another step"), format!("{} / {what}: {line:?} under {heading:?}", r.label));
        }
    }
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "passed"
    } else {
        "failed"
    }
}

fn check_configure(r: &mut Runner, pair: &Pair, start: &Start, n: &Need) {
    let path = start.script_path;
    let rollback_path = path.map(|_| ROLLBACK_PATH);
    let expected = expect(pair.answers, start);
    let before = start.machine.deployment.clone();
    let folder = record_folder(start);

    // (a) the first run.
    let mut m1 = start.machine.clone();
    let first = r.run(pair.script, &mut m1, path, false, None, "first run");
    let store_calls = first.calls.len();
    let end = match &expected {
        Expect::Blocked(why) => {
            if m1.deployment != before || !first.changing_calls().is_empty() {
                r.report.fail(END_STATE, why, format!("{} ({why}): must change nothing, but {}", r.label, show_diff(&before, &m1.deployment)));
            }
            r.expect_code(EXIT_CODE, &format!("blocked ({why})"), &first, 1);
            r.expect_warnings(WARNINGS, &format!("blocked ({why})"), &first, &[]);
            r.expect_record(&format!("blocked ({why})"), &m1, &folder, None);
            preflight(r, pair, start, &first);
            // Blocked, its rollback finds no record and changes nothing.
            check_rollback(r, pair, &before, &m1, None, rollback_path, "rollback after a blocked run");
            return;
        }
        Expect::Changed(end) => end.clone(),
    };
    if !r.expect_state(END_STATE, &format!("from {}", start.name), &end, &m1.deployment, &first) {
        return;
    }
    let record = check_complete_run(r, pair, &before, None, &m1, &first, &folder, "first run");

    // (b) a second run changes nothing, says so, and keeps the record as it was.
    let mut m2 = m1.clone();
    let second = r.run(pair.script, &mut m2, path, false, None, "second run");
    if m2.deployment != end || !second.changing_calls().is_empty() {
        let calls: Vec<&str> = second.changing_calls().iter().map(|c| c.name.as_str()).collect();
        r.report.fail(IDEMPOTENT, &format!("changes from {}", start.name), format!("{}: second run {}; calls {calls:?}", r.label, show_diff(&end, &m2.deployment)));
    }
    check_complete_run(r, pair, &end, Some(&record), &m2, &second, &folder, "second run");
    let change_steps = if n.hosting_provider { 4 } else { 2 };
    let skipped = second.output.iter().filter(|l| l.trim_start().starts_with("Skipped")).count();
    if skipped < change_steps {
        r.report.fail(IDEMPOTENT, "Skipped", format!("{}: second run says Skipped {skipped} times for {change_steps} change steps", r.label));
    }
    if r.report.done() {
        return;
    }

    // (d) the rollback, without and with -Force, after an uninterrupted run.
    check_rollback(r, pair, &before, &m1, Some(&record), rollback_path, "rollback");
    if r.report.done() {
        return;
    }

    // (c) a fault at each call in turn, before it acts or after it has, then the rollback; or
    // a clean re-run, then the rollback.
    for k in 1..=store_calls {
        for mode in MODES {
            let mut m = start.machine.clone();
            let fault = fault(k, mode);
            let faulted = r.run(pair.script, &mut m, path, false, Some(fault), "faulted run");
            let call = faulted.calls.iter().find(|c| c.faulted).map(|c| c.name.clone()).unwrap_or_default();
            let what = format!("fault {} call {k} ({call})", mode_name(fault));
            // A fault stops the script ($LASTEXITCODE 1), unless it hit a read-only call (a
            // test, the replication status) after every change was made: then it is reported
            // and the script goes on to count it.
            let read_only = call.starts_with("Get-Cs") || call.starts_with("Test-Cs");
            if read_only && m.deployment == end {
                if !faulted.text().contains("injected fault") {
                    r.report.fail(CRASH, &format!("fault at {call} not reported"), format!("{} / {what}: the fault is not reported; output ends: {}", r.label, tail(&faulted)));
                }
            } else {
                r.expect_code(CRASH, &what, &faulted, 1);
            }
            // The rollback straight after the interrupted run undoes what that run changed.
            let mut m_undo = m.clone();
            let undo = r.run(pair.rollback, &mut m_undo, rollback_path, false, None, "rollback after a fault");
            let want = rollback_expect(&before, &m.deployment, &m.deployment, false);
            r.expect_state(ROLLBACK, &format!("right after a {what}"), &want, &m_undo.deployment, &undo);
            // A clean re-run finishes the work, with the record a clean run leaves.
            let mut m_re = m.clone();
            let rerun = r.run(pair.script, &mut m_re, path, false, None, "re-run after a fault");
            if !r.expect_state(CRASH, &format!("{what}, then a re-run"), &end, &m_re.deployment, &rerun) {
                continue;
            }
            r.expect_code(CRASH, &format!("{what}, then a re-run"), &rerun, configure_exit_code(pair.answers, &m_re));
            r.expect_record(&format!("{what}, then a re-run"), &m_re, &folder, Some(&record));
            let mut m_rb = m_re.clone();
            let rb = r.run(pair.rollback, &mut m_rb, rollback_path, false, None, "rollback after fault and re-run");
            let want = rollback_expect(&before, &end, &end, false);
            r.expect_state(ROLLBACK, &format!("{what}, a re-run, then the rollback"), &want, &m_rb.deployment, &rb);
            if r.report.done() {
                return;
            }
        }
    }

    // (e) someone changed things since: the rollback leaves them (and warns) unless -Force.
    respectful(r, pair, n, &before, &m1, rollback_path);
}

/// The rollback after a configuration run left `m1`, without and with -Force: its end state,
/// exit code, warnings and record; run again after success it changes nothing; a fault at each
/// of its calls, then a re-run, ends the same.
fn check_rollback(r: &mut Runner, pair: &Pair, before: &Deployment, m1: &Machine, record: Option<&Record>, path: Option<&str>, what: &str) {
    let after = &m1.deployment;
    for force in [false, true] {
        let mode = if force { format!("{what} -Force") } else { what.to_string() };
        let want = rollback_expect(before, after, after, force);
        let want_warnings = if record.is_some() { rollback_warnings(before, after, after, force) } else { Vec::new() };
        let want_code = rollback_exit_code(record.is_some(), &want_warnings);
        let mut m = m1.clone();
        let result = r.run(pair.rollback, &mut m, path, force, None, &mode);
        r.expect_state(ROLLBACK, &mode, &want, &m.deployment, &result);
        r.expect_code(ROLLBACK, &mode, &result, want_code);
        r.expect_warnings(ROLLBACK, &mode, &result, &want_warnings);
        check_retired(r, &mode, m1, &m, want_code);
        // Run again: after success it finds no record and changes nothing; after a stop for
        // -Force, -Force finishes the job.
        let mut again = m.clone();
        let rerun = r.run(pair.rollback, &mut again, path, force, None, "rollback run again");
        if want_code == 0 {
            r.expect_state(ROLLBACK, &format!("{mode}, run again"), &m.deployment, &again.deployment, &rerun);
            r.expect_code(ROLLBACK, &format!("{mode}, run again"), &rerun, 1);
            if !rerun.changing_calls().is_empty() {
                r.report.fail(ROLLBACK, "run again: calls", format!("{} / {mode}, run again: changing calls", r.label));
            }
        }
        if want_code == 3 {
            let mut then = m.clone();
            let forced = r.run(pair.rollback, &mut then, path, true, None, "rollback -Force after a rollback without it");
            let want_forced = rollback_expect(before, after, after, true);
            r.expect_state(ROLLBACK, &format!("{mode}, then -Force"), &want_forced, &then.deployment, &forced);
            r.expect_code(ROLLBACK, &format!("{mode}, then -Force"), &forced, 0);
        }
        if !force && record.is_some() {
            wrong_shell(r, pair, m1, path, &mode);
            legacy_entry(r, pair, m1, path, &mode, &want, &want_warnings, want_code);
        }
        // A fault at each call of the rollback, before or after it acts, then a clean re-run.
        for j in 1..=result.calls.len() {
            for fault_mode in MODES {
                let mut mf = m1.clone();
                let f = fault(j, fault_mode);
                let faulted = r.run(pair.rollback, &mut mf, path, force, Some(f), "faulted rollback");
                let call = faulted.calls.iter().find(|c| c.faulted).map(|c| c.name.clone()).unwrap_or_default();
                let label = format!("{mode} with a fault {} call {j} ({call})", mode_name(f));
                let after_commit = f.after_commit;
                r.expect_code(ROLLBACK_RERUN, &label, &faulted, 1);
                let rerun = r.run(pair.rollback, &mut mf, path, force, None, "rollback re-run");
                r.expect_state(ROLLBACK_RERUN, &format!("{label}, then re-run"), &want, &mf.deployment, &rerun);
                // The re-run ends as an uninterrupted rollback would, except that a rename that
                // committed before its fault leaves no record to find.
                let renamed = call == "Rename-Item" && after_commit;
                r.expect_code(ROLLBACK_RERUN, &format!("{label}, then re-run"), &rerun, if renamed { 1 } else { want_code });
                if r.report.done() {
                    return;
                }
            }
        }
    }
}

/// The rollback started in a shell without its cmdlets, with the record there: it stops before
/// any change, keeps the record and names what is missing.
fn wrong_shell(r: &mut Runner, pair: &Pair, m1: &Machine, path: Option<&str>, mode: &str) {
    for shell in [Shell::PlainPowerShell, Shell::Lync { push_cmdlets: false }] {
        let what = format!("{mode} in {shell:?}");
        let mut m = m1.clone();
        m.deployment.shell = shell.clone();
        let want = m.deployment.clone();
        let result = r.run(pair.rollback, &mut m, path, false, None, &what);
        r.expect_state(ROLLBACK, &what, &want, &m.deployment, &result);
        r.expect_code(ROLLBACK, &what, &result, 1);
        check_retired(r, &what, m1, &m, 1);
        let text = result.text();
        let named = match shell {
            Shell::PlainPowerShell => text.contains("this is not the") && text.contains("Server Management Shell"),
            Shell::Lync { .. } => pair
                .rollback
                .commands
                .iter()
                .filter(|c| super::model::spec(c).is_some_and(|s| s.group == super::model::Group::LyncPush))
                .all(|c| text.contains(c.as_str())),
        };
        if !named {
            r.report.fail(PREFLIGHT, &format!("{what}: names"), format!("{} / {what}: the missing cmdlets are not named; output ends: {}", r.label, tail(&result)));
        }
        let lync_pool = lync_pool(pair.answers);
        let lower = text.to_lowercase();
        if lync_pool && matches!(shell, Shell::Lync { .. }) && !(lower.contains("november 2011") && lower.contains("cumulative update")) {
            r.report.fail(PREFLIGHT, &format!("{what}: cumulative update"), format!("{} / {what}: the November 2011 cumulative update is not named", r.label));
        }
    }
}

/// A record that also holds an earlier version's push entry: the rollback does the same and says
/// that it leaves that entry to the administrator.
#[allow(clippy::too_many_arguments)]
fn legacy_entry(r: &mut Runner, pair: &Pair, m1: &Machine, path: Option<&str>, mode: &str, want: &Deployment, warnings: &[Warning], code: i64) {
    use super::value::{clixml_copy, Value};
    let what = format!("{mode} with an earlier version's entry");
    let mut m = m1.clone();
    let Some((record_path, value)) = m.record() else { return };
    let copy = clixml_copy(&value).expect("a record copies");
    if let Value::Hash(t) = &copy {
        let legacy = Value::hash(vec![("Identity".into(), Value::str("Global")), ("Apple".into(), Value::Bool(false)), ("Microsoft".into(), Value::Bool(false))]);
        t.borrow_mut().set("PushBefore", legacy);
    }
    m.files.insert(record_path.to_ascii_lowercase(), (record_path, copy));
    let result = r.run(pair.rollback, &mut m, path, false, None, &what);
    r.expect_state(ROLLBACK, &what, want, &m.deployment, &result);
    let mut with_legacy = warnings.to_vec();
    with_legacy.push(Warning::LegacyRecord);
    with_legacy.sort();
    r.expect_warnings(ROLLBACK, &what, &result, &with_legacy);
    r.expect_code(ROLLBACK, &what, &result, code);
}

/// A rollback that finished (0) retires the record: none is left at its path and a `.done.xml`
/// copy is kept; one that did not (3, 1) leaves the record as it was.
fn check_retired(r: &mut Runner, what: &str, before: &Machine, after: &Machine, code: i64) {
    let Some((path, value)) = before.record() else { return };
    let key = path.to_ascii_lowercase();
    let now = after.files.get(&key);
    match code {
        0 => {
            if now.is_some() {
                r.report.fail(RECORD, &format!("{what}: not retired"), format!("{} / {what}: the record is still at {path} after a finished rollback", r.label));
            }
            if !after.files.keys().any(|k| k.ends_with(".done.xml")) {
                r.report.fail(RECORD, &format!("{what}: no done copy"), format!("{} / {what}: no .done.xml copy of the record", r.label));
            }
        }
        _ => {
            let same = now.is_some_and(|(_, v)| super::value::same(v, &value));
            if !same {
                r.report.fail(RECORD, &format!("{what}: record not kept"), format!("{} / {what}: exit {code}, but the record at {path} changed or went", r.label));
            }
        }
    }
}

/// A change someone made after the script ran.
type Scenario = (&'static str, Box<dyn Fn(&mut Deployment)>);

fn respectful(r: &mut Runner, pair: &Pair, n: &Need, before: &Deployment, m1: &Machine, path: Option<&str>) {
    let after = &m1.deployment;
    let mut scenarios: Vec<Scenario> = Vec::new();
    let identity = n.identity;
    if after.provider(identity).is_some() && before.provider(identity).is_none() {
        scenarios.push(("the created provider now has EnabledSharedAddressSpace True", Box::new(move |d: &mut Deployment| {
            d.providers.iter_mut().find(|p| p.identity == identity).unwrap().enabled_shared_address_space = true;
        })));
        scenarios.push(("the created provider was disabled since", Box::new(move |d: &mut Deployment| {
            d.providers.iter_mut().find(|p| p.identity == identity).unwrap().enabled = false;
        })));
        scenarios.push(("the created provider hosts OCS users since", Box::new(move |d: &mut Deployment| {
            d.providers.iter_mut().find(|p| p.identity == identity).unwrap().hosts_ocs_users = true;
        })));
    }
    if after.is_allowed(super::model::PUSH_DOMAIN) && !before.is_allowed(super::model::PUSH_DOMAIN) {
        scenarios.push(("the created allowed domain got a comment since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::model::PUSH_DOMAIN).unwrap().comment = Some("kept for the pilot".into());
        })));
        scenarios.push(("the created allowed domain got a ProxyFqdn since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::model::PUSH_DOMAIN).unwrap().proxy_fqdn = Some("sipfed.online.lync.com".into());
        })));
        scenarios.push(("the created allowed domain is monitored since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::model::PUSH_DOMAIN).unwrap().mark_for_monitoring = true;
        })));
    }
    // A push switch the script never touched, changed since at the same scope.
    if n.apns != n.mpns {
        let scope = n.scope.clone();
        let apns = n.apns;
        scenarios.push(("the switch the script never touched was changed", Box::new(move |d: &mut Deployment| {
            let p = d.push_settings_mut(&scope).unwrap();
            if apns {
                p.microsoft = !p.microsoft;
            } else {
                p.apple = !p.apple;
            }
        })));
    }
    // Federation turned off since by someone else.
    if after.access_edge.allow_federated_users && !before.access_edge.allow_federated_users {
        scenarios.push(("federation was turned off since", Box::new(|d: &mut Deployment| d.access_edge.allow_federated_users = false)));
    }
    for (name, change) in scenarios {
        let mut now_machine = m1.clone();
        change(&mut now_machine.deployment);
        let now = now_machine.deployment.clone();
        for force in [false, true] {
            let mode = format!("{name} / {}", if force { "rollback -Force" } else { "rollback" });
            let want = rollback_expect(before, after, &now, force);
            let want_warnings = rollback_warnings(before, after, &now, force);
            let mut m = now_machine.clone();
            let result = r.run(pair.rollback, &mut m, path, force, None, &mode);
            r.expect_state(RESPECTFUL, &mode, &want, &m.deployment, &result);
            r.expect_warnings(RESPECTFUL, &mode, &result, &want_warnings);
            r.expect_code(RESPECTFUL, &mode, &result, rollback_exit_code(true, &want_warnings));
        }
    }
}

fn preflight(r: &mut Runner, pair: &Pair, start: &Start, first: &RunResult) {
    let shell = &start.machine.deployment.shell;
    let missing: Vec<&String> = pair
        .script
        .commands
        .iter()
        .filter(|c| match shell {
            Shell::PlainPowerShell => c.contains("-Cs"),
            Shell::Lync { push_cmdlets: false } => super::model::spec(c).is_some_and(|s| s.group == super::model::Group::LyncPush),
            Shell::Lync { push_cmdlets: true } => false,
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    let text = first.text();
    let unnamed: Vec<&&String> = missing.iter().filter(|c| !text.contains(c.as_str())).collect();
    // Outside the Lync shell every *-Cs* cmdlet is missing: saying that this is not the Lync
    // Server Management Shell names the cause as well as a list would.
    let said_not_lync = matches!(shell, Shell::PlainPowerShell) && text.contains("this is not the") && text.contains("Server Management Shell");
    if !unnamed.is_empty() && !said_not_lync {
        r.report.fail(PREFLIGHT, &format!("names from {}", start.name), format!("{}: the output does not name {unnamed:?}; output ends: {}", r.label, tail(first)));
    }
    // Only a Lync Server pool can lack the push cmdlets (push-facts §2: Lync Server 2010 before the
    // November 2011 update); every Skype for Business Server version has them (sfb-facts §4), so a
    // Skype for Business script names the missing cmdlets without blaming that update.
    if lync_pool(pair.answers) && matches!(shell, Shell::Lync { push_cmdlets: false }) {
        let lower = text.to_lowercase();
        if !(lower.contains("november 2011") && lower.contains("cumulative update")) {
            r.report.fail(PREFLIGHT, "cumulative update", format!("{}: the output does not mention the Lync Server 2010 November 2011 cumulative update", r.label));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sequences
// ---------------------------------------------------------------------------------------------

/// One step of a sequence: a configuration run, or a rollback (with or without -Force).
#[derive(Clone, Copy)]
pub enum Step<'a> {
    Configure(&'a Pair<'a>),
    Rollback(&'a Pair<'a>, bool),
}

/// What the store and the record must be after each step of a sequence, from the start.
struct Truth {
    deployment: Deployment,
    /// The store when the current record was begun (what a rollback goes back to).
    record_base: Option<Deployment>,
    /// The store after the last configuration run since then.
    configured: Option<Deployment>,
    record: Option<Record>,
}

/// Runs the steps one after the other from `start`; every state, record and exit code on the
/// way is held to what the earlier steps make true. Then again with a fault at each call of each
/// step, before and after it acts, followed by that step again: the sequence ends the same.
pub fn check_sequence(name: &str, steps: &[Step], start: &Start, first_only: bool) -> Report {
    check_sequence_with(name, steps, start, first_only, true)
}

/// As `check_sequence`; without `faults`, only the clean pass.
pub fn check_sequence_with(name: &str, steps: &[Step], start: &Start, first_only: bool, faults: bool) -> Report {
    let mut report = Report { first_only, ..Report::default() };
    report.sequences += 1;
    let label = format!("sequence '{name}' from '{}'", start.name);
    let mut r = Runner { report: &mut report, label: label.clone() };
    let Some((end, calls)) = run_sequence(&mut r, steps, start, None) else { return report };
    if !faults {
        return report;
    }
    for (i, n_calls) in calls.iter().enumerate() {
        for k in 1..=*n_calls {
            for mode in MODES {
                let f = fault(k, mode);
                r.label = format!("{label}, fault {} call {k} of step {}", mode_name(f), i + 1);
                if let Some((got, _)) = run_sequence(&mut r, steps, start, Some((i, f))) {
                    if got != end {
                        r.report.fail(SEQUENCE, "state after a faulted step and its re-run", format!("{}: {}", r.label, show_diff(&end, &got)));
                    }
                }
                if r.report.done() {
                    return report;
                }
            }
        }
    }
    report
}

/// One pass through a sequence; with `fault`, that step is faulted once and run again. Returns
/// the end state and each step's number of calls, or None if a step went wrong (reported).
fn run_sequence(r: &mut Runner, steps: &[Step], start: &Start, fault: Option<(usize, Fault)>) -> Option<(Deployment, Vec<usize>)> {
    let mut m = start.machine.clone();
    let folder = record_folder(start);
    let path = start.script_path;
    let rollback_path = path.map(|_| ROLLBACK_PATH);
    let mut truth = Truth { deployment: m.deployment.clone(), record_base: None, configured: None, record: None };
    let mut calls = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let what = format!("step {}", i + 1);
        // The start of a faulted run that reached a change: its ChangeStart is on disk.
        let mut faulted_change_start = None;
        if let Some((at, f)) = fault {
            if at == i {
                let (script, p, force) = match step {
                    Step::Configure(pair) => (pair.script, path, false),
                    Step::Rollback(pair, force) => (pair.rollback, rollback_path, *force),
                };
                let faulted = r.run(script, &mut m, p, force, Some(f), &format!("{what}, faulted"));
                if faulted.calls.iter().any(|c| c.changes) {
                    faulted_change_start = Some(m.run_started);
                }
                if faulted.exit_code != Some(1) && faulted.calls.iter().find(|c| c.faulted).is_some_and(|c| !c.name.starts_with("Test-Cs") && !c.name.starts_with("Get-Cs")) {
                    r.expect_code(SEQUENCE, &format!("{what}, faulted"), &faulted, 1);
                }
            }
        }
        match step {
            Step::Configure(pair) => {
                let mut at = start.clone();
                at.machine = m.clone();
                at.machine.deployment = truth.deployment.clone();
                let result = r.run(pair.script, &mut m, path, false, None, &what);
                calls.push(result.calls.len());
                match expect(pair.answers, &for_answers(pair.answers, &at)) {
                    Expect::Blocked(why) => {
                        r.expect_state(SEQUENCE, &format!("{what} (blocked: {why})"), &truth.deployment, &m.deployment, &result);
                        r.expect_code(SEQUENCE, &format!("{what} (blocked: {why})"), &result, 1);
                    }
                    Expect::Changed(end) => {
                        if !r.expect_state(SEQUENCE, &what, &end, &m.deployment, &result) {
                            return None;
                        }
                        let base = truth.record_base.clone().unwrap_or_else(|| truth.deployment.clone());
                        let mut record = expected_record(truth.record.as_ref(), pair.answers, &truth.deployment, m.run_started);
                        // A re-run that changes nothing keeps the ChangeStart of the faulted run
                        // that made the changes (or of the earlier runs).
                        if !result.calls.iter().any(|c| c.changes) {
                            record.change_start = faulted_change_start.or(truth.record.as_ref().and_then(|r| r.change_start));
                        }
                        r.expect_code(SEQUENCE, &what, &result, configure_exit_code(pair.answers, &m));
                        r.expect_record(&what, &m, &folder, Some(&record));
                        truth = Truth { deployment: end.clone(), record_base: Some(base), configured: Some(end), record: Some(record) };
                    }
                }
            }
            Step::Rollback(pair, force) => {
                let result = r.run(pair.rollback, &mut m, rollback_path, *force, None, &what);
                calls.push(result.calls.len());
                let (Some(base), Some(configured)) = (&truth.record_base, &truth.configured) else {
                    r.expect_state(SEQUENCE, &format!("{what} (no record)"), &truth.deployment, &m.deployment, &result);
                    r.expect_code(SEQUENCE, &format!("{what} (no record)"), &result, 1);
                    continue;
                };
                // A rollback re-run after a fault that committed its rename finds no record.
                let want = rollback_expect(base, configured, &truth.deployment, *force);
                let want_warnings = rollback_warnings(base, configured, &truth.deployment, *force);
                let code = rollback_exit_code(true, &want_warnings);
                if !r.expect_state(SEQUENCE, &what, &want, &m.deployment, &result) {
                    return None;
                }
                let renamed_before = fault.is_some_and(|(at, f)| at == i && f.after_commit) && result.exit_code == Some(1) && m.record().is_none();
                if !renamed_before {
                    r.expect_code(SEQUENCE, &what, &result, code);
                }
                truth.deployment = want;
                if code == 0 {
                    r.expect_record(&what, &m, &folder, None);
                    truth.record_base = None;
                    truth.configured = None;
                    truth.record = None;
                }
            }
        }
    }
    Some((m.deployment, calls))
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
