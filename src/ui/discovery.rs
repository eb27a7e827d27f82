//! "Fill the answers from your deployment": the pre-rendered panel (`render::page::
//! discovery_panel`) taken over. The page's worker (`worker`, `render::worker`) reads a block:
//! parsing it, the reading and the forecast are not in this wasm. What it sends back is the
//! core's HTML and the answers a block gives; nothing here reads a block or builds markup.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::discovery::Fills;
use crate::core::i18n::Strings;
use crate::core::render::html::Action;
use crate::core::render::worker::{BYTES, OK, READ, REPORT, VIEW};
use crate::core::share;

use super::browser;
use super::files;
use super::state::{use_store, Store};
use super::worker;

thread_local! {
    /// The number of the latest view asked of the worker: an earlier one's reply is dropped.
    static LATEST_VIEW: Cell<u32> = const { Cell::new(0) };
}

const STATUS: &str = "discovery-status";
const READING: &str = "discovery-reading";
const INPUT: &str = "discovery-input";

/// The panel's status line: `text`, or the page's own text in its `data-` attribute `name`.
fn say(text: &str) {
    if let Some(status) = browser::by_id(STATUS) {
        browser::set_text(&status, text);
    }
}

fn say_own(name: &str) {
    if let Some(status) = browser::by_id(STATUS) {
        browser::set_text(&status, &status.get_attribute(name).unwrap_or_default());
    }
}

fn show_reading(markup: &str) {
    if let Some(reading) = browser::by_id(READING) {
        browser::set_hidden(&reading, markup.is_empty());
        reading.set_inner_html(markup);
    }
}

/// Takes the panel over: Copy, the paste box, a file chosen or dropped, Forget; and asks the
/// reader again whenever the kept block or the answers change.
pub fn adopt(t: &'static Strings) {
    let store = use_store();
    worker::route_replies(route);
    if let Some(input) = browser::by_id(INPUT) {
        browser::listen(&input, "input", move |event| {
            // A textarea's value, as Leptos's `event_target_value` reads it.
            let text = event_target_value(&event);
            if !text.trim().is_empty() {
                ask(store, [READ, store.lang.token(), &text].iter().map(|item| JsValue::from_str(item)).collect());
            }
        });
    }
    if let Some(file) = browser::by_id("discovery-file") {
        browser::listen(&file, "change", move |event| {
            // The listener is on the file input: the event's target is it.
            read_first(store, event.target().and_then(|target| target.unchecked_into::<web_sys::HtmlInputElement>().files()));
        });
    }
    if let Some(panel) = browser::by_id("discovery-panel") {
        browser::listen(&panel, "dragover", |event| event.prevent_default());
        browser::listen(&panel, "drop", move |event| {
            event.prevent_default();
            // A "drop" event is a DragEvent.
            read_first(store, event.unchecked_ref::<web_sys::DragEvent>().data_transfer().and_then(|data| data.files()));
        });
    }
    if let Some(copy) = browser::by_id("copy-discovery") {
        browser::listen(&copy, "click", move |_| {
            let href = browser::by_id("discovery-download").and_then(|link| link.get_attribute("href")).unwrap_or_default();
            leptos::task::spawn_local(async move {
                let copied = match files::fetch_text(&href).await {
                    Some(script) => files::copy_or_select(script, "discovery-download").await,
                    None => false,
                };
                say(if copied { t.copied } else { t.download_failed });
            });
        });
    }
    if let Some(reading) = browser::by_id(READING) {
        browser::listen(&reading, "click", move |event| {
            if browser::action_of(&event) == Some(Action::ForgetDiscovery) {
                store.forget_discovery();
                say_own("data-forgotten");
            }
        });
    }
    // The reading and the forecast follow the kept block and the answers.
    Effect::new(move |_| {
        let fragment = store.answers.with(share::to_fragment);
        match store.discovery.get() {
            Some(block) => {
                let number = LATEST_VIEW.with(|latest| {
                    latest.set(latest.get() + 1);
                    latest.get()
                });
                let request = [VIEW, &number.to_string(), store.lang.token(), &fragment, &block];
                ask(store, request.iter().map(|item| JsValue::from_str(item)).collect());
            }
            // Forgetting the block empties the plan against it (`Store::forget_discovery`).
            None => show_reading(""),
        }
    });
}

/// The first chosen or dropped file, handed to the worker as it is: the worker reads its bytes
/// and tells their encoding (`>` in Windows PowerShell saves UTF-16).
fn read_first(store: Store, files: Option<web_sys::FileList>) {
    if let Some(file) = files.and_then(|files| files.get(0)) {
        ask(store, js_sys::Array::of3(&JsValue::from_str(BYTES), &JsValue::from_str(store.lang.token()), &file));
    }
}

/// The worker's reply to a paste or a file: one that reads fills the answers it gives and is
/// kept (its box emptied); one that does not is said, and the box keeps it.
fn on_read(store: Store, reply: &[String]) {
    let part = |index: usize| reply.get(index).map(String::as_str).unwrap_or_default();
    match part(1) {
        OK => {
            if let Some(fills) = Fills::from_strings(reply.get(4..).unwrap_or_default()) {
                store.answers.update(|answers| fills.apply(answers));
                store.discovery.set(Some(part(2).to_string()));
                if let Some(input) = browser::by_id(INPUT) {
                    // A textarea has `value` as an input has: emptied once its block is read.
                    input.unchecked_ref::<web_sys::HtmlInputElement>().set_value("");
                }
                say(part(3));
            }
        }
        _ => say(part(2)),
    }
}

/// The worker's reply to a view: the reading and the forecast, unless a later view overtook it.
fn on_view(store: Store, reply: &[String]) {
    let part = |index: usize| reply.get(index).map(String::as_str).unwrap_or_default();
    if part(1) == LATEST_VIEW.with(Cell::get).to_string() {
        show_reading(part(2));
        // The wizard may have gone (the component tests end it): then nothing more.
        let _ = store.outlook.try_set(part(3).to_string());
    }
}

/// The worker's replies to this panel, and the run report's to its own.
fn route(store: Store, reply: &[String]) {
    match reply.first().map(String::as_str) {
        Some(READ) => on_read(store, reply),
        Some(VIEW) => on_view(store, reply),
        Some(REPORT) => super::report::on_report(reply),
        _ => {}
    }
}

/// Sends a request to the worker; where it cannot start, says so.
fn ask(store: Store, request: js_sys::Array) {
    if !worker::ask(store, request) {
        say_own("data-no-worker");
    }
}
