//! "After the run": the pre-rendered panel (`render::page::report_panel`) taken over. The page's
//! worker reads the pasted output (`render::worker`, `core::run_report`): what it sends back is
//! the core's report as HTML and, for the export, as Markdown with the runbook. Nothing here
//! reads a run or builds markup.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::facts::RUN_REPORT_FILE;
use crate::core::render::worker::{OK, REPORT, REPORT_BYTES};
use crate::core::share;

use super::browser;
use super::files;
use super::state::{use_store, Store};
use super::worker;

thread_local! {
    /// The last report as Markdown, for its download.
    static EXPORT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn say(text: &str) {
    if let Some(status) = browser::by_id("report-status") {
        browser::set_text(&status, text);
    }
}

/// Takes the panel over: the paste box, a file chosen or dropped, Print and Download.
pub fn adopt() {
    let store = use_store();
    if let Some(input) = browser::by_id("report-input") {
        browser::listen(&input, "input", move |event| {
            let text = event_target_value(&event);
            if !text.trim().is_empty() {
                let fragment = store.answers.with(share::to_fragment);
                ask(store, [REPORT, store.lang.token(), &fragment, &text].iter().map(|item| JsValue::from_str(item)).collect());
            }
        });
    }
    if let Some(file) = browser::by_id("report-file") {
        browser::listen(&file, "change", move |event| {
            read_first(store, event.target().and_then(|target| target.unchecked_into::<web_sys::HtmlInputElement>().files()));
        });
    }
    if let Some(panel) = browser::by_id("report-panel") {
        browser::listen(&panel, "dragover", |event| event.prevent_default());
        browser::listen(&panel, "drop", move |event| {
            event.prevent_default();
            read_first(store, event.unchecked_ref::<web_sys::DragEvent>().data_transfer().and_then(|data| data.files()));
        });
    }
    if let Some(print) = browser::by_id("report-print") {
        browser::listen(&print, "click", |_| browser::print());
    }
    if let Some(export) = browser::by_id("report-export") {
        browser::listen(&export, "click", |_| {
            EXPORT.with(|text| files::download(RUN_REPORT_FILE, &text.borrow()));
        });
    }
}

/// The first chosen or dropped file, as it is: the worker reads its bytes and their encoding.
fn read_first(store: Store, files: Option<web_sys::FileList>) {
    if let Some(file) = files.and_then(|files| files.get(0)) {
        let fragment = store.answers.with(share::to_fragment);
        let request = js_sys::Array::of4(&JsValue::from_str(REPORT_BYTES), &JsValue::from_str(store.lang.token()), &JsValue::from_str(&fragment), &file);
        ask(store, request);
    }
}

fn ask(store: Store, request: js_sys::Array) {
    if !worker::ask(store, request) {
        if let Some(status) = browser::by_id("report-status") {
            browser::set_text(&status, &status.get_attribute("data-no-worker").unwrap_or_default());
        }
    }
}

/// The worker's reply: a report shown, with Print and Download; or why the output does not read
/// (what was pasted stays in its box).
pub fn on_report(reply: &[String]) {
    let part = |index: usize| reply.get(index).map(String::as_str).unwrap_or_default();
    let read = part(1) == OK;
    if let Some(view) = browser::by_id("report-view") {
        view.set_inner_html(if read { part(2) } else { "" });
        browser::set_hidden(&view, !read);
    }
    if let Some(actions) = browser::by_id("report-actions") {
        browser::set_hidden(&actions, !read);
    }
    EXPORT.with(|text| *text.borrow_mut() = if read { part(3).to_string() } else { String::new() });
    say(if read { "" } else { part(2) });
}
