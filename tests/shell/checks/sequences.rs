//! Sequences: configuration runs and rollbacks one after the other, every state and record on
//! the way held to what the earlier steps make true, and again with a fault at each call.

use super::*;

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
pub(super) fn run_sequence(r: &mut Runner, steps: &[Step], start: &Start, fault: Option<(usize, Fault)>) -> Option<(Deployment, Vec<usize>)> {
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


