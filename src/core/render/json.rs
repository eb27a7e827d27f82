//! The decision and the plan as JSON, for tooling. Carries the same prose as the other renderers
//! so a tool can show it without knowing the rules.

use serde::Serialize;

use crate::core::answers::Answers;
use crate::core::decision::Decision;
use crate::core::facts::SeedSection;
use crate::core::plan::{Action, Host, Note, Plan, Role, StatusFact, Trouble};
use crate::core::i18n::EN;
use crate::core::text;
use crate::core::facts::RULES_VERSION;

use super::view::step_views;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Document<'a> {
    rules_version: &'static str,
    source: String,
    answers: Answers,
    share_fragment: String,
    decision: &'a Decision,
    headline: String,
    advice: String,
    /// What is true in 2026 (plan::StatusFact), empty unless configuring.
    status: Vec<StatusView>,
    steps: Vec<StepView<'a>>,
    notes: Vec<NoteView>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct StepView<'a> {
    number: usize,
    #[serde(flatten)]
    action: &'a Action,
    title: String,
    why: String,
    host: Host,
    role: Role,
    seed: SeedSection,
    seed_anchor: &'static str,
    manual: bool,
    /// What to type, in a fresh shell; two entries when the situation decides between them.
    commands: Vec<CommandView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    success: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failure: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    troubleshooting: Vec<TroubleView>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct CommandView {
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<String>,
    command: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct TroubleView {
    trouble: Trouble,
    symptom: &'static str,
    cause: String,
    check: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    check_where: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct StatusView {
    fact: StatusFact,
    text: String,
    source_title: String,
    source_url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct NoteView {
    note: Note,
    text: String,
}

pub fn json(plan: &Plan) -> String {
    let answers = plan.answers();
    let document = Document {
        rules_version: RULES_VERSION,
        source: text::article_url(&EN, plan.article()),
        share_fragment: crate::core::share::to_fragment(&answers),
        answers,
        decision: &plan.decision,
        headline: text::verdict_headline(&EN, &plan.decision),
        advice: text::verdict_advice(&EN, &plan.decision),
        status: plan
            .status
            .iter()
            .map(|&fact| {
                let status = text::status_text(&EN, fact, plan.push_test_said());
                StatusView { fact, text: status.text, source_title: status.source, source_url: status.url }
            })
            .collect(),
        steps: step_views(&EN, plan)
            .into_iter()
            .map(|view| {
                let step = view.step;
                StepView {
                    number: view.number,
                    action: &step.action,
                    title: view.title,
                    why: view.why,
                    host: step.host,
                    role: step.role,
                    seed: step.seed,
                    seed_anchor: step.seed.anchor(),
                    manual: step.action.is_manual(),
                    commands: view.commands.into_iter().map(|typed| CommandView { when: typed.when, command: typed.command }).collect(),
                    success: view.outcomes.as_ref().map(|(success, _)| *success),
                    failure: view.outcomes.map(|(_, failure)| failure),
                    troubleshooting: step
                        .troubles
                        .iter()
                        .zip(view.troubles)
                        .map(|(&trouble, text)| TroubleView {
                            trouble,
                            symptom: text.symptom,
                            cause: text.cause,
                            check: text.check,
                            check_where: text.check_where,
                        })
                        .collect(),
                }
            })
            .collect(),
        notes: plan.notes.iter().map(|&note| NoteView { note, text: text::note_text(&EN, note, plan.decision.shell()) }).collect(),
    };
    // Serializing plain structs of strings, bools and numbers cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
