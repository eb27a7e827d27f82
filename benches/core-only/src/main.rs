//! Calls every core entry point the browser shell calls (and nothing of the shell), so the
//! linker keeps exactly the part of the wizard that is its rules core.
use lync_push_wizard::core::i18n::{fill, Language};
use lync_push_wizard::core::render::page::{progress, question_count, ChoiceGroup, Page};
use lync_push_wizard::core::render::{diagram, html, markdown, powershell, rollback, steps};
use lync_push_wizard::core::start::{start, SharedLink, StartFacts};
use lync_push_wizard::core::{saved, share, text, wizard_outcome};
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

/// Saved state, a share link and a pasted script in; everything the page shows out.
#[wasm_bindgen]
pub fn render_all(saved_json: &str, fragment: &str, pasted_script: &str, language: &str) -> String {
    let lang = Language::from_token(language).unwrap_or(Language::ALL[0]);
    let t = lang.strings();
    let mut out = String::new();
    // The start-up decision, its notices and a link followed while the page is open.
    let started = start(StartFacts { storage: Some(Some(saved_json.to_string())), fragment: fragment.to_string(), lang }).backed_up(true);
    for notice in &started.notices {
        out += &html::notice(t, &notice.text(t), notice.asks(), notice.previous().is_some());
    }
    let state = started.state;
    if let Some(link) = SharedLink::read(fragment) {
        out += &html::problems(t, &link.problems);
    }
    if let Some((pasted, problems)) = share::from_script(pasted_script) {
        out += &share::to_fragment(&pasted);
        out += &html::problems(t, &problems);
    }
    let mut answers = state.answers.clone();
    // The questions are pre-rendered: the page only keeps them in step with the answers.
    for group in ChoiceGroup::ALL {
        group.choose(&mut answers, pasted_script, true);
        out += if group.shows(&answers, language) { "1" } else { "0" };
    }
    for page in Page::ALL {
        out += &progress(t, page, page.index(), (1, 0));
        out += &question_count(t, page);
    }
    out += &html::jump_bar(t);
    out += &html::script_header(t, t.script_heading, "script", true);
    match wizard_outcome(&answers, true) {
        Ok(plan) => {
            let script = powershell::script(&plan);
            out += &powershell::for_download(&script);
            out += &html::script_lines(&script).iter().map(|line| line.as_str()).collect::<String>();
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
    out += &share::lang_fragment(lang);
    out += &saved::to_json(&state);
    out += &fill(t.page_footer, &["1"]);
    out
}
