//! Printed, the page is the runbook, whole: while it prints, every closed part is open (the
//! undo script is rendered for it), and closes again afterwards. The browser's own Print menu
//! fires the same events as the page's Print button.

use leptos::prelude::*;

use super::browser;

/// Listens for printing while the result is on the page.
pub fn expand_for_print(undo_open: RwSignal<bool>) {
    let before = window_event_listener_untyped("beforeprint", move |_| {
        // The undo script first: its block is filled from the signal before the layout.
        undo_open.set(true);
        browser::open_for_print(true);
    });
    let after = window_event_listener_untyped("afterprint", |_| browser::open_for_print(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
