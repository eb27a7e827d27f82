//! The result, live: verdict and reasons, the plan, the script, the GUI checklist, the tests,
//! the share link and reset. Everything shown is read from the core's plan.
//!
//! This module is the panel and the plan's parts in the runbook's order (verdict card, jump bar,
//! runbook actions, sections, checklists, share and reset); the script cards, which carry a
//! script's text in and out of the page, are in `scripts`.

use leptos::prelude::*;

use crate::core::decision::Verdict;
use crate::core::facts::{ROLLBACK_FILE, RUNBOOK_FILE, SCRIPT_FILE, UNDO_RECORD_FILE};
use crate::core::i18n::{fill, Strings};
use crate::core::plan::{Outcome, Plan};
use crate::core::render::powershell::script;
use crate::core::render::rollback::rollback;
use crate::core::render::html::{Action, Html};
use crate::core::render::{diagram::diagram, html, steps};
use crate::core::share;
use crate::core::text::verdict_headline;
use crate::core::{Answers, Field};

use super::browser;
use super::files;
use super::print;
use super::worker;
use super::scripts::{OpenScript, ScriptBlock};
use super::state::{use_store, with_plan};

/// `complete`: false while only the top of the result (verdict to plan) is built.
///
/// The order is the runbook's: verdict, what to have in place, the plan, the script, then the
/// checks. A bar of jump links stays in view above it all.
#[component]
pub fn ResultPanel(t: &'static Strings, complete: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    // The parts read the plan from the outcome, which changes only when the plan or the
    // problems do; they appear and go as these change, not on every change of the plan.
    let plan = store.outcome;
    let has_plan = Memo::new(move |_| plan.with(Result::is_ok));
    let has_steps = Memo::new(move |_| plan.with(|p| p.as_ref().is_ok_and(|p| !p.steps.is_empty())));
    let has_manual = Memo::new(move |_| plan.with(|p| p.as_ref().is_ok_and(|p| p.steps.iter().any(|step| step.action.is_manual()))));
    // The rollback is rendered only while its section is open (or the page is printed):
    // re-rendering a second coloured script on every answer would double the time each change
    // takes to show.
    let undo_open = RwSignal::new(false);
    print::expand_for_print(undo_open);
    view! {
        <section class="result" aria-labelledby="result-heading" data-testid="result">
            <h2 id="result-heading" tabindex="-1">{t.result_heading}</h2>
            <VerdictCard t=t />
            // A child of the whole result, so it stays in view down to the end of it.
            <JumpBar t=t undo_open=undo_open shown=has_steps />
            <div hidden=unless(has_steps)>
                <RunbookActions t=t plan=plan />
                <Checklist t=t title=t.before_heading test_id="before" plan=plan items=steps::before_you_start help=true />
            </div>
            // Like the verdict, only once every answer is in.
            <div class="card diagram-card" data-testid="diagram" hidden=unless(has_plan)>
                <h3>{t.diagram_heading}</h3>
                <div inner_html=move || with_plan(plan, |p| diagram(t, &p.decision)).into_string()></div>
            </div>
            <div hidden=unless(has_steps)>
                <Section t=t title=t.plan_heading id="plan" plan=plan render=html::plan_steps />
                // Where a discovery block is kept: each step against the deployment it shows, as
                // the discovery reader renders it (`render::worker`).
                <div
                    class="card outlook"
                    data-testid="outlook"
                    hidden=move || store.outlook.with(String::is_empty)
                    inner_html=move || store.outlook.get()
                ></div>
            </div>
            // Only where something is done by hand (the OCS 2007 R2 Edge's GUI steps, the plan's
            // first step): before the script, as the plan orders it.
            <div hidden=unless(has_manual)>
                <Checklist t=t title=t.checklist_heading test_id="checklist" plan=plan items=steps::checklist help=false />
            </div>
            // The second part: everything from the script down, hidden while there is nothing
            // to show in it.
            {move || complete.get().then(|| view! {
                <div hidden=unless(has_plan)>
                    <ScriptBlock
                        t=t
                        plan=plan
                        shown=RwSignal::new(true)
                        title=t.script_heading
                        file_name=SCRIPT_FILE
                        test_id="script"
                        render=script
                    />
                </div>
                <div hidden=unless(has_steps)>
                    <Section t=t title=t.tests_heading id="tests" plan=plan render=html::tests />
                    <details
                        class="undo"
                        id="undo"
                        prop:open=undo_open
                        on:toggle=move |event| undo_open.set(event_target::<web_sys::Element>(&event).has_attribute("open"))
                    >
                        <summary id="undo-heading">{t.undo_summary}</summary>
                        <p class="help">{fill(t.undo_help, &[UNDO_RECORD_FILE])}</p>
                        <ScriptBlock
                            t=t
                            plan=plan
                            shown=undo_open
                            title=t.rollback_heading
                            file_name=ROLLBACK_FILE
                            test_id="rollback"
                            render=rollback
                        />
                    </details>
                </div>
                <ShareAndReset t=t />
                <OpenScript t=t />
            })}
        </section>
    }
}

