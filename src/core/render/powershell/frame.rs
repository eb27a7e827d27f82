//! What the configuration and rollback scripts share: the header, the script block they run in,
//! and the keys of the undo record one writes and the other reads.

use crate::core::facts::{SEED_TITLE, SEED_URL, UNDO_RECORD_FILE};
use crate::core::i18n::EN;
use crate::core::plan::Plan;
use crate::core::text;
use crate::core::RULES_VERSION;

use super::quote::quote;
use super::writer::Writer;

/// Keys of the undo record; the rollback script reads what the configuration script wrote.
pub(in crate::core::render) mod record {
    pub const CREATED_PROVIDER: &str = "CreatedHostingProvider";
    pub const CREATED_DOMAIN: &str = "CreatedAllowedDomain";
    pub const PUSH_BEFORE: &str = "PushBefore";
    pub const FEDERATION_BEFORE: &str = "AllowFederatedUsersBefore";
    pub const SAVE: &str = "$record | Export-Clixml -Path $recordPath";
}

/// Opens the script block both scripts run in: it keeps `$ErrorActionPreference` and the
/// variables out of the session, and finds the undo record beside the script (or in the current
/// folder when the script is pasted into the shell).
pub(in crate::core::render) fn open_script_block(out: &mut Writer) {
    out.comment("The script block keeps $ErrorActionPreference and its variables out of your session.");
    out.open("&");
    out.line("param($scriptPath)");
    out.line("$ErrorActionPreference = 'Stop'");
    out.line("$recordFolder = (Get-Location).Path");
    out.open("if ($scriptPath)");
    out.line("$recordFolder = Split-Path -Parent $scriptPath");
    out.close();
    out.line(&format!("$recordPath = Join-Path $recordFolder {}", quote(UNDO_RECORD_FILE)));
}

pub(in crate::core::render) fn header(out: &mut Writer, plan: &Plan, title: &str) {
    out.comment(title);
    out.comment(&format!("Made by the Lync Server 2013 push-notification wizard, rules {RULES_VERSION}, from"));
    out.comment(&format!("\"{SEED_TITLE}\" ({SEED_URL})"));
    out.line("#");
    out.comment("Answers");
    for (label, value) in crate::core::render::answer_lines(&EN, &plan.answers()) {
        out.comment_line(&format!("  {:<18}{value}", format!("{label}:")));
    }
    out.line("#");
    out.comment(&format!("Verdict: {}", text::verdict_headline(&EN, &plan.decision)));
}

