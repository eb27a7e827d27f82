//! The rollback script: undoes what the configuration script changed, from the undo record it
//! wrote beside itself. Every undo is guarded by a look at what is there now, so it can be run
//! again after a stop; a value someone has changed since is left alone with a warning; and the
//! two undos that reach beyond push (federation for the whole organisation, a provider now used
//! for hybrid) need `-Force`. Same PowerShell 2.0 syntax, quoting and writer as the main script.

use crate::core::decision::Verdict;
use crate::core::facts::{
    cmdlet, PROVIDER_VERIFICATION_LEVEL, PUSH_DOMAIN, ROLLBACK_FILE, UNDO_RECORD_DONE_PREFIX,
    UNDO_RECORD_FILE,
};
use crate::core::plan::{Action, Plan};
use crate::core::render::view::{script_view, ScriptView, StepView};

use crate::core::facts::FEDERATION_SWITCH;
use crate::core::run_report::{ItemKind, Kind, Skip, Tag, Warning};
use crate::core::share::to_fragment;

use super::marks;
use super::commands::{domain_lookup, provider_lookup_by_identity, APPLE_SWITCH, MICROSOFT_SWITCH};
use super::frame::{close_script_block, file_parameters, header, open_script_block, preflight_cmdlets, record, unblock_hint};
use super::quote::quote;
use super::writer::Writer;

pub fn rollback(plan: &Plan) -> String {
    let mut out = Writer::new();
    let view = script_view(plan);
    header(&mut out, &view, &format!("Undo push notifications for {} mobility", view.family));
    match plan.decision.verdict {
        Verdict::Configure { .. } => {
            undo_intro(&mut out, &view);
            undo(&mut out, &view);
        }
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } | Verdict::NotRecommended { .. } => {
            out.line("");
            out.say("The configuration script for these answers changes nothing, so there is nothing to undo.");
        }
    }
    out.text
}

fn undo_intro(out: &mut Writer, view: &ScriptView) {
    out.line("#");
    out.comment(&format!(
        "Run it from the folder that holds the configuration script and its undo record ({UNDO_RECORD_FILE}), in the {} Management Shell.",
        view.family
    ));
    out.comment("It undoes only what the configuration script changed: it turns off the push switches it turned on (in every scope the record holds), removes push settings, the allowed domain and the hosting provider only if the configuration script created them, and checks each value first: one that has been changed since is left as it is, with a warning.");
    out.comment("Without -Force it never turns federation off (AllowFederatedUsers stops federation with every partner, for the whole organisation), or a provider or allowed domain it created that was changed since. -Force undoes all of those at once; push settings changed since stay even then, and so does a hosting provider that now has EnabledSharedAddressSpace True (a hybrid deployment uses it).");
    out.comment("If it stops, run it again: what is already undone is skipped. When it finishes, the record is renamed, so a later run changes nothing.");
    out.comment("Outcome, in $LASTEXITCODE: 0 finished; 3 finished, except what needs -Force (the record is kept for that run); 1 stopped, or no undo record here.");
    out.comment(&marks::header_line(ROLLBACK_FILE));
    for step in view.manual_steps() {
        out.comment(&format!("Step {} was done by hand; undo it by hand too (the script says how).", step.number));
    }
    out.line("#");
    unblock_hint(out, ROLLBACK_FILE, view.shell);
    out.line("");
}

