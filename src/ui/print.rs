//! Printed, the page is the runbook, whole: while it prints, every closed part is open (the
//! undo script is rendered for it), and closes again afterwards. The browser's own Print menu
//! fires the same events as the page's Print button.

use leptos::prelude::*;

use super::browser;

/// Listens for printing while the result is on the page.
pub fn expand_for_print(undo_open: RwSignal<bool>) {
    // Undo's part as the reader left it, put back after printing whatever the marking saw.
    let undo_was_open = StoredValue::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| {
        undo_was_open.set_value(undo_open.get_untracked());
        // The undo script first: its block is filled from the signal before the layout.
        undo_open.set(true);
        browser::open_for_print(true);
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        browser::open_for_print(false);
        undo_open.set(undo_was_open.get_value());
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}
