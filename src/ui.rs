//! The browser shell: shows and edits answers. Every rule, sentence and script comes from
//! `crate::core`; this layer only wires them to the page.

mod browser;
mod print;
mod questions;
mod result;
mod state;

use leptos::prelude::*;

use crate::core::i18n::{fill, Language};
use crate::core::plan::article_for;
use crate::core::text;

pub use state::{Initial, Notice, Page, Persistence, Store};

/// Reads storage and the share link once, then mounts the wizard on `<body>`, in a task of its
/// own: the module's instantiation and the first question's build are then two shorter tasks
/// instead of one long one, so a slow phone can take input in between.
pub fn mount() {
    set_timeout(
        || {
            let initial = browser::load_initial();
            leptos::mount::mount_to_body(move || view! { <App initial=initial /> });
        },
        std::time::Duration::ZERO,
    );
}

#[component]
pub fn App(initial: Initial) -> impl IntoView {
    let store = Store::new(initial);
    provide_context(store);
    Effect::new(move |_| browser::show_page_language(store.lang.get()));
    // The Microsoft page the answers' version follows, for the footer.
    let article = Memo::new(move |_| store.answers.with(|a| article_for(a.shell())));
    // A share link followed while the page is open changes only the fragment: no reload.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(link) = browser::shared_link() {
            store.open_link(link);
        }
    });
    // The result is built after the questions have been painted (a timer queued from the next
    // animation frame runs after that frame), in two tasks: the verdict and the plan first, the
    // script and everything below it in the next. The first question is on screen sooner, and
    // no single task keeps a slow phone from answering input for long (Lighthouse counted over
    // 100 ms blocked at 4x slowdown with the result in one task). A hidden tab runs no
    // animation frames, so a plain timer follows as a fallback.
    let rest_ready = RwSignal::new(false);
    let all_ready = RwSignal::new(false);
    let show_rest = move || {
        // Once only, and not after the page has gone (the fallback timer may outlive it).
        if rest_ready.try_get_untracked() == Some(false) {
            rest_ready.set(true);
            set_timeout(move || all_ready.set(true), std::time::Duration::ZERO);
        }
    };
    request_animation_frame(move || set_timeout(show_rest, std::time::Duration::ZERO));
    set_timeout(show_rest, std::time::Duration::from_millis(250));
    view! {
        // Also after the first frame: its Chinese text needs a font fallback, which made the first
        // question paint about 20 ms later. It sits over room the masthead keeps for it.
        {move || rest_ready.get().then(|| view! { <LanguageSwitch /> })}
        // The page (not the masthead, which is in index.html) is rebuilt from the chosen
        // language's table when it changes (rarely); inside, every text is a plain &'static str.
        {move || {
            let t = store.lang.get().strings();
            view! {
                <state::Notices t=t />
                <main class="layout">
                    <questions::Wizard t=t later=rest_ready />
                    {move || rest_ready.get().then(|| view! { <result::ResultPanel t=t complete=all_ready /> })}
                </main>
                // With the whole result, so nothing below the questions moves when it arrives.
                <footer class="footer" hidden=move || !all_ready.get()>
                    <p>
                        {t.page_footer}
                        <a href=move || text::article_url(t, article.get()) rel="noopener">{move || article.get().title(t)}</a>
                        {fill(t.page_footer_after, &[&text::rules_checked_on()])}
                    </p>
                </footer>
            }
        }}
    }
}

/// Outside the rebuilt page, so focus stays on it after a switch. Labelled in both languages.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let store = state::use_store();
    view! {
        <div class="language">
            <label for="language">"Language · 語言"</label>
            // The options are one HTML string with the language's own selected, written again
            // when the language changes (a share link can change it too).
            <select
                id="language"
                data-testid="language"
                inner_html=move || language_options(store.lang.get())
                on:change=move |event| {
                    if let Some(lang) = Language::from_token(&event_target_value(&event)) {
                        store.lang.set(lang);
                    }
                }
            ></select>
        </div>
    }
}

fn language_options(chosen: Language) -> String {
    let mut out = String::new();
    for &lang in Language::ALL {
        let selected = if lang == chosen { " selected" } else { "" };
        out.push_str(&format!("<option value=\"{}\"{selected}>{}</option>", lang.token(), lang.native_name()));
    }
    out
}
