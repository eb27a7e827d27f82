//! What the configuration and rollback scripts share: the header, the script block they run in,
//! the pre-flight check of the cmdlets they call, and the keys of the undo record one writes and
//! the other reads.

use crate::core::answers::PoolVersion;
use crate::core::facts::{cmdlet, PUSH_CMDLETS_UPDATE, RULES_VERSION, UNDO_RECORD_FILE};
use crate::core::plan::push_cmdlets_may_be_missing;
use crate::core::render::view::ScriptView;

use super::highlight::{tokens, TokenKind};
use super::quote::quote;
use super::writer::Writer;

/// Keys of the undo record; the rollback script reads what the configuration script wrote.
/// Each entry is written before the change it describes, so a stop between the two leaves a
/// record the rollback can act on: it checks what is there before it undoes anything.
pub(in crate::core::render) mod record {
    /// The Identity of the hosting provider the script created.
    pub const CREATED_PROVIDER: &str = "CreatedHostingProvider";
    /// The allowed domain the script created.
    pub const CREATED_DOMAIN: &str = "CreatedAllowedDomain";
    /// Push settings by Identity (`Global`, `site:<name>`), each with `Existed`, the switches'
    /// first earlier values (`AppleBefore`, `MicrosoftBefore`) and what the scripts last set them
    /// to (`AppleSet`, `MicrosoftSet`; `$null` for a switch they never touched).
    pub const PUSH_SETTINGS: &str = "PushSettings";
    /// Written by earlier versions of the script: one push entry for every scope.
    pub const LEGACY_PUSH_BEFORE: &str = "PushBefore";
    /// `AllowFederatedUsers` before the script turned it on.
    pub const FEDERATION_BEFORE: &str = "AllowFederatedUsersBefore";
    /// When the last run that changed something made its first change: replication is done only
    /// once LastUpdateCreation is not earlier (Get-CsManagementStoreReplicationStatus, Example 4).
    pub const CHANGE_START: &str = "ChangeStart";
    pub const SAVE: &str = "$record | Export-Clixml -Path $recordPath";
}

/// The top of a script file: the switches it takes, before anything else (PowerShell requires
/// `param` first).
pub(in crate::core::render) fn file_parameters(out: &mut Writer, parameters: &str) {
    out.line(&format!("param({parameters})"));
    out.line("");
}

/// Opens the script block both scripts run in: it keeps `$ErrorActionPreference` and the
/// variables out of the session, marks the run as stopped until it finishes, and finds the undo
/// record beside the script (or in the current folder when the script is pasted into the shell).
pub(in crate::core::render) fn open_script_block(out: &mut Writer, parameters: &str) {
    out.comment("The script block keeps $ErrorActionPreference and its variables out of your session.");
    out.open("&");
    out.line(&format!("param({parameters})"));
    out.template(
        r#"
        $ErrorActionPreference = 'Stop'
        $global:LASTEXITCODE = 1
        $recordFolder = (Get-Location).Path
        if ($scriptPath) {
            $recordFolder = Split-Path -Parent $scriptPath
        }
        $recordPath = Join-Path $recordFolder {0}
        "#,
        &[&quote(UNDO_RECORD_FILE)],
    );
}

/// Closes the script block and, when the script runs as a file, ends with its outcome as the
/// exit code; pasted into a shell, it leaves the shell open.
pub(in crate::core::render) fn close_script_block(out: &mut Writer, arguments: &str) {
    out.close_script_block(arguments);
    out.comment("Run as a file, the exit code is the outcome ($LASTEXITCODE); pasted into a shell, the shell stays open.");
    out.template(
        r#"
        if ($MyInvocation.MyCommand.Path) {
            exit $LASTEXITCODE
        }
        "#,
        &[],
    );
}

/// The Lync Server cmdlets a rendered body calls, in order of first use: read from the body
/// itself, so the pre-flight list cannot drift from what the script runs.
fn cmdlets_called<'a>(parts: &[&'a str]) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for line in parts.iter().flat_map(|part| part.lines()) {
        for (kind, word) in tokens(line) {
            if kind == TokenKind::Cmdlet && word.contains("-Cs") && !names.contains(&word) {
                names.push(word);
            }
        }
    }
    names
}

