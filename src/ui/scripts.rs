//! The scripts: each generated one shown coloured, with Copy, Download .ps1 and line wrapping,
//! and a generated one pasted, chosen or dropped to bring back the answers it was made from. Apart
//! from the result panel because these cards carry the script's own text in and out of the page
//! (clipboard, files, the lines patched in place), while the panel only shows the plan's parts.

use leptos::prelude::*;

use crate::core::i18n::{fill, Strings};
use crate::core::plan::{Outcome, Plan};
use crate::core::render::html::{self, Action, Html};
use crate::core::render::powershell::for_download;
use crate::core::share;

use super::browser;
use super::files;
use super::state::{use_store, with_plan, ScriptNotice};

/// A script with Copy and Download .ps1; its text is made only while `shown`.
#[component]
pub(super) fn ScriptBlock(
    t: &'static Strings,
    plan: Memo<Outcome>,
    shown: RwSignal<bool>,
    title: &'static str,
    file_name: &'static str,
    test_id: &'static str,
    render: fn(&Plan) -> String,
) -> impl IntoView {
    let text = Memo::new(move |_| if shown.get() { with_plan(plan, render) } else { String::new() });
    let lines = Memo::new(move |_| text.with(|t| html::script_lines(t)));
    // An answer usually changes a few lines of a long script: only those are replaced, rather
    // than the browser parsing the whole coloured script again on every change.
    Effect::new(move |rendered: Option<Vec<Html>>| {
        let wanted = lines.get();
        match browser::by_id(test_id).and_then(|pre| pre.first_element_child()) {
            Some(element) => {
                browser::patch_lines(&element, rendered.as_deref().unwrap_or_default(), &wanted);
                wanted
            }
            None => Vec::new(),
        }
    });
    let status = RwSignal::new(String::new());
    let copy = move || {
        let script = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(if files::copy_or_select(script, test_id).await {
                t.copied.into()
            } else {
                t.copy_selected.into()
            });
        });
    };
    let download = move || {
        let saved = files::download(file_name, &for_download(&text.get_untracked()));
        status.set(if saved { fill(t.downloaded, &[file_name]) } else { t.download_failed.into() });
    };
    // Long lines wrap by default where a line of the script does not fit (a phone); the box
    // keeps its own scrolling either way, so the actions above it stay in view.
    let wrap = browser::is_narrow();
    view! {
        <div class="card script">
            <div
                class="script-header"
                inner_html=html::script_header(t, title, test_id, wrap).into_string()
                on:click=move |event| match browser::action_of(&event) {
                    Some(Action::Copy) => copy(),
                    Some(Action::Download) => download(),
                    Some(Action::Wrap) => browser::set_class(test_id, "wrap", event_target_checked(&event)),
                    _ => {}
                }
            ></div>
            <p class="status" aria-live="polite" data-testid=format!("{test_id}-status")>{status}</p>
            <pre class=if wrap { "code script-code wrap" } else { "code script-code" } id=test_id data-testid=test_id tabindex="0" aria-label=title>
                <code></code>
            </pre>
        </div>
    }
}

/// Paste a generated script, choose its file or drop it here: its header's link restores the
/// answers it was made from.
#[component]
pub(super) fn OpenScript(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let status = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let take = move |script: String| match share::from_script(&script) {
        Some((answers, errors)) => {
            store.restore(answers, errors);
            text.set(String::new());
            // Said by the notice right below, kept in view as the result grows above it.
            status.set(String::new());
            request_animation_frame(|| browser::reveal("script-notice"));
        }
        None if script.trim().is_empty() => status.set(String::new()),
        None => status.set(t.open_no_link.into()),
    };
    let read_first = move |files: Option<web_sys::FileList>| {
        if let Some(file) = files.and_then(|files| files.get(0)) {
            leptos::task::spawn_local(async move {
                match files::read_file(file).await {
                    Some(script) => take(script),
                    None => status.set(t.open_unreadable.into()),
                }
            });
        }
    };
    view! {
        // Closed until wanted: on a first visit it would compete with the first question. What
        // a paste or a drop did shows below it, open or not.
        <div
            class="card open-script"
            on:dragover=move |event: web_sys::DragEvent| event.prevent_default()
            on:drop=move |event: web_sys::DragEvent| {
                event.prevent_default();
                // Dropped on the closed part: open it, so what it says is in view.
                if let Some(details) = browser::by_id("open-script") {
                    let _ = details.set_attribute("open", "");
                }
                read_first(event.data_transfer().and_then(|data| data.files()));
            }
        >
            <details id="open-script" data-testid="open-script">
                <summary data-testid="open-script-summary">{t.open_heading}</summary>
                <label for="pasted-script">{t.open_label}</label>
                <textarea
                    id="pasted-script"
                    rows="3"
                    spellcheck="false"
                    data-testid="pasted-script"
                    prop:value=text
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        text.set(value.clone());
                        take(value);
                    }
                ></textarea>
                <label class="file-label">
                    {t.open_file}
                    <input
                        type="file"
                        accept=".ps1,text/plain"
                        data-testid="script-file"
                        on:change=move |event| {
                            let input: web_sys::HtmlInputElement = event_target(&event);
                            read_first(input.files());
                        }
                    />
                </label>
            </details>
            <p class="status" aria-live="polite" data-testid="open-script-status">{status}</p>
            <ScriptNotice t=t />
        </div>
    }
}
