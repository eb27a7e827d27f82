//! The checks of a rollback after a configuration run: exact, re-runnable after a fault,
//! respectful of what someone changed since, and retiring its record only when done.

use super::*;

/// The rollback after a configuration run left `m1`, without and with -Force: its end state,
/// exit code, warnings and record; run again after success it changes nothing; a fault at each
/// of its calls, then a re-run, ends the same.
pub(super) fn check_rollback(r: &mut Runner, pair: &Pair, before: &Deployment, m1: &Machine, record: Option<&Record>, path: Option<&str>, what: &str) {
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
pub(super) fn wrong_shell(r: &mut Runner, pair: &Pair, m1: &Machine, path: Option<&str>, mode: &str) {
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
                .filter(|c| super::super::model::spec(c).is_some_and(|s| s.group == super::super::model::Group::LyncPush))
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
pub(super) fn legacy_entry(r: &mut Runner, pair: &Pair, m1: &Machine, path: Option<&str>, mode: &str, want: &Deployment, warnings: &[Warning], code: i64) {
    use super::super::value::{clixml_copy, Value};
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
pub(super) fn check_retired(r: &mut Runner, what: &str, before: &Machine, after: &Machine, code: i64) {
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
            let same = now.is_some_and(|(_, v)| super::super::value::same(v, &value));
            if !same {
                r.report.fail(RECORD, &format!("{what}: record not kept"), format!("{} / {what}: exit {code}, but the record at {path} changed or went", r.label));
            }
        }
    }
}

/// A change someone made after the script ran.
type Scenario = (&'static str, Box<dyn Fn(&mut Deployment)>);

pub(super) fn respectful(r: &mut Runner, pair: &Pair, n: &Need, before: &Deployment, m1: &Machine, path: Option<&str>) {
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
    if after.is_allowed(super::super::model::PUSH_DOMAIN) && !before.is_allowed(super::super::model::PUSH_DOMAIN) {
        scenarios.push(("the created allowed domain got a comment since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::super::model::PUSH_DOMAIN).unwrap().comment = Some("kept for the pilot".into());
        })));
        scenarios.push(("the created allowed domain got a ProxyFqdn since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::super::model::PUSH_DOMAIN).unwrap().proxy_fqdn = Some("sipfed.online.lync.com".into());
        })));
        scenarios.push(("the created allowed domain is monitored since", Box::new(|d: &mut Deployment| {
            d.allowed.iter_mut().find(|a| a.domain == super::super::model::PUSH_DOMAIN).unwrap().mark_for_monitoring = true;
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

