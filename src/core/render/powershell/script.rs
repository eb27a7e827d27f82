//! The configuration script. PowerShell 2.0 syntax only, so it runs in the shells of Lync Server
//! 2010 (PowerShell 2.0) and 2013 (3.0) alike (facts §2). It checks everything that could stop it
//! before it changes anything, records each earlier value before the change, and guards every
//! change with a check, so running it twice changes nothing the second time.

//!
//! It reads the prepared `ScriptView` and only lays it out as PowerShell: the pre-flight
//! (`preflight`), the guarded changes (`changes`) and the tests at the end (`verify`) stand apart.

mod changes;
mod preflight;
mod verify;

use crate::core::answers::PoolVersion;
use crate::core::decision::Verdict;
use crate::core::facts::{cmdlet, PUSH_DOMAIN, SCRIPT_FILE};
use crate::core::plan::{Action, Plan, Role};
use crate::core::render::view::{script_view, ScriptView, StepView};

use crate::core::run_report::{Kind, Warning};
use crate::core::share::to_fragment;

use super::commands::{domain_lookup, test_federation, test_push};
use super::marks;
use super::frame::{close_script_block, header, open_script_block, preflight_cmdlets, unblock_hint};
use super::quote::quote;
use super::writer::Writer;
use changes::{allowed_domain, enable_push, federation, hosting_provider};
use preflight::{open_record, preflight_blockers};
use verify::{finish, read_only_test, wait_for_replication};

pub fn script(plan: &Plan) -> String {
    let mut out = Writer::new();
    let view = script_view(plan);
    header(&mut out, &view, &format!("Push notifications for {} mobility", view.family));
    how_to_run(&mut out, &view);
    match plan.decision.verdict {
        Verdict::Configure { .. } => configuration(&mut out, &view),
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } | Verdict::NotRecommended { .. } => nothing_to_change(&mut out, &view),
    }
    out.text
}

/// How to run the configuration script, after the shared header.
fn how_to_run(out: &mut Writer, view: &ScriptView) {
    out.comment(&view.advice);
    if !view.status.is_empty() {
        out.line("#");
        out.comment(&format!("{}:", view.status_heading));
        for line in &view.status {
            out.comment(&format!("- {line}"));
        }
    }
    // What goes beyond Microsoft's pages is said as the script's own, before anything else.
    if !view.choices.is_empty() {
        out.line("#");
        for choice in &view.choices {
            out.comment(&format!("- {choice}"));
        }
    }
    if view.steps.is_empty() {
        out.line("");
        return;
    }
    out.line("#");
    for step in view.manual_steps() {
        out.comment(&format!("Step {} is done by hand before this script runs: {} (see the GUI steps).", step.number, step.title));
    }
    match view.shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => out.comment("Run in the Lync Server Management Shell of Lync Server 2010 or 2013,"),
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => {
            out.comment(&format!("Run in the {} Management Shell of {},", view.family, view.pool_label))
        }
    }
    out.comment("on an internal server with Ocscore installed (not on the Edge Server).");
    out.comment(&roles_line(view));
    out.comment("Before any change it checks that the shell has every cmdlet it uses, that nothing blocks a step, and that it can write its undo record; if a check fails, it stops having changed nothing.");
    out.comment("Safe to run more than once: each change is made only when a check shows it is needed.");
    out.comment("It stops at the first error; on the next run, finished steps are skipped.");
    out.comment("Outcome, in $LASTEXITCODE: 0 all done and the tests passed; 2 all done, but a test did not pass; 1 stopped.");
    out.comment(&marks::header_line(SCRIPT_FILE));
    out.line("#");
    unblock_hint(out, SCRIPT_FILE, view.shell);
    out.line("");
}