/// Jump links to the parts of a long result, and Edit to go back to the questions (above the
/// result on a narrow screen); it stays at the top of the screen while the result scrolls under
/// it. Buttons, not `#` links: the fragment carries the answers.
#[component]
fn JumpBar(t: &'static Strings, undo_open: RwSignal<bool>, shown: Memo<bool>) -> impl IntoView {
    let jump = move |to: Action| {
        if to == Action::ToUndo {
            undo_open.set(true);
        }
        // After the page shows what was opened.
        let heading = format!("{}-heading", to.token());
        request_animation_frame(move || browser::scroll_to_and_focus(&heading));
    };
    view! {
        <nav
            class="jump-bar"
            aria-label=t.jump_nav
            data-testid="jump-bar"
            hidden=unless(shown)
            inner_html=html::jump_bar(t).into_string()
            on:click=move |event| match browser::action_of(&event) {
                Some(Action::Edit) => browser::scroll_to_and_focus("question-heading"),
                Some(to @ (Action::ToPlan | Action::ToScript | Action::ToTests | Action::ToUndo)) => jump(to),
                _ => {}
            }
        ></nav>
    }
}


/// The whole plan to keep: as a Markdown file, or printed (see `print`).
#[component]
fn RunbookActions(t: &'static Strings, plan: Memo<Outcome>) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let store = use_store();
    // The page's worker writes the runbook (`render::worker`): its Markdown is not in this wasm.
    let download = move || {
        let fragment = with_plan(plan, |p| share::to_fragment(&p.answers()));
        worker::ask_runbook(store, &fragment, move |text| {
            let saved = !text.is_empty() && files::download(RUNBOOK_FILE, &text);
            let _ = status.try_set(if saved { fill(t.downloaded, &[RUNBOOK_FILE]) } else { t.download_failed.into() });
        });
    };
    view! {
        <div class="runbook-actions">
            <div
                class="actions"
                on:click=move |event| match browser::action_of(&event) {
                    Some(Action::Download) => download(),
                    Some(Action::Print) => browser::print(),
                    _ => {}
                }
            >
                <button type="button" class="secondary" data-action=Action::Download.token() data-testid="download-runbook">{t.download_runbook}</button>
                <button type="button" class="secondary" data-action=Action::Print.token() data-testid="print-runbook">{t.print_runbook}</button>
            </div>
            <p class="status" aria-live="polite">{status}</p>
        </div>
    }
}

/// The verdict once every answer is in; until then, in neutral colours, that there is none yet
/// and what is left, each linked to its field. The headline is a live region of its own, so a
/// screen reader hears the verdict come and go, not every change below it.
#[component]
fn VerdictCard(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let kind = move || {
        store.outcome.with(|o| match o.as_ref().map(|p| p.decision.verdict) {
            Err(_) => "pending",
            Ok(Verdict::Configure { .. }) => "configure",
            Ok(Verdict::NotNeeded { .. }) => "not-needed",
            Ok(Verdict::Blocked { .. }) => "blocked",
            Ok(Verdict::NotRecommended { .. }) => "not-recommended",
        })
    };
    view! {
        <div
            class="card verdict"
            id="verdict"
            data-testid="verdict"
            data-verdict=kind
            // One listener for the list of what is left; each button names its field.
            on:click=move |event| {
                if let Some(field) = browser::attribute_from_event(&event, "data-field").and_then(|f| Field::from_token(&f)) {
                    store.show_field(field);
                }
                match browser::action_of(&event) {
                    Some(Action::ConfigureMpns) => store.answers.update(|answers| answers.configure_retired_mpns = true),
                    Some(Action::LeaveMpnsOff) => store.answers.update(|answers| answers.configure_retired_mpns = false),
                    _ => {}
                }
            }
        >
            <p class="headline" role="status" data-testid="verdict-headline">
                {move || store.outcome.with(|o| match o {
                    Ok(plan) => verdict_headline(t, &plan.decision),
                    Err(_) => t.pending_headline.into(),
                })}
            </p>
            <div inner_html=move || {
                store.outcome.with(|o| match o {
                    Ok(plan) => html::verdict(t, plan),
                    Err(errors) => html::pending(t, errors),
                })
                .into_string()
            }></div>
        </div>
    }
}


