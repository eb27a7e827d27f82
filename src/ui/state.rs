//! The one place the wizard's state lives. Derived values are `Memo`s over the core's functions.

use leptos::prelude::*;

use crate::core::i18n::{Language, Strings};
use crate::core::render::html::{self, Action};
use crate::core::saved::{SavedState, Ticks, SCHEMA_VERSION};
use crate::core::{wizard_outcome, Answers, Field, FieldError, Outcome, Plan, Problem};

use super::browser;

pub use crate::core::render::page::Page;

/// What the page starts from (`core::start`): saved or linked answers, and what the browser
/// said about them.
pub use crate::core::start::{Notice, Persistence, Start as Initial};
use crate::core::start::{replaced, SharedLink};

#[derive(Clone, Copy)]
pub struct Store {
    pub answers: RwSignal<Answers>,
    pub ticks: RwSignal<Ticks>,
    pub page: RwSignal<Page>,
    /// Furthest page reached: every page up to it can be opened directly.
    pub seen: RwSignal<usize>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The page's language: each language has its own page, so it never changes here.
    pub lang: Language,
    /// The fields whose problems are shown, one bit each (`bit`): a field's once it has been
    /// left or Next was pressed on it, every field's for answers that come back (saved, linked
    /// or restored), none on a first visit.
    pub touched: RwSignal<usize>,
    /// The plan once every answer is in, else what is missing or invalid (the core decides).
    pub outcome: Memo<Outcome>,
    /// The pasted discovery block, its lines alone, kept with the answers and never linked.
    pub discovery: RwSignal<Option<String>>,
    /// What the discovery reader last said of the plan against that block, as the core's HTML
    /// (`render::worker`); empty while there is none.
    pub outlook: RwSignal<String>,
}

/// A field's bit in `Store::touched`.
pub const fn bit(field: Field) -> usize {
    1 << field as usize
}

impl Store {
    pub fn new(initial: Initial) -> Store {
        // Answers that come back (saved or linked) were seen before: every question stays open.
        let first_visit = initial.state.answers == Answers::default();
        let seen = if first_visit { 0 } else { Page::ALL.len() - 1 };
        let answers = RwSignal::new(initial.state.answers);
        let ticks = RwSignal::new(initial.state.ticks);
        let notices = RwSignal::new(initial.notices);
        let lang = initial.lang;
        let touched = RwSignal::new(if first_visit { 0 } else { usize::MAX });
        let seen = RwSignal::new(seen);
        // The clients question is answered once left with Next, or when answers come back.
        let clients_confirmed = Memo::new(move |_| seen.get() > Page::Clients.index());
        let outcome = Memo::new(move |_| answers.with(|a| wizard_outcome(a, clients_confirmed.get())));
        let kept = if initial.persistence == Persistence::LocalStorage { browser::load_discovery() } else { None };
        let discovery = RwSignal::new(kept);
        let store = Store {
            answers,
            ticks,
            page: RwSignal::new(Page::Edge),
            seen,
            notices,
            lang,
            touched,
            outcome,
            discovery,
            outlook: RwSignal::new(String::new()),
        };
        // A field's problem shows once the field is left (a text field's id is its field's token).
        let _ = window_event_listener(leptos::ev::focusout, move |event| {
            if let Some(field) = Field::from_token(&event_target::<web_sys::Element>(&event).id()) {
                store.touch(field);
            }
        });
        if initial.persistence == Persistence::LocalStorage {
            // While a link asks which answers to keep, the saved ones are not written over. A
            // Memo, so other notices coming and going do not run the Effect again.
            let asking = Memo::new(move |_| notices.with(|n| n.iter().any(Notice::asks)));
            // The one Effect that mirrors state into storage: the answers, and beside them the
            // discovery block under its own key.
            Effect::new(move |_| {
                if asking.get() {
                    return;
                }
                let state =
                    SavedState { version: SCHEMA_VERSION, answers: answers.get(), ticks: ticks.get(), lang: Some(lang) };
                let saved = browser::save(&state) & discovery.with(|block| browser::save_discovery(block.as_deref()));
                if !saved && !notices.with_untracked(|n| n.contains(&Notice::StorageFull)) {
                    notices.update(|n| n.push(Notice::StorageFull));
                }
            });
        }
        store
    }