/// "Steps 1-2 need RtcUniversalServerAdmins; steps 3-6 need CsAdministrator."
fn roles_line(view: &ScriptView) -> String {
    let mut runs: Vec<(Role, usize, usize)> = Vec::new();
    for step in view.script_steps() {
        match runs.last_mut() {
            Some((role, _, last)) if *role == step.step.role => *last = step.number,
            _ => runs.push((step.step.role, step.number, step.number)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(role, first, last)| {
            let steps = if first == last { format!("step {first} needs") } else { format!("steps {first}-{last} need") };
            format!("{steps} {}", role.token())
        })
        .collect();
    let line = parts.join("; ");
    let mut chars = line.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str() + ".").unwrap_or_default()
}

fn nothing_to_change(out: &mut Writer, view: &ScriptView) {
    match view.plan.decision.verdict {
        Verdict::Blocked { .. } => out.line(&format!("Write-Warning {}", quote(&view.verdict))),
        Verdict::Configure { .. } | Verdict::NotNeeded { .. } | Verdict::NotRecommended { .. } => out.say(&view.verdict),
    }
    for (client, reason) in &view.clients {
        out.say(&format!("  {client}: {reason}"));
    }
    out.say(&view.advice);
    out.say("This script changed nothing.");
}

fn configuration(out: &mut Writer, view: &ScriptView) {
    let plan: &Plan = view.plan;
    // The checks and the body first: the pre-flight looks for the cmdlets they call.
    let mut body = Writer::at_depth(2);
    let total = view.steps.len();
    let mut tests_started = false;
    for step in view.script_steps() {
        if step.step.action.is_test() && !tests_started {
            tests_started = true;
            wait_for_replication(&mut body, view);
            body.gap();
        }
        step_block(&mut body, step, total);
        body.gap();
    }
    let uncounted = plan.steps.iter().any(|step| matches!(step.action, Action::TestFederation { domain_allowed_by_plan: false, .. }));
    let tests = plan.steps.iter().filter(|step| step.action.is_test()).count();
    finish(&mut body, uncounted, tests);
    let mut checks = Writer::at_depth(2);
    preflight_blockers(&mut checks, view);
    open_record(&mut checks);
    checks.gap();

    open_script_block(out, "$scriptPath");
    marks::begin(out, Kind::Configure, &to_fragment(&plan.answers()), "$false");
    out.open("try");
    out.comment("Pre-flight: nothing is changed until every check here has passed.");
    out.say("Pre-flight checks (nothing is changed until they pass)");
    preflight_cmdlets(out, &[&checks.text, &body.text], view);
    out.text.push_str(&checks.text);
    out.text.push_str(&body.text);
    out.close();
    out.open("catch");
    out.line("$global:LASTEXITCODE = 1");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.line(&marks::stop());
    out.say("Later steps did not run. Fix the cause and run the script again; finished steps are skipped.");
    out.close();
    marks::end(out);
    close_script_block(out, "$MyInvocation.MyCommand.Path");
}


fn step_block(out: &mut Writer, view: &StepView, total: usize) {
    let (number, title, step) = (view.number, &view.title, view.step);
    out.comment(&format!("Step {number} of {total}: {title}"));
    out.comment(&format!("Why: {}", view.why));
    out.comment(&format!("Needs: {}. Source: \"{}\".", step.role.token(), view.source_title));
    out.say(&format!("Step {number} of {total}: {title}"));
    out.line(&marks::step(number));
    match &step.action {
        Action::AddHostingProvider { existing, new_identity } => hosting_provider(out, existing.as_ref(), new_identity.identity()),
        Action::AllowPushDomain => allowed_domain(out),
        Action::FederateOcsEdge => {}
        Action::EnablePush { services, scope } => enable_push(out, *services, scope),
        Action::AllowFederatedUsers { .. } => federation(out),
        Action::TestFederation { access_edge, domain_allowed_by_plan } => {
            if !domain_allowed_by_plan {
                // Facts §2: Test-CsFederatedPartner needs the domain on the allowed list, which
                // the OCS 2007 R2 route (seed 0cb70-128 … 0cb70-135) does not create.
                out.template(
                    r#"
                    $allowed = @({0})
                    $preconditionMet = $allowed.Count -gt 0
                    if (-not $preconditionMet) {
                        Write-Warning {1}
                        {2}
                    }
                    "#,
                    &[
                        &domain_lookup(cmdlet::GET_ALLOWED_DOMAIN),
                        &quote(&format!(
                            "Test-CsFederatedPartner needs {PUSH_DOMAIN} on the allowed domains of Lync Server. On this route federation is set on the OCS 2007 R2 Edge Server instead and nothing adds the domain here, so expect this test to fail, and it is not counted as a failed test; the push test that follows is the one that tells."
                        )),
                        &marks::warning(Warning::TestNotCounted, &quote(cmdlet::TEST_FEDERATED_PARTNER)),
                    ],
                );
            }
            let counted = if *domain_allowed_by_plan { None } else { Some("$preconditionMet") };
            read_only_test(out, "A read-only test: a failure is reported and the script goes on.", &test_federation(access_edge), counted);
        }
        Action::TestPush { access_edge } => read_only_test(
            out,
            "A read-only test. Microsoft's page \"Test push notifications to smart phones\" says it usually throws on failure; a returned Failure is reported too.",
            &test_push(access_edge),
            None,
        ),
    }
}

/// The script as a `.ps1` file: CRLF line endings, and a UTF-8 byte-order mark when any character
/// is not ASCII, so Windows PowerShell 2.0 does not read it as the ANSI code page.
pub fn for_download(script: &str) -> String {
    let mut crlf = String::with_capacity(script.len() + script.len() / 16);
    let mut rest = script;
    while let Some((line, after)) = rest.split_once('\n') {
        crlf.push_str(line.strip_suffix('\r').unwrap_or(line));
        crlf.push_str("\r\n");
        rest = after;
    }
    crlf.push_str(rest);
    if crlf.is_ascii() {
        crlf
    } else {
        format!("\u{FEFF}{crlf}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_use_crlf_and_a_bom_only_when_needed() {
        assert_eq!(for_download("a\nb\n"), "a\r\nb\r\n");
        assert_eq!(for_download("a\r\n"), "a\r\n");
        assert_eq!(for_download("caf\u{e9}\n"), "\u{FEFF}caf\u{e9}\r\n");
        assert_eq!(for_download("a\rb\nc"), "a\rb\r\nc", "only line ends change");
    }
}