/// Stops before any change when the shell lacks a cmdlet the body calls: not the Management
/// Shell at all, or, for a Lync Server shell, a Lync Server 2010 deployment without the update
/// that brought the push cmdlets (facts §2; `plan::push_cmdlets_may_be_missing`). The shell,
/// its module and its family are named as the pool's version names them.
pub(in crate::core::render) fn preflight_cmdlets(out: &mut Writer, parts: &[&str], view: &ScriptView) {
    let (family, module) = (view.family, view.module);
    let names = cmdlets_called(parts);
    let list = names.iter().map(|name| quote(name)).collect::<Vec<_>>().join(", ");
    let push_cmdlets = cmdlet::PUSH_CMDLETS.iter().filter(|name| names.contains(name)).map(|name| quote(name)).collect::<Vec<_>>().join(", ");
    out.template(
        r#"
        $cmdlets = @({0})
        $missing = @()
        foreach ($name in $cmdlets) {
            if (-not (Get-Command -Name $name -ErrorAction SilentlyContinue)) {
                $missing += $name
            }
        }
        if ($missing.Count -eq $cmdlets.Count) {
            throw 'The {1} cmdlets are missing: this is not the {1} Management Shell. Start it from the Start menu (or run Import-Module {2} first), then run this again. Nothing was changed.'
        }
        "#,
        &[&list, family, module],
    );
    out.open("if ($missing.Count -gt 0)");
    out.line(&format!("$why = ' Run this in the {family} Management Shell of a {family} deployment that has them.'"));
    if push_cmdlets_may_be_missing(view.shell) {
        out.template(
            r#"
            if (@($missing | Where-Object { @({0}) -contains $_ }).Count -gt 0) {
                $why = ' The push cmdlets came with {1}: install that update, or a later one, on this Lync Server 2010 deployment.'
            }
            "#,
            &[&push_cmdlets, PUSH_CMDLETS_UPDATE],
        );
    }
    out.line("throw ('This shell lacks ' + ($missing -join ', ') + '.' + $why + ' Nothing was changed.')");
    out.close();
    out.line(&format!("Write-Host ('  OK: the ' + $cmdlets.Count + ' {family} cmdlets this script uses are all here.')"));
}

pub(in crate::core::render) fn header(out: &mut Writer, view: &ScriptView, title: &str) {
    out.comment(title);
    out.comment(&format!("Made by the Lync Server 2013 push-notification wizard (rules {RULES_VERSION}), based on"));
    out.comment(&format!("Microsoft's article \"{}\" ({}), checked {}.", view.article_title, view.article_url, view.checked_on));
    out.line("#");
    out.comment("Answers");
    for (label, value) in &view.answers {
        // The values line up one space after the longest label.
        out.comment_line(&format!("  {:<27}{value}", format!("{label}:")));
    }
    out.line("#");
    out.comment(&format!("Verdict: {}", view.verdict));
}

/// How to run a downloaded copy: Windows marks it as from the internet, and the RemoteSigned
/// policy refuses it until it is unblocked. `Unblock-File` came with PowerShell 3.0, so Lync
/// Server 2010's shell (PowerShell 2.0) needs the file's Properties dialog instead.
pub(in crate::core::render) fn unblock_hint(out: &mut Writer, file: &str, shell: PoolVersion) {
    out.comment(&format!(
        "Downloaded as {file}? Windows marks it as from the internet, and the RemoteSigned policy refuses it until you unblock it:"
    ));
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => {}
        // No reference file says which PowerShell each Skype for Business version runs, so both
        // ways are given without naming versions.
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => {
            out.comment_line(&format!("  Unblock-File -Path .\\{file}"));
            out.comment("  or right-click the file in Explorer, click Properties, click Unblock, then OK.");
            return;
        }
    }
    out.comment_line(&format!("  PowerShell 3.0 and later (Lync Server 2013): Unblock-File -Path .\\{file}"));
    out.comment("  PowerShell 2.0 (Lync Server 2010): right-click the file in Explorer, click Properties, click Unblock, then OK.");
}