    pub fn go_to(self, page: Page) {
        self.page.set(page);
        self.seen.update(|seen| *seen = (*seen).max(page.index()));
    }

    /// The core's message for a field, without the label (it stands right beside the field),
    /// once the field has been left or Next pressed on it.
    pub fn field_problem(self, field: Field, t: &Strings) -> Option<String> {
        if self.touched.get() & bit(field) == 0 {
            return None;
        }
        self.outcome.with(|outcome| {
            outcome.as_ref().err().and_then(|errors| errors.iter().find(|e| e.field == field)).map(|e| e.problem_text(t))
        })
    }

    /// Shows a field's problem from now on (`touched`).
    pub fn touch(self, field: Field) {
        // Also called from a window listener that outlives a wizard unmounted (in tests).
        if self.touched.try_get_untracked().is_some_and(|touched| touched & bit(field) == 0) {
            self.touched.update(|touched| *touched |= bit(field));
        }
    }

    /// Next: the next question, or the result after the last one; but while the question shown
    /// has an answer missing or invalid, its field instead, with the problem shown.
    pub fn next(self) {
        let page = self.page.get_untracked();
        let problem = self.outcome.with_untracked(|outcome| {
            // Next is what confirms the question shown: that is no reason to stay.
            outcome.as_ref().err().and_then(|errors| {
                errors.iter().filter(|e| e.problem != Problem::NotConfirmed).map(|e| e.field).find(|&f| Page::of_field(f) == page)
            })
        });
        match (problem, Page::ALL.get(page.index() + 1)) {
            (Some(field), _) => {
                self.touch(field);
                browser::focus_field(field.token());
            }
            (None, Some(&next)) => self.go_to(next),
            // The result may be in view already (beside the questions): the verdict is marked
            // so the eye finds it, and the keyboard goes to the result.
            (None, None) => {
                browser::scroll_to_and_focus("result-heading");
                browser::flash("verdict");
            }
        }
    }

    /// Opens a field's question with its problem shown and the focus in the field, once the
    /// page shows it (after the new question's heading takes the focus).
    pub fn show_field(self, field: Field) {
        self.go_to(Page::of_field(field));
        self.touch(field);
        request_animation_frame(move || browser::focus_field(field.token()));
    }

    /// Takes the answers of a share link followed while the page is open.
    pub fn open_link(self, link: SharedLink) {
        let notice = link.notice(self.replaced_by(&link.answers));
        // A link that asks which answers to keep stays in the address bar until the choice is
        // made, so a reload asks again; otherwise it goes, so a reload keeps the edits made since.
        if !notice.asks() {
            browser::forget_fragment();
        }
        // A link in the other language opens that language's page, which takes the link.
        if let Some(lang) = link.lang.filter(|&lang| lang != self.lang) {
            if browser::open_language_page(lang, &crate::core::share::link_fragment(&link.answers, lang)) {
                return;
            }
        }
        self.take_answers(link.answers);
        self.notices.update(|n| {
            n.retain(|notice| !matches!(notice, Notice::OpenedFromLink { .. }));
            n.push(notice);
        });
    }

    /// Takes the answers a generated script carries (its header's share link).
    ///
    /// A link's notice goes: these answers are the newer choice.
    pub fn restore(self, answers: Answers, problems: Vec<FieldError>) {
        let previous = self.replaced_by(&answers);
        self.take_answers(answers);
        browser::forget_fragment();
        self.notices.update(|n| {
            n.retain(|notice| !matches!(notice, Notice::RestoredFromScript { .. } | Notice::OpenedFromLink { .. }));
            n.push(Notice::RestoredFromScript { problems, previous });
        });
    }

