//! The tests at the end: a bounded wait for replication, the read-only tests, and the outcome
//! in $LASTEXITCODE.

use crate::core::facts::{cmdlet, REPLICATION_POLL_SECONDS, REPLICATION_WAIT_SECONDS};
use crate::core::plan::Action;
use crate::core::render::powershell::commands::{test_federation, test_push};
use crate::core::render::powershell::frame::record;
use crate::core::render::powershell::marks;
use crate::core::run_report::Tag;
use crate::core::render::powershell::quote::quote;
use crate::core::render::powershell::writer::Writer;
use crate::core::render::view::ScriptView;

/// Configuration reaches the Edge through Central Management Store replication, so tests run
/// right after a change can fail (504) when all is well. Waits, bounded, and says so when the
/// wait runs out, with the commands that run just the tests later.
pub(super) fn wait_for_replication(out: &mut Writer, view: &ScriptView) {
    let minutes = REPLICATION_WAIT_SECONDS / 60;
    out.comment("Before the tests: changes reach the Edge Server through Central Management Store replication.");
    out.say(&format!("Before the tests: waiting for replication of the changes (at most {minutes} minutes)"));
    out.comment("Read-only: if the status cannot be read, the tests still run.");
    out.comment("Until the store has created the update of the last run that changed something (LastUpdateCreation), replicas still say UpToDate.");
    out.open("try");
    out.template(
        r#"
        $replicas = @({0})
        $pending = @($replicas | Where-Object {3})
        $waited = 0
        while ($pending.Count -gt 0 -and $waited -lt {1}) {
            Write-Host ('  ' + $pending.Count + ' of ' + $replicas.Count + ' replicas are not up to date yet; checking again in {2} seconds.')
            Start-Sleep -Seconds {2}
            $waited = $waited + {2}
            $replicas = @({0})
            $pending = @($replicas | Where-Object {3})
        }
        "#,
        &[
            cmdlet::GET_REPLICATION_STATUS,
            &REPLICATION_WAIT_SECONDS.to_string(),
            &REPLICATION_POLL_SECONDS.to_string(),
            &format!("{{ -not $_.UpToDate -or ($record['{0}'] -and $_.LastUpdateCreation -lt $record['{0}']) }}", record::CHANGE_START),
        ],
    );
    out.line(&marks::call(Tag::Replication, &["$pending.Count", "$replicas.Count"]));
    out.open("if ($pending.Count -gt 0)");
    out.line(&format!(
        "Write-Warning ('' + $pending.Count + ' of ' + $replicas.Count + {})",
        quote(&format!(
            " replicas are still not up to date after {minutes} minutes ({} shows them). The tests below may fail only because of that; run them again later with these commands:",
            cmdlet::GET_REPLICATION_STATUS
        ))
    ));
    for step in view.script_steps() {
        match &step.step.action {
            Action::TestFederation { access_edge, .. } => out.say(&format!("    {}", test_federation(access_edge))),
            Action::TestPush { access_edge } => out.say(&format!("    {}", test_push(access_edge))),
            Action::AddHostingProvider { .. }
            | Action::AllowPushDomain
            | Action::FederateOcsEdge
            | Action::EnablePush { .. }
            | Action::AllowFederatedUsers { .. } => {}
        }
    }
    out.reopen("else");
    out.line("Write-Host ('  All ' + $replicas.Count + ' replicas are up to date.')");
    out.close();
    out.reopen("catch");
    out.line(&format!(
        "Write-Warning ('The replication status could not be read (' + $_.Exception.Message + {})",
        quote("). If the tests below fail, wait a few minutes and run them again.")
    ));
    out.line(&marks::call(Tag::Replication, &["'?'", "$_.Exception.Message"]));
    out.close();
    out.line("$testFailures = 0");
}

/// A test that changes nothing: its result is printed with Error and Diagnosis when it is not
/// Success, a throw is caught, and the script goes on (lync-objects §7: TaskOutput).
/// `counted_when`: a condition under which a failure counts (a test whose precondition is unmet
/// is run and shown, but its failure says nothing about push).
pub(super) fn read_only_test(out: &mut Writer, comment: &str, command: &str, counted_when: Option<&str>) {
    let count = match counted_when {
        Some(condition) => format!("if ({condition}) {{ $testFailures = $testFailures + 1 }}"),
        None => "$testFailures = $testFailures + 1".to_string(),
    };
    let counted = counted_when.map_or("$true".to_string(), |condition| format!("[bool]{condition}"));
    out.comment(comment);
    // The mark is printed after the test, outside its try: a mark never counts as a failure, and
    // Error and Diagnosis are read only when the test did not pass, as before.
    out.template(
        r#"
        try {
            $result = {0}
            Write-Host ('  Result: ' + $result.Result)
            $testMark = {2}
            if ([string]$result.Result -ne 'Success') {
                {1}
                Write-Host ('  Error: ' + $result.Error)
                Write-Host ('  Diagnosis: ' + $result.Diagnosis)
                $testMark = {3}
            }
        }
        catch {
            {1}
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
            $testMark = {4}
        }
        & $mark $testMark
        "#,
        &[
            command,
            &count,
            &marks::array(Tag::Test, &[&counted, "'returned'", "$result.Result", "''", "''"]),
            &marks::array(Tag::Test, &[&counted, "'returned'", "$result.Result", "$result.Error", "$result.Diagnosis"]),
            &marks::array(Tag::Test, &[&counted, "'threw'", "''", "$_.Exception.Message", "''"]),
        ],
    );
}

pub(super) fn finish(out: &mut Writer, uncounted: bool, tests: usize) {
    let passed = if uncounted {
        "the tests passed (a test whose precondition is unmet is not counted: see the warnings above)"
    } else if tests == 1 {
        // No documented push test on this version (plan::push_test_documented).
        "the federation test passed"
    } else {
        "both tests passed"
    };
    out.template(
        r#"
        if ($testFailures -gt 0) {
            $global:LASTEXITCODE = 2
            Write-Warning ('Every step is done, but ' + $testFailures + ' test(s) did not pass: see the results above and the troubleshooting in the plan.')
        }
        else {
            $global:LASTEXITCODE = 0
            Write-Host 'Finished: every step is done and {0} (they show the path to the clearing house, not delivery to devices). Read any warnings above; the plan explains each one.'
        }
        "#,
        &[passed],
    );
}
