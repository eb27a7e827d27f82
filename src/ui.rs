//! The browser shell: shows and edits answers. Every rule, sentence and script comes from
//! `crate::core`; this layer only wires them to the page.

mod browser;
mod questions;
mod result;
mod state;

use leptos::prelude::*;

pub use state::{Initial, Notice, Page, Persistence, Store};

/// Reads storage and the share link once, then mounts the wizard on `<body>`.
pub fn mount() {
    let initial = browser::load_initial();
    leptos::mount::mount_to_body(move || view! { <App initial=initial /> });
}

#[component]
pub fn App(initial: Initial) -> impl IntoView {
    let store = Store::new(initial);
    provide_context(store);
    view! {
        <header class="masthead">
            <p class="eyebrow">"Lync Server 2013 mobility"</p>
            <h1>"Push notifications wizard"</h1>
            <p class="lede">
                "Answer five questions about your deployment. The wizard says whether your mobile users need push notifications, and writes the Lync Server Management Shell script, the GUI steps and the tests. Your answers stay in this browser."
            </p>
        </header>
        <state::Notices />
        <main class="layout">
            <questions::Wizard />
            <result::ResultPanel />
        </main>
        <footer class="footer">
            <p>
                "Rules " {crate::core::RULES_VERSION} " from Microsoft's "
                <a href=crate::core::facts::SEED_URL rel="noopener">{crate::core::facts::SEED_TITLE}</a>
                ". Nothing you type leaves this page."
            </p>
        </footer>
    }
}
