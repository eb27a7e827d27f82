//! One step as every renderer shows it: its sentences, commands and outcomes worked out once
//! from the plan, so the plain-text steps, the Markdown runbook, the page's HTML and the JSON
//! only format them, and cannot come to say different things.

use crate::core::i18n::Strings;
use crate::core::plan::{Plan, Step};
use crate::core::text::{self, TroubleText};

use super::powershell::{commands_to_type, TypedCommand};

pub struct StepView<'p> {
    /// Numbered from 1, as the runbook numbers them.
    pub number: usize,
    /// For what a renderer writes as tokens (the action, host, role, seed section).
    pub step: &'p Step,
    pub title: String,
    pub why: String,
    /// Where it runs and who runs it, in words.
    pub host: &'static str,
    pub role: &'static str,
    /// The seed section (or deploy-page section) the step follows, and its address.
    pub source_title: &'static str,
    pub source_url: String,
    /// What a person types, with literal values (empty for a step done by hand).
    pub commands: Vec<TypedCommand>,
    /// The GUI procedure, for a step with nothing to type.
    pub by_hand: Vec<String>,
    /// For a test: what success looks like, and what failure means.
    pub outcomes: Option<(&'static str, String)>,
    pub troubles: Vec<TroubleText>,
}

/// The plan's steps, in order, in `t`'s words.
pub fn step_views<'p>(t: &Strings, plan: &'p Plan) -> Vec<StepView<'p>> {
    let shell = plan.decision.shell();
    plan.numbered()
        .map(|(number, step)| {
            let commands = commands_to_type(t, &step.action);
            let by_hand = if commands.is_empty() { text::ocs_edge_gui_steps(t) } else { Vec::new() };
            StepView {
                number,
                step,
                title: text::step_title(t, &step.action),
                why: text::step_why(t, &step.action),
                host: text::host_label(t, step.host, shell),
                role: text::role_label(t, step.role),
                source_title: step.seed.title(t),
                source_url: text::section_url(t, step.seed),
                commands,
                by_hand,
                outcomes: text::test_outcomes(t, &step.action),
                troubles: step.troubles.iter().map(|&trouble| text::trouble_text(t, trouble)).collect(),
            }
        })
        .collect()
}
