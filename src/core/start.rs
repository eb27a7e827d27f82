//! How the page starts: from plain facts the browser reports (what storage holds, if the page
//! may use it; the address's fragment), one pure decision of what the wizard starts with, which
//! notices it shows and where it keeps what changes. The page only reads the facts and carries
//! out the decision (`ui::browser::load_initial`); the rules are tested natively here.

use super::i18n::{fill, Language, Strings};
use super::saved::{self, SavedState, Unreadable};
use super::share;
use super::answers::Answers;
use super::validate::FieldError;

/// Where saved state goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Persistence {
    LocalStorage,
    /// Storage is disabled or holds something we must not overwrite: answers live in memory only.
    Memory,
}

/// There is never more than one notice of a kind: a new one replaces the old (see `Store`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Notice {
    /// `previous`: the different answers this browser had saved, which the link replaced.
    /// `ignored`: the link's names that are not answers.
    OpenedFromLink { problems: Vec<FieldError>, ignored: Vec<String>, previous: Option<Answers> },
    RestoredFromScript { problems: Vec<FieldError>, previous: Option<Answers> },
    StorageUnreadable(Unreadable),
    StorageUnavailable,
    StorageFull,
}

impl Notice {
    /// One slot per kind of notice.
    pub const SLOTS: usize = 5;
    /// `RestoredFromScript`'s, shown by the box that takes the script.
    pub const SCRIPT_SLOT: usize = 3;

    /// Where a notice shows: those about this browser's storage first.
    pub const fn slot(&self) -> usize {
        match self {
            Notice::StorageUnavailable => 0,
            Notice::StorageUnreadable(_) => 1,
            Notice::OpenedFromLink { .. } => 2,
            Notice::RestoredFromScript { .. } => Notice::SCRIPT_SLOT,
            Notice::StorageFull => 4,
        }
    }

    /// The user's own answers this notice's answers replaced, to offer back.
    pub fn previous(&self) -> Option<&Answers> {
        match self {
            Notice::OpenedFromLink { previous, .. } | Notice::RestoredFromScript { previous, .. } => previous.as_ref(),
            Notice::StorageUnreadable(_) | Notice::StorageUnavailable | Notice::StorageFull => None,
        }
    }

    /// A link that opened over other saved answers asks which to keep; until then nothing is
    /// saved over them.
    pub fn asks(&self) -> bool {
        matches!(self, Notice::OpenedFromLink { previous: Some(_), .. })
    }

    pub fn text(&self, t: &Strings) -> String {
        let with_problems = |intro: &str, problems: &[FieldError]| {
            if problems.is_empty() {
                intro.to_string()
            } else {
                let listed: Vec<String> = problems.iter().map(|p| p.message(t)).collect();
                format!("{intro} {}", fill(t.notice_link_problems, &[&listed.join(" ")]))
            }
        };
        match self {
            Notice::OpenedFromLink { problems, ignored, previous } => {
                let mut text = with_problems(if previous.is_some() { t.notice_link_ask } else { t.notice_link }, problems);
                if !ignored.is_empty() {
                    text.push(' ');
                    text.push_str(&fill(t.notice_link_ignored, &[&ignored.join(t.list_separator)]));
                }
                text
            }
            Notice::RestoredFromScript { problems, .. } => with_problems(t.notice_script, problems),
            Notice::StorageUnreadable(problem) => problem.message(t),
            Notice::StorageUnavailable => t.notice_storage_unavailable.into(),
            Notice::StorageFull => t.notice_storage_full.into(),
        }
    }
}

/// The answers that `incoming` replaces, if they were the user's own: kept so a notice can offer
/// them back and nothing the user entered is lost.
pub fn replaced(current: &Answers, incoming: &Answers) -> Option<Answers> {
    (*current != Answers::default() && current != incoming).then(|| current.clone())
}

/// What a share link in the address carries.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SharedLink {
    pub answers: Answers,
    pub problems: Vec<FieldError>,
    /// Names in the link that are not answers (`share::unknown_keys`).
    pub ignored: Vec<String>,
    pub lang: Option<Language>,
}

impl SharedLink {
    /// The link in a fragment, if it carries answers: a fragment with only `lang=` (the links
    /// between the language pages) is a language choice, not answers.
    pub fn read(fragment: &str) -> Option<SharedLink> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if !fragment.contains('=') || !share::carries_answers(fragment) {
            return None;
        }
        let (answers, problems) = share::from_fragment(fragment);
        Some(SharedLink { answers, problems, ignored: share::unknown_keys(fragment), lang: share::lang_from_fragment(fragment) })
    }

    /// The notice for opening it: `previous`, the user's own answers it replaces (`replaced`),
    /// are offered back.
    pub fn notice(&self, previous: Option<Answers>) -> Notice {
        Notice::OpenedFromLink { problems: self.problems.clone(), ignored: self.ignored.clone(), previous }
    }
}

/// What the browser reports at start-up.
#[derive(Clone, Debug)]
pub struct StartFacts {
    /// `None` when the page may not use storage; otherwise what is saved under our key.
    pub storage: Option<Option<String>>,
    /// The address's fragment, without `#` (empty when there is none).
    pub fragment: String,
    /// The language of the page opened (each language has its own page).
    pub lang: Language,
}

