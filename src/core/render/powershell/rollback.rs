//! The rollback script: undoes exactly what the configuration script changed, from the undo
//! record it wrote beside itself. Same PowerShell 2.0 syntax, quoting and guards as the main script.

use crate::core::decision::Verdict;
use crate::core::facts::{cmdlet, NEW_PROVIDER_IDENTITY, PUSH_DOMAIN, UNDO_RECORD_FILE};
use crate::core::plan::{Action, Plan, Step};
use crate::core::i18n::EN;
use crate::core::text;

use super::commands::provider_lookup_by_identity;
use super::frame::{header, open_script_block, record};
use super::quote::quote;
use super::writer::Writer;

pub fn rollback(plan: &Plan) -> String {
    let mut out = Writer::new();
    header(&mut out, plan, "Undo push notifications for Lync Server mobility");
    match plan.decision.verdict {
        Verdict::Configure { .. } => {
            undo_intro(&mut out, plan);
            undo(&mut out, plan);
        }
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } => {
            out.line("");
            out.say("The configuration script for these answers changes nothing, so there is nothing to undo.");
        }
    }
    out.text
}

fn undo_intro(out: &mut Writer, plan: &Plan) {
    out.line("#");
    out.comment(&format!(
        "Run it from the folder that holds the configuration script and its undo record ({UNDO_RECORD_FILE}), in the Lync Server Management Shell."
    ));
    out.comment("It restores the push switches and AllowFederatedUsers to the values recorded before the first change, and removes the hosting provider and the allowed domain only if the configuration script created them. Afterwards the record is renamed, so this runs once.");
    for (number, _) in plan.numbered().filter(|(_, step)| step.action.is_manual()) {
        out.comment(&format!("Step {number} was done by hand; undo it by hand too (the script says how)."));
    }
    out.line("");
}

fn undo(out: &mut Writer, plan: &Plan) {
    open_script_block(out);
    out.open("if (-not (Test-Path -Path $recordPath))");
    out.line("Write-Host ('No undo record at ' + $recordPath + '. Run this from the folder of the configuration script; without the record nothing is undone.')");
    out.line("return");
    out.close();
    out.line("$record = Import-Clixml -Path $recordPath");
    out.open("try");
    let undoable: Vec<(usize, &Step)> = plan.numbered().filter(|(_, step)| !step.action.is_test()).collect();
    for (number, step) in undoable.into_iter().rev() {
        undo_step(out, number, step);
        out.line("");
    }
    out.line("$doneName = 'LyncPushNotifications.undo.' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.done.xml'");
    out.line("Rename-Item -Path $recordPath -NewName $doneName");
    out.line("Write-Host ('Finished. The record is kept as ' + $doneName + ', so running this again changes nothing.')");
    out.close();
    out.open("catch");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.say("The undo record is kept. Fix the cause and run this again; what is already undone is skipped.");
    out.close();
    out.close_script_block();
}

fn skipped(out: &mut Writer, why: &str) {
    out.reopen("else");
    out.say(&format!("  Skipped: {why}"));
    out.close();
}

fn undo_step(out: &mut Writer, number: usize, step: &Step) {
    let title = text::step_title(&EN, &step.action);
    out.comment(&format!("Undo step {number}: {title}"));
    out.say(&format!("Undo step {number}: {title}"));
    match &step.action {
        Action::AllowFederatedUsers { .. } => {
            let key = record::FEDERATION_BEFORE;
            out.open(&format!("if ($record.ContainsKey('{key}'))"));
            out.line(&format!("{} -AllowFederatedUsers $record['{key}']", cmdlet::SET_ACCESS_EDGE_CONFIGURATION));
            out.line(&format!("Write-Host ('  Done: AllowFederatedUsers is ' + $record['{key}'] + ' again.')"));
            skipped(out, "the configuration script did not change it.");
        }
        Action::EnablePush { .. } => {
            out.open(&format!("if ($record.ContainsKey('{}'))", record::PUSH_BEFORE));
            out.line(&format!("$before = $record['{}']", record::PUSH_BEFORE));
            out.open("if ($before['Existed'])");
            out.line(&format!(
                "{} -Identity $before['Identity'] -EnableApplePushNotificationService $before['Apple'] -EnableMicrosoftPushNotificationService $before['Microsoft']",
                cmdlet::SET_PUSH_CONFIGURATION
            ));
            out.line("Write-Host ('  Done: ' + $before['Identity'] + ' has its earlier push switches again.')");
            out.reopen("else");
            out.comment("The configuration script created these site settings; without them the global ones apply.");
            out.line(&format!("{} -Identity $before['Identity']", cmdlet::REMOVE_PUSH_CONFIGURATION));
            out.line("Write-Host ('  Done: removed ' + $before['Identity'] + '; the global settings apply there again.')");
            out.close();
            skipped(out, "the configuration script did not change the push switches.");
        }
        Action::AllowPushDomain => {
            out.open(&format!("if ($record.ContainsKey('{}'))", record::CREATED_DOMAIN));
            out.line(&format!("$allowed = @({} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }})", cmdlet::GET_ALLOWED_DOMAIN));
            out.open("if ($allowed.Count -gt 0)");
            out.line(&format!("{} -Identity \"{PUSH_DOMAIN}\"", cmdlet::REMOVE_ALLOWED_DOMAIN));
            out.say(&format!("  Done: removed {PUSH_DOMAIN} from the allowed domains."));
            skipped(out, &format!("{PUSH_DOMAIN} is no longer an allowed domain."));
            skipped(out, &format!("{PUSH_DOMAIN} was allowed before the configuration script ran, so it stays."));
        }
        Action::AddHostingProvider { existing: None } => {
            out.open(&format!("if ($record.ContainsKey('{}'))", record::CREATED_PROVIDER));
            out.line(&format!("$provider = @({})", provider_lookup_by_identity()));
            out.open("if ($provider.Count -gt 0)");
            out.line(&format!("{} -Identity \"{NEW_PROVIDER_IDENTITY}\"", cmdlet::REMOVE_HOSTING_PROVIDER));
            out.say(&format!("  Done: removed hosting provider {NEW_PROVIDER_IDENTITY}."));
            skipped(out, &format!("hosting provider {NEW_PROVIDER_IDENTITY} is already gone."));
            skipped(out, "the hosting provider was there before the configuration script ran, so it stays.");
        }
        Action::AddHostingProvider { existing: Some(identity) } => {
            out.say(&format!("  Nothing to undo: the existing hosting provider {} was never changed.", identity.as_str()));
        }
        Action::FederateOcsEdge => {
            out.say("  This step was done by hand on the OCS 2007 R2 Edge Server; undo it there:");
            for line in text::ocs_edge_undo_steps(&EN) {
                out.line(&format!("Write-Host {}", quote(&format!("    {line}"))));
            }
        }
        Action::TestFederation { .. } | Action::TestPush { .. } => {}
    }
}
