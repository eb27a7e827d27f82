//! The whole plan as a Markdown runbook: verdict, steps, GUI checklists, tests with
//! troubleshooting, notes, and both scripts, for a change ticket or a wiki page.

use crate::core::plan::Plan;
use crate::core::i18n::{fill, Strings};
use crate::core::text;

use super::powershell::script;
use super::view::step_views;
use super::rollback::rollback;

pub fn runbook(t: &Strings, plan: &Plan) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    let shell = plan.decision.shell();
    line(&format!("# {}", text::runbook_title(t, shell)));
    line("");
    let article = plan.article();
    line(&fill(t.rules_from, &[text::rules_checked_on(), &format!("[{}]({})", article.title(t), text::article_url(t, article))]));
    line("");
    line(&format!("## {}", t.answers_heading));
    line("");
    for (label, value) in super::answer_lines(t, &plan.answers()) {
        line(&format!("- **{label}:** `{value}`"));
    }
    line("");
    line(&format!("## {}", t.verdict_heading));
    line("");
    line(&format!("**{}**", text::verdict_headline(t, &plan.decision)));
    line("");
    line(&text::verdict_advice(t, &plan.decision));
    line("");
    if !plan.status.is_empty() {
        line(&format!("**{}**", t.status_heading));
        line("");
        for &fact in &plan.status {
            let status = text::status_text(t, fact, plan.push_test_said());
            line(&format!("- {}", fill(t.status_with_source, &[&status.text, &format!("[{}]({})", status.source, status.url)])));
        }
        line("");
    }
    for client in &plan.decision.clients {
        line(&format!("- {}{}{}", text::client_label(t, client.client), t.colon, text::need_reason(t, client.need, plan.decision.shell())));
    }
    if !plan.steps.is_empty() {
        line("");
        line(&format!("## {}", t.before_heading));
        line("");
        for (_, item) in super::steps::before_you_start(t, plan) {
            line(&format!("- [ ] {item}"));
        }
        line("");
        line(&format!("## {}", t.steps_heading));
        for view in step_views(t, plan) {
            line("");
            line(&format!("### {}. {}", view.number, view.title));
            line("");
            line(&format!("- **{}{}** {}", t.where_label, t.colon.trim_end(), view.host));
            line(&format!("- **{}{}** {}", t.who_label, t.colon.trim_end(), view.role));
            line(&format!("- **{}{}** {}", t.why_label, t.colon.trim_end(), view.why));
            line(&format!("- **{}{}** [{}]({})", t.source_label, t.colon.trim_end(), view.source_title, view.source_url));
            line("");
            for gui_step in &view.by_hand {
                line(&format!("- [ ] {gui_step}"));
            }
            for command in &view.commands {
                if let Some(when) = &command.when {
                    line(when);
                    line("");
                }
                line("```powershell");
                line(&command.command);
                line("```");
            }
            if let Some((success, failure)) = &view.outcomes {
                line("");
                line(&format!("- **{}{}** `{success}`", t.success_label, t.colon.trim_end()));
                line(&format!("- **{}{}** {failure}", t.failure_label, t.colon.trim_end()));
            }
            if !view.troubles.is_empty() {
                line("");
                line(&format!("| {} | {} | {} |", t.symptom_label, t.cause_label, t.check_label));
                line("|---|---|---|");
                for trouble in &view.troubles {
                    let check_where = trouble.check_where.map(|text| format!(" {}", cell(text))).unwrap_or_default();
                    line(&format!("| {} | {} | `{}`{check_where} |", cell(trouble.symptom), cell(&trouble.cause), cell(trouble.check)));
                }
            }
        }
    }
    for (title, body) in [(t.configuration_script_heading, script(plan)), (t.rollback_heading, rollback(plan))] {
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
