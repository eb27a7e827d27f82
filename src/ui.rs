//! The browser shell: shows and edits answers. Every rule, sentence and script comes from
//! `crate::core`; this layer only wires them to the page.
//!
//! The page arrives with its questions already in the HTML (`core::render::page`, written by the
//! release build). The wasm takes those elements over as they are (`questions::adopt`): nothing
//! is built again, so what the reader chose, typed, focused or scrolled to stays. Only what the
//! HTML cannot know is built here: the notices, the result and the footer.

mod browser;
mod discovery;
mod report;
mod files;
mod print;
mod questions;
mod result;
mod scripts;
mod state;
mod worker;

use std::cell::RefCell;
use std::rc::Rc;

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use crate::core::i18n::{fill, Language};
use crate::core::share;
use crate::core::plan::article_for;
use crate::core::text;

pub use state::{Initial, Notice, Page, Persistence, Store};

/// Reads storage and the share link, then takes the page over, in a task of its own: the
/// module's instantiation and the takeover are then two shorter tasks instead of one long one,
/// so a slow phone can take input in between.
pub fn mount() {
    set_timeout(|| take_over(browser::load_initial()).forget(), std::time::Duration::ZERO);
}

/// What the takeover built in the page (the result, the footer), to unmount with the wizard.
type Built = Rc<RefCell<Vec<UnmountHandle<AnyViewState>>>>;

/// The live wizard. Dropping it ends it (the component tests do); the page keeps it forever.
pub struct Wizard {
    /// What was built for the HTML: the result and the footer, dropped before the root.
    mounted: Built,
    /// The notices, whose owner is the root of everything else: the store, the adopted questions.
    _root: Option<UnmountHandle<AnyViewState>>,
}

impl Wizard {
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for Wizard {
    fn drop(&mut self) {
        self.mounted.borrow_mut().clear();
    }
}

/// Takes over the pre-rendered page in the document (`core::render::page::body`).
///
/// In stages, each a task of its own, so no single task keeps a slow phone from answering
/// input for long: the questions and the notices first; after the next frame the verdict and
/// the plan; in the task after that the script and everything below it. A hidden tab runs no
/// animation frames, so a plain timer follows as a fallback.
pub fn take_over(initial: Initial) -> Wizard {
    let mounted: Built = Rc::default();
    let t = browser::strings(initial.lang);
    let persistence = initial.persistence;
    let later = mounted.clone();
    // Mounting the notices starts the reactive system; their owner owns the rest.
    let root = browser::html_element("notices-root").map(|parent| {
        mount_to(parent, move || {
            let store = Store::new(initial);
            provide_context(store);
            // What was chosen or typed in the page before the wasm arrived is an answer like any.
            questions::take_early_answers(store);
            questions::adopt(t);
            adopt_language_links(store, persistence);
            discovery::adopt(t);
            report::adopt();
            // A share link followed while the page is open changes only the fragment: no reload.
            let _ = window_event_listener(leptos::ev::hashchange, move |_| {
                if let Some(link) = browser::shared_link() {
                    store.open_link(link);
                }
            });
            schedule_result(t, store, later);
            view! { <state::Notices t=t /> }.into_any()
        })
    });
    browser::mark_ready();
    Wizard { mounted, _root: root }
}

/// After the next frame, in a task of its own, the result in place of the pre-rendered one.
fn schedule_result(t: &'static crate::core::i18n::Strings, store: Store, mounted: Built) {
    let Some(owner) = Owner::current() else { return };
    let done = Rc::new(std::cell::Cell::new(false));
    let show_rest = move || {
        // Once only, and not after the wizard has gone (the fallback timer may outlive it).
        if done.replace(true) || store.answers.try_get_untracked().is_none() {
            return;
        }
        owner.with(|| show_result(t, &mounted));
    };
    let first = show_rest.clone();
    request_animation_frame(move || set_timeout(first, std::time::Duration::ZERO));
    set_timeout(show_rest, std::time::Duration::from_millis(250));
}

/// Builds the result in place of the pre-rendered one, and the footer, then the script and
/// everything below it in a task of its own.
fn show_result(t: &'static crate::core::i18n::Strings, mounted: &Built) {
    let store = state::use_store();
    let complete = RwSignal::new(false);
    // The placeholder goes and the result comes in one task: nothing is painted in between.
    if let (Some(layout), Some(placeholder)) = (browser::html_element("layout"), browser::by_id("result-placeholder")) {
        placeholder.remove();
        mounted.borrow_mut().push(mount_to(layout, move || view! { <result::ResultPanel t=t complete=complete /> }.into_any()));
    }
    // The Microsoft page the answers' version follows, for the footer.
    let article = Memo::new(move |_| store.answers.with(|a| article_for(a.shell())));
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        mounted.borrow_mut().push(mount_to(body, move || {
            view! {
                // With the whole result, so nothing below the questions moves when it arrives.
                <footer class="footer" hidden=move || !complete.get()>
                    <p>
                        {t.page_footer}
                        <a href=move || text::article_url(t, article.get()) rel="noopener">{move || article.get().title(t)}</a>
                        {fill(t.page_footer_after, &[text::rules_checked_on()])}
                    </p>
                </footer>
            }
            .into_any()
        }));
    }
    set_timeout(move || complete.set(true), std::time::Duration::ZERO);
}

/// The links to the other languages' pages carry the answers where this browser cannot keep
/// them between pages (storage blocked); otherwise the other page reads them from storage.
fn adopt_language_links(store: Store, persistence: Persistence) {
    for &other in Language::ALL {
        let Some(link) = browser::by_id(&format!("language-{}", other.token())) else { continue };
        let page = link.get_attribute("href").unwrap_or_default().split('#').next().unwrap_or_default().to_string();
        Effect::new(move |_| {
            let fragment = match persistence {
                Persistence::LocalStorage => share::lang_fragment(other),
                Persistence::Memory => store.answers.with(|a| share::link_fragment(a, other)),
            };
            browser::set_attribute(&link, "href", &format!("{page}#{fragment}"));
        });
    }
}
