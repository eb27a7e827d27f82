//! The plan as numbered text: verdict, reasons, each step with where, who, why and how, the GUI
//! procedures and the tests with what success and failure look like.

use crate::core::plan::Plan;
use crate::core::i18n::{Strings, EN};
use crate::core::text;

use super::view::step_views;

/// The plan as the command line prints it (English).
pub fn steps(plan: &Plan) -> String {
    let t = &EN;
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    let shell = plan.decision.shell();
    line(&format!("Push notifications for {} mobility: plan", text::shell_family(shell)));
    let article = plan.article();
    line(&format!(
        "Based on Microsoft's article \"{}\" ({}), checked {}.",
        article.title(t),
        text::article_url(t, article),
        text::rules_checked_on()
    ));
    line("");
    line("Answers");
    for (label, value) in super::answer_lines(t, &plan.answers()) {
        // The values line up one space after the longest label.
        line(&format!("  {:<27}{value}", format!("{label}:")));
    }
    line("");
    line(&format!("Verdict: {}", text::verdict_headline(t, &plan.decision)));
    line(&text::verdict_advice(t, &plan.decision));
    if !plan.status.is_empty() {
        line("");
        line(t.status_heading);
        for &fact in &plan.status {
            let status = text::status_text(t, fact, plan.push_test_said());
            line(&format!("  - {}", status.text));
            line(&format!("    Source: \"{}\" ({})", status.source, status.url));
        }
    }
    if !plan.decision.clients.is_empty() {
        line("");
        line("Mobile clients");
        for client in &plan.decision.clients {
            line(&format!("  - {}: {}", text::client_label(t, client.client), text::need_reason(t, client.need, plan.decision.shell())));
        }
    }
    if !plan.steps.is_empty() {
        line("");
        line("Before you start");
        line(&format!("  {}", text::start_shell_step(t, shell)));
        line(&format!("  (In a plain Windows PowerShell window, run Import-Module {} first.)", text::shell_module(shell)));
        line("");
        line("Steps");
        for view in step_views(t, plan) {
            line(&format!("{:>2}. {}", view.number, view.title));
            line(&format!("    Where:  {}", view.host));
            line(&format!("    Who:    {}", view.role));
            line(&format!("    Why:    {}", view.why));
            line(&format!("    Source: \"{}\" ({})", view.source_title, view.source_url));
            if !view.by_hand.is_empty() {
                line("    By hand:");
                for (index, gui_step) in view.by_hand.iter().enumerate() {
                    line(&format!("      {}. {gui_step}", letter(index)));
                }
            }
            for command in &view.commands {
                if let Some(when) = &command.when {
                    line(&format!("    {when}"));
                }
                line(&format!("    Run:    {}", command.command));
            }
            if !view.commands.is_empty() {
                if view.step.action.is_test() {
                    line("            (read-only; the script runs it and prints the result)");
                } else {
                    line("            (the script runs this only when its check shows it is needed)");
                }
            }
            if let Some((success, failure)) = &view.outcomes {
                line(&format!("    Expect: {success}"));
                line(&format!("    If not: {failure}"));
            }
            if !view.troubles.is_empty() {
                line("    Troubleshooting:");
                for trouble in &view.troubles {
                    line(&format!("      - {}", trouble.symptom));
                    line(&format!("        Cause: {}", trouble.cause));
                    line(&format!("        Check: {}", trouble.check));
                    if let Some(check_where) = trouble.check_where {
                        line(&format!("               {check_where}"));
                    }
                }
            }
        }
    }
    if !plan.notes.is_empty() {
        line("");
        line("Notes");
        for note in &plan.notes {
            line(&format!("  - {}", text::note_text(t, *note, shell)));
        }
    }
    out
}

/// What to have in place before anything runs, as a checklist `(id, text)`: starting the shell,
/// then the plan's notes (the runbook's "Before you start"). Ids are stable, so saved ticks stay
/// on the right item.
pub fn before_you_start(t: &Strings, plan: &Plan) -> Vec<(String, String)> {
    if plan.steps.is_empty() {
        return Vec::new();
    }
    let shell = plan.decision.shell();
    let mut items = vec![("start-shell".to_string(), text::start_shell_step(t, shell))];
    items.extend(plan.notes.iter().map(|&note| (format!("note-{}", note.token()), text::note_text(t, note, shell))));
    items
}

/// The hand-done GUI steps of a plan as a checklist `(id, text)`, empty when the script does
/// everything. Ids are stable, so saved ticks stay on the right item.
pub fn checklist(t: &Strings, plan: &Plan) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for (number, _) in plan.numbered().filter(|(_, step)| step.action.is_manual()) {
        for (index, gui_step) in text::ocs_edge_gui_steps(t).into_iter().enumerate() {
            items.push((format!("step{number}-gui{}", index + 1), gui_step));
        }
    }
    items
}

fn letter(index: usize) -> char {
    (b'a' + (index % 26) as u8) as char
}
