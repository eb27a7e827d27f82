//! The one place the wizard's state lives. Derived values are `Memo`s over the core's functions.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::core::decision::{decide, Decision};
use crate::core::saved::{SavedState, SCHEMA_VERSION};
use crate::core::{plan, Answers, Field, Outcome};

use super::browser;

/// One question per page, in the order the wizard asks them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Page {
    Edge,
    Clients,
    AccessEdge,
    Provider,
    Scope,
}

impl Page {
    pub const ALL: [Page; 5] = [Page::Edge, Page::Clients, Page::AccessEdge, Page::Provider, Page::Scope];

    pub const fn index(self) -> usize {
        match self {
            Page::Edge => 0,
            Page::Clients => 1,
            Page::AccessEdge => 2,
            Page::Provider => 3,
            Page::Scope => 4,
        }
    }

    pub const fn short(self) -> &'static str {
        match self {
            Page::Edge => "Edge Server",
            Page::Clients => "Mobile clients",
            Page::AccessEdge => "Access Edge",
            Page::Provider => "Hosting provider",
            Page::Scope => "Scope",
        }
    }

    pub const fn question(self) -> &'static str {
        match self {
            Page::Edge => "Which Edge Server does your deployment use?",
            Page::Clients => "Which mobile clients do your users have?",
            Page::AccessEdge => "What is the internal FQDN of your Access Edge?",
            Page::Provider => "Does a hosting provider for sipfed.online.lync.com exist already?",
            Page::Scope => "Where should push be switched on?",
        }
    }

    /// The page that asks for a field, so a problem can link to its question.
    pub const fn of_field(field: Field) -> Page {
        match field {
            Field::Edge => Page::Edge,
            Field::Clients => Page::Clients,
            Field::AccessEdge => Page::AccessEdge,
            Field::ProviderIdentity => Page::Provider,
            Field::Site => Page::Scope,
        }
    }
}

/// Where saved state goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Persistence {
    LocalStorage,
    /// Storage is disabled or holds something we must not overwrite: answers live in memory only.
    Memory,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Notice {
    OpenedFromLink { problems: Vec<String> },
    RestoredFromScript { problems: Vec<String> },
    StorageUnreadable(String),
    StorageUnavailable,
    StorageFull,
}

impl Notice {
    pub fn text(&self) -> String {
        match self {
            Notice::OpenedFromLink { problems } if problems.is_empty() => {
                "Answers opened from a link; they replace the ones saved in this browser.".into()
            }
            Notice::OpenedFromLink { problems } => format!(
                "Answers opened from a link; they replace the ones saved in this browser. Some values were not understood: {}",
                problems.join(" ")
            ),
            Notice::RestoredFromScript { problems } => {
                format!("Answers restored from the script's header. {}", problems.join(" ")).trim_end().to_string()
            }
            Notice::StorageUnreadable(message) => message.clone(),
            Notice::StorageUnavailable => {
                "This browser does not allow the page to store data, so your answers won't be kept after you close it.".into()
            }
            Notice::StorageFull => "Your answers could not be saved (browser storage is full); they are kept only while this page is open.".into(),
        }
    }
}

/// What the page starts from: saved or linked answers, and what the browser said about them.
#[derive(Clone, Debug)]
pub struct Initial {
    pub state: SavedState,
    pub notices: Vec<Notice>,
    pub persistence: Persistence,
}

impl Initial {
    /// A fresh start that touches no storage (tests, or a browser without storage).
    pub fn in_memory(answers: Answers) -> Initial {
        Initial { state: SavedState { answers, ..SavedState::default() }, notices: Vec::new(), persistence: Persistence::Memory }
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    pub answers: RwSignal<Answers>,
    pub ticks: RwSignal<BTreeSet<String>>,
    pub page: RwSignal<Page>,
    /// Furthest page reached: every page up to it can be opened directly.
    pub seen: RwSignal<usize>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The verdict as soon as the Edge Server is chosen, even while text fields are unfinished.
    pub decision: Memo<Option<Decision>>,
    pub outcome: Memo<Outcome>,
}

impl Store {
    pub fn new(initial: Initial) -> Store {
        // Answers that come back (saved or linked) were seen before: every question stays open.
        let seen = if initial.state.answers == Answers::default() { 0 } else { Page::ALL.len() - 1 };
        let answers = RwSignal::new(initial.state.answers);
        let ticks = RwSignal::new(initial.state.ticks);
        let notices = RwSignal::new(initial.notices);
        let decision = Memo::new(move |_| answers.with(|a| a.edge.map(|edge| decide(edge, a.clients.iter()))));
        let outcome = Memo::new(move |_| answers.with(plan));
        let store = Store { answers, ticks, page: RwSignal::new(Page::Edge), seen: RwSignal::new(seen), notices, decision, outcome };
        if initial.persistence == Persistence::LocalStorage {
            // The one Effect that mirrors state into storage.
            Effect::new(move |_| {
                let state = SavedState { version: SCHEMA_VERSION, answers: answers.get(), ticks: ticks.get() };
                if !browser::save(&state) {
                    notices.update(|n| {
                        if !n.contains(&Notice::StorageFull) {
                            n.push(Notice::StorageFull)
                        }
                    });
                }
            });
        }
        store
    }

    pub fn go_to(self, page: Page) {
        self.page.set(page);
        self.seen.update(|seen| *seen = (*seen).max(page.index()));
    }

    /// The core's message for a field, without the label (it stands right beside the field).
    pub fn field_problem(self, field: Field) -> Option<String> {
        self.outcome.with(|outcome| {
            outcome.as_ref().err().and_then(|errors| errors.iter().find(|e| e.field == field)).map(|e| e.problem_text())
        })
    }

    /// Takes the answers a generated script carries (its header's share link).
    pub fn restore(self, answers: Answers, problems: Vec<String>) {
        self.answers.set(answers);
        self.seen.set(Page::ALL.len() - 1);
        self.notices.update(|n| {
            n.retain(|notice| !matches!(notice, Notice::RestoredFromScript { .. }));
            n.push(Notice::RestoredFromScript { problems });
        });
    }

    pub fn reset(self) {
        self.answers.set(Answers::default());
        self.ticks.set(BTreeSet::new());
        self.page.set(Page::Edge);
        self.seen.set(0);
        self.notices.set(Vec::new());
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            <For
                each=move || store.notices.get()
                key=|notice| notice.text()
                children=move |notice: Notice| {
                    let text = notice.text();
                    view! {
                        <p class="notice">
                            <span>{text}</span>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| store.notices.update(|n| n.retain(|x| *x != notice))
                            >
                                "Dismiss"
                            </button>
                        </p>
                    }
                }
            />
        </div>
    }
}
