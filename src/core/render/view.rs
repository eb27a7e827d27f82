//! What the renderers show, worked out once from the plan: each step's sentences, commands and
//! outcomes (`StepView`), and what the scripts say around their steps (`ScriptView`). The
//! plain-text steps, the Markdown runbook, the page's HTML and the JSON lay out the same step
//! views, so they cannot come to say different things about a step; the scripts lay out only
//! these views and never read the sentence table themselves (`tests/structure.rs`).

use crate::core::answers::PoolVersion;
use crate::core::i18n::{Language, Strings, EN};
use crate::core::plan::{NewProvider, Plan, Step};
use crate::core::text::{self, TroubleText};

use super::powershell::{commands_to_type, TypedCommand, When};

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
            let commands = commands_to_type(&step.action, &When { site_settings_missing: t.command_when_site_new, site_settings_exist: t.command_when_site_exists });
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

/// What the configuration script and its rollback say around their steps. Scripts are English
/// whatever the page's language (i18n.rs), so this is built from the English table only.
pub struct ScriptView<'p> {
    pub plan: &'p Plan,
    pub steps: Vec<StepView<'p>>,
    /// The version whose Management Shell runs the steps (`Decision::shell`).
    pub shell: PoolVersion,
    /// The product family in the shell's name, and the module a plain PowerShell imports.
    pub family: &'static str,
    pub module: &'static str,
    pub pool_label: &'static str,
    /// The Microsoft page the steps follow, its address, and when the rules were checked.
    pub article_title: &'static str,
    pub article_url: String,
    pub checked_on: &'static str,
    /// The answers as header lines (`label`, `value`).
    pub answers: Vec<(&'static str, String)>,
    pub verdict: String,
    pub advice: String,
    pub status_heading: &'static str,
    pub status: Vec<String>,
    /// The notes that record a choice beyond Microsoft's pages (`Note::is_choice`).
    pub choices: Vec<String>,
    /// Each client with why it does or does not need push.
    pub clients: Vec<(&'static str, &'static str)>,
    /// How to undo the OCS 2007 R2 Edge's hand-made step on its GUI.
    pub ocs_edge_undo: Vec<String>,
}

impl<'p> ScriptView<'p> {
    /// The steps the script runs (the GUI steps are done by hand).
    pub fn script_steps(&self) -> impl Iterator<Item = &StepView<'p>> {
        self.steps.iter().filter(|view| !view.step.action.is_manual())
    }

    pub fn manual_steps(&self) -> impl Iterator<Item = &StepView<'p>> {
        self.steps.iter().filter(|view| view.step.action.is_manual())
    }
}

/// The service a new hosting provider federates with, in the words of the page its Identity
/// comes from (the step carries which: `Action::AddHostingProvider::new_identity`).
pub const fn provider_service(new: NewProvider) -> &'static str {
    text::provider_service(new)
}

pub fn script_view(plan: &Plan) -> ScriptView<'_> {
    let t = &EN;
    let shell = plan.decision.shell();
    let article = plan.article();
    ScriptView {
        plan,
        steps: step_views(t, plan),
        shell,
        family: text::shell_family(shell),
        module: text::shell_module(shell),
        pool_label: text::pool_label(t, shell),
        article_title: article.title(t),
        article_url: text::article_url(t, article),
        checked_on: text::rules_checked_on(),
        answers: super::answer_lines(t, &plan.answers()),
        verdict: text::verdict_headline(t, &plan.decision),
        advice: text::verdict_advice(t, &plan.decision),
        status_heading: t.status_heading,
        status: plan.status.iter().map(|&fact| text::status_line(t, fact, plan.push_test_said())).collect(),
        choices: plan.notes.iter().filter(|note| note.is_choice()).map(|&note| text::note_text(t, note, shell)).collect(),
        clients: plan.decision.clients.iter().map(|client| (text::client_label(t, client.client), text::need_reason(t, client.need, shell))).collect(),
        ocs_edge_undo: text::ocs_edge_undo_steps(t),
    }
}

/// What the discovery script says, in one language: its comments (`i18n::script_table`) and
/// its file's name. Its code is the same in every language.
pub struct DiscoveryView {
    pub said: &'static crate::core::i18n::ScriptStrings,
    pub file: &'static str,
}

impl DiscoveryView {
    pub const fn new(lang: Language) -> DiscoveryView {
        DiscoveryView { said: lang.script_strings(), file: crate::core::facts::discovery_file(lang) }
    }

    pub const fn english() -> DiscoveryView {
        DiscoveryView::new(Language::En)
    }
}
