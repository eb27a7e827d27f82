//! Calls every core entry point the browser shell calls (and nothing of the shell), so the
//! linker keeps exactly the part of the wizard that is its rules core.
use lync_push_wizard::core::i18n::{fill, Language};
use lync_push_wizard::core::render::{diagram, html, markdown, powershell, rollback, steps};
use lync_push_wizard::core::{saved, share, text, wizard_outcome};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

/// Saved state, a share link and a pasted script in; everything the page shows out.
#[wasm_bindgen]
pub fn render_all(saved_json: &str, fragment: &str, pasted_script: &str, language: &str) -> String {
    let lang = Language::from_token(language).unwrap_or(Language::ALL[0]);
    let t = lang.strings();
    let mut out = String::new();
    let state = match saved::load(Some(saved_json)) {
        Ok(state) => state,
        Err(problem) => {
            out += &problem.message(t);
            saved::SavedState::default()
        }
    };
    let (linked, link_problems) = share::from_fragment(fragment);
    out += &html::problems(t, &link_problems);
    if let Some(linked_lang) = share::lang_from_fragment(fragment) {
        out += linked_lang.token();
    }
    if let Some((pasted, problems)) = share::from_script(pasted_script) {
        out += &share::to_fragment(&pasted);
        out += &html::problems(t, &problems);
    }
    let answers = if fragment.is_empty() { state.answers.clone() } else { linked };
    out += &html::edge_choices(t);
    out += &html::client_choices(t);
    out += &html::yes_no("existing-provider", t.page_provider, t.provider_no, t.provider_yes);
    match wizard_outcome(&answers, true) {
        Ok(plan) => {
            let script = powershell::script(&plan);
            out += &powershell::for_download(&script);
            out += &html::script_lines(&script).concat();
            out += &rollback::rollback(&plan);
            out += &diagram::diagram(t, &plan.decision);
            out += &diagram::description(t, &plan.decision);
            out += &markdown::runbook(t, &plan);
            out += &text::verdict_headline(t, &plan.decision);
            out += &html::verdict(t, &plan);
            out += &html::plan_steps(t, &plan);
            out += &html::tests(t, &plan);
            for items in [steps::before_you_start(t, &plan), steps::checklist(t, &plan)] {
                out += &html::checklist(&items, |id| state.ticks.contains(id));
            }
        }
        Err(errors) => {
            for error in &errors {
                out += &error.problem_text(t);
            }
            out += &html::pending(t, &errors);
        }
    }
    out += &share::link_fragment(&answers, lang);
    out += &saved::to_json(&state);
    out += &fill(t.page_footer, &["1"]);
    out
}