/// What the wizard starts with, and what the page must do for it.
#[derive(Clone, Debug)]
pub struct Start {
    pub state: SavedState,
    pub notices: Vec<Notice>,
    pub persistence: Persistence,
    pub lang: Language,
    /// Saved state this wizard cannot read: to be moved under the backup key before anything
    /// is saved over it (`Start::backed_up` says how that went).
    pub back_up: Option<String>,
    /// Whether the fragment leaves the address bar now. A link that asks which answers to keep
    /// stays until the choice is made, so a reload asks again; any other goes, so a reload keeps
    /// the edits made since.
    pub forget_fragment: bool,
}

impl Start {
    /// A fresh start that touches no storage (tests, or a browser without storage).
    pub fn in_memory(answers: Answers) -> Start {
        Start {
            state: SavedState { answers, ..SavedState::default() },
            notices: Vec::new(),
            persistence: Persistence::Memory,
            lang: Language::En,
            back_up: None,
            forget_fragment: false,
        }
    }

    /// Whether the unreadable state could be moved to the backup key. If not, it stays where it
    /// was and nothing is saved over it: nothing the user had is lost.
    pub fn backed_up(mut self, moved: bool) -> Start {
        if self.back_up.take().is_some() && !moved {
            self.persistence = Persistence::Memory;
        }
        self
    }
}

/// The start-up decision: saved answers, unless a link in the address brings others.
pub fn start(facts: StartFacts) -> Start {
    let mut notices = Vec::new();
    let mut persistence = Persistence::LocalStorage;
    let mut back_up = None;
    let raw = match facts.storage {
        Some(raw) => raw,
        None => {
            persistence = Persistence::Memory;
            notices.push(Notice::StorageUnavailable);
            None
        }
    };
    let mut state = match saved::load(raw.as_deref()) {
        Ok(state) => state,
        Err(problem) => {
            back_up = raw;
            notices.push(Notice::StorageUnreadable(problem));
            SavedState::default()
        }
    };
    let mut forget_fragment = facts.fragment.contains('=');
    if let Some(link) = SharedLink::read(&facts.fragment) {
        let notice = link.notice(replaced(&state.answers, &link.answers));
        forget_fragment = !notice.asks();
        notices.push(notice);
        state.answers = link.answers;
    }
    Start { state, notices, persistence, lang: facts.lang, back_up, forget_fragment }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{EdgeServer, MobileClient};

    fn facts(storage: Option<Option<&str>>, fragment: &str) -> StartFacts {
        StartFacts { storage: storage.map(|raw| raw.map(String::from)), fragment: fragment.into(), lang: Language::En }
    }

    fn saved(answers: &Answers) -> String {
        saved::to_json(&SavedState { answers: answers.clone(), ..SavedState::default() })
    }

    fn seed() -> Answers {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        answers
    }

    #[test]
    fn a_first_visit_starts_empty_and_saves() {
        let start = start(facts(Some(None), ""));
        assert_eq!(start.state.answers, Answers::default());
        assert!(start.notices.is_empty() && start.back_up.is_none() && !start.forget_fragment);
        assert_eq!(start.persistence, Persistence::LocalStorage);
    }

    #[test]
    fn without_storage_the_answers_live_in_memory_and_the_page_says_so() {
        let start = start(facts(None, ""));
        assert_eq!(start.persistence, Persistence::Memory);
        assert_eq!(start.notices, [Notice::StorageUnavailable]);
    }

    #[test]
    fn unreadable_state_is_backed_up_before_anything_is_saved_over_it() {
        let start = start(facts(Some(Some("{not ours")), ""));
        assert_eq!(start.back_up.as_deref(), Some("{not ours"));
        assert!(matches!(start.notices[..], [Notice::StorageUnreadable(_)]));
        assert_eq!(start.clone().backed_up(true).persistence, Persistence::LocalStorage);
        let kept = start.backed_up(false);
        assert_eq!(kept.persistence, Persistence::Memory, "not moved: never written over");
        assert!(kept.back_up.is_none());
    }

    #[test]
    fn a_link_over_other_saved_answers_asks_and_stays_in_the_address() {
        let start = start(facts(Some(Some(&saved(&seed()))), "edge=none&clients=android&lang=en"));
        assert_eq!(start.state.answers.edge, Some(EdgeServer::None));
        assert!(start.notices[0].asks());
        assert_eq!(start.notices[0].previous(), Some(&seed()), "the user's answers are offered back");
        assert!(!start.forget_fragment, "a reload asks again");
    }

    #[test]
    fn a_link_with_the_saved_answers_or_over_none_asks_nothing_and_goes() {
        let fragment = share::to_fragment(&seed());
        for storage in [Some(Some(saved(&seed()))), Some(None)] {
            let start = start(StartFacts { storage, fragment: fragment.clone(), lang: Language::En });
            assert_eq!(start.state.answers, seed());
            assert!(!start.notices[0].asks() && start.notices[0].previous().is_none());
            assert!(start.forget_fragment);
        }
    }

    #[test]
    fn a_language_only_fragment_keeps_the_saved_answers() {
        let start = start(facts(Some(Some(&saved(&seed()))), "lang=zh-TW"));
        assert_eq!(start.state.answers, seed());
        assert!(start.notices.is_empty());
        assert!(start.forget_fragment, "done with once the page is open");
    }
}
