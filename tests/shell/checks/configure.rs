//! The checks of a configuration run: no change where none is due, a complete run's end state,
//! code, warnings, tests, record and what it says, and the pre-flight.

use super::*;

pub(super) fn check_no_change(r: &mut Runner, pair: &Pair, start: &Start) {
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
pub(super) fn check_complete_run(r: &mut Runner, pair: &Pair, before: &Deployment, earlier: Option<&Record>, m: &Machine, result: &RunResult, folder: &str, what: &str) -> Record {
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
pub(super) fn before_federation(r: &mut Runner, before: &Deployment, m: &Machine, result: &RunResult, what: &str) {
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
pub(super) fn shown(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// A site whose settings keep a needed service off is named under the step that turns push on,
/// where the administrator reads about push settings, not under the next step's heading.
pub(super) fn site_overrides_under_their_step(r: &mut Runner, result: &RunResult, what: &str) {
    let mut heading = "";
    for line in &result.output {
        if line.starts_with("Step ") || line.starts_with("Before the tests") {
            heading = line;
        } else if line.starts_with("WARNING: Settings ") && !heading.contains(": Turn on push notifications") {
            r.report.fail(OUTLINE, &format!("{what}: site override under another step"), format!("{} / {what}: {line:?} under {heading:?}", r.label));
        }
    }
}

pub(super) fn pass(ok: bool) -> &'static str {
    if ok {
        "passed"
    } else {
        "failed"
    }
}

pub(super) fn check_configure(r: &mut Runner, pair: &Pair, start: &Start, n: &Need) {
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


pub(super) fn preflight(r: &mut Runner, pair: &Pair, start: &Start, first: &RunResult) {
    let shell = &start.machine.deployment.shell;
    let missing: Vec<&String> = pair
        .script
        .commands
        .iter()
        .filter(|c| match shell {
            Shell::PlainPowerShell => c.contains("-Cs"),
            Shell::Lync { push_cmdlets: false } => super::super::model::spec(c).is_some_and(|s| s.group == super::super::model::Group::LyncPush),
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