    /// The user's own answers that `incoming` replaces, to offer back: while a link asks which
    /// to keep, the saved ones it asks about; otherwise those on the page.
    fn replaced_by(self, incoming: &Answers) -> Option<Answers> {
        let asked = self.notices.with_untracked(|n| n.iter().find(|n| n.asks()).and_then(Notice::previous).cloned());
        match asked {
            Some(saved) => replaced(&saved, incoming),
            None => self.answers.with_untracked(|current| replaced(current, incoming)),
        }
    }

    /// Answers that come back whole (a link, a script): every question stays open and every
    /// problem shows, as for answers saved earlier.
    fn take_answers(self, answers: Answers) {
        self.answers.set(answers);
        self.seen.set(Page::ALL.len() - 1);
        self.touched.set(usize::MAX);
    }

    /// Ends the notice in `slot`; `bring_back` first restores the answers it replaced.
    pub fn end_notice(self, slot: usize, bring_back: bool) {
        let mut ended = None;
        self.notices.update(|notices| {
            if let Some(at) = notices.iter().position(|notice| notice.slot() == slot) {
                ended = Some(notices.remove(at));
            }
        });
        if let (true, Some(previous)) = (bring_back, ended.as_ref().and_then(Notice::previous)) {
            self.answers.set(previous.clone());
        }
        // The link's question is answered: a reload no longer opens it.
        if ended.as_ref().is_some_and(|notice| matches!(notice, Notice::OpenedFromLink { .. })) {
            browser::forget_fragment();
        }
    }

    pub fn reset(self) {
        // A link still asking would bring its answers back on a reload.
        browser::forget_fragment();
        self.answers.set(Answers::default());
        self.ticks.set(Ticks::default());
        self.page.set(Page::Edge);
        self.seen.set(0);
        self.touched.set(0);
        self.notices.set(Vec::new());
        self.forget_discovery();
    }

    /// The discovery block goes, and the plan against it with it.
    pub fn forget_discovery(self) {
        self.discovery.set(None);
        self.outlook.set(String::new());
    }
}


pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// One slot per kind of notice, each rewritten only when its own notice changes: the live region
/// announces what is new, not every notice again (and no keyed list is needed). The notices'
/// buttons name their action and sit in their slot, so one listener serves them all.
#[component]
pub fn Notices(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    view! {
        <div
            class="notices"
            role="status"
            aria-live="polite"
            data-testid="notices"
            on:click=move |event| {
                let slot = browser::attribute_from_event(&event, "data-slot").and_then(|s| s.parse().ok());
                if let (Some(action), Some(slot)) = (browser::action_of(&event), slot) {
                    store.end_notice(slot, action == Action::BringBack);
                    // The button goes with its notice: the keyboard goes to the question.
                    browser::focus_by_id("question-heading");
                }
            }
        >
            {(0..Notice::SLOTS)
                .filter(|&position| position != Notice::SCRIPT_SLOT)
                .map(|position| view! { <NoticeSlot t=t position=position /> })
                .collect_view()}
        </div>
    }
}

/// The notice of a restored script, beside the box it was pasted or dropped in, where the eye is.
#[component]
pub fn ScriptNotice(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    view! {
        <div
            role="status"
            id="script-notice"
            data-testid="script-notice"
            on:click=move |event| {
                if let Some(action) = browser::action_of(&event) {
                    store.end_notice(Notice::SCRIPT_SLOT, action == Action::BringBack);
                }
            }
        >
            <NoticeSlot t=t position=Notice::SCRIPT_SLOT />
        </div>
    }
}

#[component]
fn NoticeSlot(t: &'static Strings, position: usize) -> impl IntoView {
    let store = use_store();
    let notice = Memo::new(move |_| store.notices.with(|n| n.iter().find(|notice| notice.slot() == position).cloned()));
    view! {
        <div data-slot=position inner_html=move || notice.with(|n| n.as_ref().map(|n| html::notice(t, &n.text(t), n.asks(), n.previous().is_some()).into_string()).unwrap_or_default())></div>
    }
}

/// Reads the plan when there is one; before that, the value's default (nothing shown).
pub(super) fn with_plan<T: Default>(plan: Memo<Outcome>, f: impl FnOnce(&Plan) -> T) -> T {
    plan.with(|p| p.as_ref().map(f).unwrap_or_default())
}