fn undo(out: &mut Writer, view: &ScriptView) {
    let mut body = Writer::at_depth(2);
    for step in view.steps.iter().rev().filter(|step| !step.step.action.is_test()) {
        undo_step(&mut body, step, &view.ocs_edge_undo);
        body.gap();
    }
    body.template(
        r#"
        if ($needsForce) {
            $global:LASTEXITCODE = 3
            Write-Warning 'Finished, except what needs -Force (see the warnings above). The undo record is kept; -Force undoes all of those at once.'
        }
        else {
            $doneName = '{0}' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.done.xml'
            Rename-Item -Path $recordPath -NewName $doneName
            $global:LASTEXITCODE = 0
            Write-Host ('Finished. The record is kept as ' + $doneName + ', so running this again changes nothing.')
        }
        "#,
        &[UNDO_RECORD_DONE_PREFIX],
    );

    file_parameters(out, "[switch]$Force");
    open_script_block(out, "$scriptPath, $force");
    marks::begin(out, Kind::Rollback, &to_fragment(&view.plan.answers()), "[bool]$force");
    let mut end = Writer::at_depth(3);
    marks::end(&mut end);
    out.template(
        r#"
        if ($recordPath.Contains('[') -or $recordPath.Contains(']') -or $recordPath.Contains('`')) {
            $message = 'Nothing was undone: PowerShell 2.0 cannot read the record at ' + $recordPath + ' ([, ] and ` are wildcards to -Path). Move this script and the record to a folder without them.'
            Write-Host $message -ForegroundColor Red
            {0}
            {1}
            return
        }
        if (-not (Test-Path -LiteralPath $recordPath)) {
            $message = 'No undo record at ' + $recordPath + ', so nothing was undone. Run this from the folder of the configuration script; a record already undone is kept as *.done.xml.'
            Write-Host $message
            {0}
            {1}
            return
        }
        "#,
        &[&marks::call(Tag::Stop, &["$message"]), end.text.trim()],
    );
    out.open("try");
    out.say("Pre-flight checks (nothing is changed until they pass)");
    preflight_cmdlets(out, &[&body.text], view);
    out.line("$record = Import-Clixml -Path $recordPath");
    out.comment("Set when something is left because only -Force may undo it; the record is then kept.");
    out.line("$needsForce = $false");
    legacy_record(out);
    out.gap();
    out.text.push_str(&body.text);
    out.close();
    out.open("catch");
    out.line("$global:LASTEXITCODE = 1");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.line(&marks::stop());
    out.say("The undo record is kept. Fix the cause and run this again; what is already undone is skipped.");
    out.close();
    marks::end(out);
    close_script_block(out, "$MyInvocation.MyCommand.Path $Force");
}

/// A record from an earlier version holds one push entry for every scope; say what it holds
/// rather than guess which switches that version changed.
fn legacy_record(out: &mut Writer) {
    out.template(
        r#"
        if ($record.ContainsKey('{0}')) {
            $legacy = $record['{0}']
            Write-Warning ('This record also holds push settings from an earlier version of the script, which are not undone here: ' + $legacy['Identity'] + ' had Apple ' + $legacy['Apple'] + ' and Microsoft ' + $legacy['Microsoft'] + ' before it ran. Check them with Get-CsPushNotificationConfiguration.')
            {1}
        }
        "#,
        &[record::LEGACY_PUSH_BEFORE, &marks::warning(Warning::EarlierRecord, "$legacy['Identity']")],
    );
}

/// `ocs_edge_undo`: the GUI steps that undo the OCS 2007 R2 Edge's hand-made step.
fn undo_step(out: &mut Writer, view: &StepView, ocs_edge_undo: &[String]) {
    let (number, title, step) = (view.number, &view.title, view.step);
    out.comment(&format!("Undo step {number} (\"{title}\")"));
    out.say(&format!("Undo step {number} (\"{title}\")"));
    out.line(&marks::step(number));
    match &step.action {
        Action::AllowFederatedUsers { .. } => undo_federation(out),
        Action::EnablePush { .. } => undo_push(out),
        Action::AllowPushDomain => undo_allowed_domain(out),
        Action::AddHostingProvider { existing: None, new_identity } => undo_hosting_provider(out, new_identity.identity()),
        Action::AddHostingProvider { existing: Some(identity), .. } => {
            out.say(&format!("  Nothing to undo: the existing hosting provider {} was never changed.", identity.as_str()));
            out.line(&marks::skipped(Skip::NothingToUndo));
        }
        Action::FederateOcsEdge => {
            out.say(&format!(
                "  This step was done by hand on the OCS 2007 R2 Edge Server. If {PUSH_DOMAIN} was not on its Allow tab before, undo it there:"
            ));
            for line in ocs_edge_undo {
                out.line(&format!("Write-Host {}", quote(&format!("    {line}"))));
            }
            out.line(&marks::skipped(Skip::ByHand));
        }
        Action::TestFederation { .. } | Action::TestPush { .. } => {}
    }
}

