//! The whole plan as a Markdown runbook: verdict, steps, GUI checklists, tests with
//! troubleshooting, notes, and both scripts, for a change ticket or a wiki page.

use crate::core::facts::{SEED_TITLE, SEED_URL};
use crate::core::plan::Plan;
use crate::core::text;
use crate::core::RULES_VERSION;

use super::powershell::{script, seed_command};
use super::rollback::rollback;

pub fn runbook(plan: &Plan) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line("# Push notifications for Lync Server mobility: runbook");
    line("");
    line(&format!("Rules {RULES_VERSION}, from [{SEED_TITLE}]({SEED_URL})."));
    line("");
    line("## Answers");
    line("");
    for (label, value) in super::answer_lines(&plan.answers()) {
        line(&format!("- **{label}:** `{value}`"));
    }
    line("");
    line("## Verdict");
    line("");
    line(&format!("**{}**", text::verdict_headline(&plan.decision)));
    line("");
    line(text::verdict_advice(&plan.decision));
    line("");
    for client in &plan.decision.clients {
        line(&format!("- {}: {}", text::client_label(client.client), text::need_reason(client.need)));
    }
    if !plan.steps.is_empty() {
        line("");
        line("## Before you start");
        line("");
        line(&format!("- [ ] {}", text::start_shell_step()));
        for note in &plan.notes {
            line(&format!("- [ ] {}", text::note_text(*note)));
        }
        line("");
        line("## Steps");
        for (number, step) in plan.numbered() {
            line("");
            line(&format!("### {number}. {}", text::step_title(&step.action)));
            line("");
            line(&format!("- **Where:** {}", text::host_label(step.host)));
            line(&format!("- **Who:** {}", text::role_label(step.role)));
            line(&format!("- **Why:** {}", text::step_why(&step.action)));
            line(&format!("- **Source:** [{}]({SEED_URL}#{})", step.seed.title(), step.seed.anchor()));
            line("");
            match seed_command(&step.action) {
                Some(command) => {
                    line("```powershell");
                    line(&command);
                    line("```");
                }
                None => {
                    for gui_step in text::ocs_edge_gui_steps() {
                        line(&format!("- [ ] {gui_step}"));
                    }
                }
            }
            if let Some((success, failure)) = text::test_outcomes(&step.action) {
                line("");
                line(&format!("- **Success:** `{success}`"));
                line(&format!("- **Failure:** {failure}"));
            }
            if !step.troubles.is_empty() {
                line("");
                line("| Symptom | Cause | Check |");
                line("|---|---|---|");
                for trouble in &step.troubles {
                    let trouble = text::trouble_text(*trouble);
                    line(&format!("| {} | {} | `{}` |", cell(trouble.symptom), cell(trouble.cause), cell(trouble.check)));
                }
            }
        }
    }
    for (title, body) in [("Configuration script", script(plan)), ("Rollback script", rollback(plan))] {
        line("");
        line(&format!("## {title}"));
        line("");
        line("```powershell");
        line(body.trim_end_matches('\n'));
        line("```");
    }
    out
}

/// A table cell: a `|` would end the cell, so it is escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}