/// For `hidden`: one closure type for every part shown on a condition, so the page's code for
/// it is built once rather than once per part.
fn unless(shown: Memo<bool>) -> impl Fn() -> bool + Copy {
    move || !shown.get()
}

/// A card whose body is one HTML part of the plan, from the core's HTML renderer. Its heading
/// (`<id>-heading`) is where a jump link lands.
#[component]
fn Section(
    t: &'static Strings,
    title: &'static str,
    id: &'static str,
    plan: Memo<Outcome>,
    render: fn(&Strings, &Plan) -> Html,
) -> impl IntoView {
    view! {
        <div class="card">
            <h3 id=format!("{id}-heading") tabindex="-1">{title}</h3>
            <div data-testid=id inner_html=move || with_plan(plan, |p| render(t, p)).into_string()></div>
        </div>
    }
}

/// Items to tick as they are done, from the core (`steps`); the ticks are saved with the answers.
#[component]
fn Checklist(
    t: &'static Strings,
    title: &'static str,
    test_id: &'static str,
    plan: Memo<Outcome>,
    items: fn(&Strings, &Plan) -> Vec<(String, String)>,
    /// Says that the ticks are kept: on the first list only.
    help: bool,
) -> impl IntoView {
    let store = use_store();
    view! {
        <div class="card">
            <h3 id=format!("{test_id}-heading") tabindex="-1">{title}</h3>
            <p class="help tick-help" hidden=!help>{t.checklist_help}</p>
            // Rebuilt when the plan changes. Ticks are read untracked: a box keeps its own state
            // once shown, so ticking one does not rebuild the list and take the focus from it.
            // (Reset clears the ticks with the answers, and so with the plan.)
            <ul
                class="checklist"
                data-testid=test_id
                inner_html=move || {
                    with_plan(plan, |p| store.ticks.with_untracked(|ticked| html::checklist(&items(t, p), |id| ticked.contains(id)))).into_string()
                }
                on:change=move |event| {
                    if let Some(id) = browser::attribute_from_event(&event, "data-tick") {
                        let ticked = event_target_checked(&event);
                        store.ticks.update(|t| { if ticked { t.insert(id); } else { t.remove(&id); } })
                    }
                }
            ></ul>
        </div>
    }
}

#[component]
fn ShareAndReset(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let link = move || browser::link_to(&store.answers.with(|a| share::link_fragment(a, store.lang)));
    let status = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    // The focus goes with the question and comes back with the button, once the page shows the
    // change (a hidden button cannot take it): the keyboard is never left on something hidden.
    let ask = move |asking: bool| {
        confirming.set(asking);
        request_animation_frame(move || browser::focus_by_id(if asking { "reset-cancel" } else { "reset" }));
    };
    let copy_link = move || {
        let link = link();
        leptos::task::spawn_local(async move {
            status.set(if files::copy_or_select(link, "share-link").await {
                t.link_copied.into()
            } else {
                t.link_selected.into()
            });
        });
    };
    // Nothing to share or reset before the first answer.
    let answered = Memo::new(move |_| store.answers.with(|a| *a != Answers::default()));
    view! {
        <div class="card share" hidden=move || !answered.get() && !confirming.get() && status.with(String::is_empty)>
            <h3>{t.share_heading}</h3>
            <p class="help">{t.share_help}</p>
            <p class="link-line">
                <code id="share-link" data-testid="share-link">{link}</code>
            </p>
            <div
                class="actions"
                on:click=move |event| match browser::action_of(&event) {
                    Some(Action::CopyLink) => copy_link(),
                    Some(Action::Reset) => ask(true),
                    Some(Action::ResetConfirm) => {
                        store.reset();
                        status.set(t.reset_done.into());
                        ask(false);
                    }
                    Some(Action::ResetCancel) => ask(false),
                    _ => {}
                }
            >
                <button type="button" class="secondary" data-action=Action::CopyLink.token() data-testid="copy-link">
                    {t.copy_link}
                </button>
                // Reset asks first: its button gives way to the question until it is answered.
                <button type="button" class="danger" id="reset" data-action=Action::Reset.token() data-testid="reset" hidden=confirming>
                    {t.reset}
                </button>
                <span class="confirm" role="group" aria-label=t.reset_question hidden=move || !confirming.get()>
                    {t.reset_question}
                    <button type="button" class="danger" data-action=Action::ResetConfirm.token() data-testid="reset-confirm">
                        {t.reset_confirm}
                    </button>
                    <button type="button" class="secondary" id="reset-cancel" data-action=Action::ResetCancel.token() data-testid="reset-cancel">
                        {t.cancel}
                    </button>
                </span>
            </div>
            <p class="status" aria-live="polite" data-testid="share-status">{status}</p>
        </div>
    }
}