/// Federation is organisation-wide (facts §2): it goes back off only with `-Force`.
fn undo_federation(out: &mut Writer) {
    out.template(
        r#"
        if ($record.ContainsKey('{0}')) {
            $accessEdge = {1}
            if (-not $accessEdge.AllowFederatedUsers) {
                Write-Host '  Skipped: the Access Edge already does not allow federated users.'
            }
            elseif ($force) {
                {2} -AllowFederatedUsers $record['{0}']
                Write-Host ('  Done: AllowFederatedUsers is ' + $record['{0}'] + ' again (-Force).')
                {3}
            }
            else {
                $needsForce = $true
                Write-Warning 'Left as it is: AllowFederatedUsers stays True. Turning it off ends federation with every partner for the whole organisation, not only push. Run this script with -Force to turn it off; -Force undoes every item left, at once.'
                {4}
            }
        }
        else {
            Write-Host '  Skipped: the configuration script did not change it.'
            {5}
        }
        "#,
        &[
            record::FEDERATION_BEFORE,
            cmdlet::GET_ACCESS_EDGE_CONFIGURATION,
            cmdlet::SET_ACCESS_EDGE_CONFIGURATION,
            &marks::set(ItemKind::AccessEdge, "'Global'", FEDERATION_SWITCH, "$true", &format!("[bool]$record['{}']", record::FEDERATION_BEFORE)),
            &marks::left(ItemKind::AccessEdge, "'Global'", true),
            &marks::skipped(Skip::NotChanged),
        ],
    );
}

/// Every scope in the record, not only this plan's: the record may hold the global settings and
/// sites from several runs in this folder. Settings the script created are removed while their
/// switches are still as it set them; in settings that existed, each switch it turned on is set
/// back while it is still on.
fn undo_push(out: &mut Writer) {
    // `fill` takes ten values; the two switches' marks are put in first.
    let template = r#"
        $pushRecord = @{}
        if ($record.ContainsKey('{0}')) {
            $pushRecord = $record['{0}']
        }
        if ($pushRecord.Count -eq 0) {
            Write-Host '  Skipped: the configuration script did not change push settings.'
            {6}
        }
        foreach ($identity in @($pushRecord.Keys)) {
            $entry = $pushRecord[$identity]
            $current = @({1} | Where-Object { [string]$_.Identity -eq $identity })
            if ($current.Count -eq 0) {
                Write-Host ('  Skipped: ' + $identity + ' has no push settings now.')
            }
            elseif (-not $entry['Existed']) {
                if ($current[0].{3} -eq $entry['AppleSet'] -and $current[0].{4} -eq $entry['MicrosoftSet']) {
                    {2} -Identity $identity
                    Write-Host ('  Done: removed ' + $identity + ', which the configuration script created; the global settings apply there again.')
                    {7}
                }
                else {
                    Write-Warning ('Left as it is: the configuration script created ' + $identity + ', but its push switches have been changed since.')
                    {8}
                }
            }
            else {
                if ($entry['AppleSet']) {
                    if ($current[0].{3}) {
                        {5} -Identity $identity -{3} $entry['AppleBefore']
                        Write-Host ('  Done: Apple push (APNS) is ' + $entry['AppleBefore'] + ' again in ' + $identity + '.')
                        SET_APPLE
                    }
                    else {
                        Write-Host ('  Skipped: Apple push (APNS) is already off in ' + $identity + '.')
                    }
                }
                if ($entry['MicrosoftSet']) {
                    if ($current[0].{4}) {
                        {5} -Identity $identity -{4} $entry['MicrosoftBefore']
                        Write-Host ('  Done: Windows Phone push (MPNS) is ' + $entry['MicrosoftBefore'] + ' again in ' + $identity + '.')
                        SET_MICROSOFT
                    }
                    else {
                        Write-Host ('  Skipped: Windows Phone push (MPNS) is already off in ' + $identity + '.')
                    }
                }
            }
        }
        "#
    .replace("SET_APPLE", &marks::set(ItemKind::PushSettings, "$identity", APPLE_SWITCH, "$true", "[bool]$entry['AppleBefore']"))
    .replace("SET_MICROSOFT", &marks::set(ItemKind::PushSettings, "$identity", MICROSOFT_SWITCH, "$true", "[bool]$entry['MicrosoftBefore']"));
    out.template(
        &template,
        &[
            record::PUSH_SETTINGS,
            cmdlet::GET_PUSH_CONFIGURATION,
            cmdlet::REMOVE_PUSH_CONFIGURATION,
            APPLE_SWITCH,
            MICROSOFT_SWITCH,
            cmdlet::SET_PUSH_CONFIGURATION,
            &marks::skipped(Skip::NotChanged),
            &marks::removed(ItemKind::PushSettings, "$identity"),
            &marks::left(ItemKind::PushSettings, "$identity", false),
        ],
    );
}

/// Removed while it is as New-CsAllowedDomain -Identity made it (no ProxyFqdn, Comment or
/// MarkForMonitoring); changed since, only with `-Force`.
fn undo_allowed_domain(out: &mut Writer) {
    out.template(
        r#"
        if ($record.ContainsKey('{0}')) {
            $allowed = @({1})
            if ($allowed.Count -eq 0) {
                Write-Host '  Skipped: {2} is no longer an allowed domain.'
            }
            elseif (($allowed[0].ProxyFqdn -or $allowed[0].Comment -or $allowed[0].MarkForMonitoring) -and -not $force) {
                $needsForce = $true
                Write-Warning 'Left as it is: {2} has been changed since the configuration script added it (ProxyFqdn, Comment or MarkForMonitoring). Run this script with -Force to remove it anyway; -Force undoes every item left, at once.'
                {4}
            }
            else {
                {3} -Identity "{2}"
                Write-Host '  Done: removed {2} from the allowed domains.'
                {5}
            }
        }
        else {
            Write-Host '  Skipped: {2} was allowed before the configuration script ran, so it stays.'
            {6}
        }
        "#,
        &[
            record::CREATED_DOMAIN,
            &domain_lookup(cmdlet::GET_ALLOWED_DOMAIN),
            PUSH_DOMAIN,
            cmdlet::REMOVE_ALLOWED_DOMAIN,
            &marks::left(ItemKind::AllowedDomain, &quote(PUSH_DOMAIN), true),
            &marks::removed(ItemKind::AllowedDomain, &quote(PUSH_DOMAIN)),
            &marks::skipped(Skip::NotChanged),
        ],
    );
}

/// Removed while it is as the script created it (Enabled, not HostsOCSUsers, UseSourceVerification); changed since,
/// only with `-Force`; shared by a hybrid deployment now (EnabledSharedAddressSpace), never: `-Force`
/// also turns federation off, and one switch must not cut off hybrid as well.
fn undo_hosting_provider(out: &mut Writer, new_identity: &str) {
    out.template(
        r#"
        if ($record.ContainsKey('{0}')) {
            $provider = @({1})
            if ($provider.Count -eq 0) {
                Write-Host '  Skipped: hosting provider {2} is already gone.'
            }
            elseif ($provider[0].EnabledSharedAddressSpace) {
                Write-Warning 'Left as it is, even with -Force: hosting provider {2} now has EnabledSharedAddressSpace True, so a hybrid deployment uses it, and removing it would cut that off.'
                {5}
            }
            elseif ((-not $provider[0].Enabled -or $provider[0].HostsOCSUsers -or [string]$provider[0].VerificationLevel -ne '{3}') -and -not $force) {
                $needsForce = $true
                Write-Warning 'Left as it is: hosting provider {2} has been changed since the configuration script created it (Enabled, HostsOCSUsers or VerificationLevel). Run this script with -Force to remove it anyway; -Force undoes every item left, at once.'
                {6}
            }
            else {
                {4} -Identity "{2}"
                Write-Host '  Done: removed hosting provider {2}.'
                {7}
            }
        }
        else {
            Write-Host '  Skipped: the hosting provider was there before the configuration script ran, so it stays.'
            {8}
        }
        "#,
        &[
            record::CREATED_PROVIDER,
            &provider_lookup_by_identity(new_identity),
            new_identity,
            PROVIDER_VERIFICATION_LEVEL,
            cmdlet::REMOVE_HOSTING_PROVIDER,
            &marks::left(ItemKind::Provider, &quote(new_identity), false),
            &marks::left(ItemKind::Provider, &quote(new_identity), true),
            &marks::removed(ItemKind::Provider, &quote(new_identity)),
            &marks::skipped(Skip::NotChanged),
        ],
    );
}
