//! The page's worker (src/bin/wizard_worker.rs, `render::worker`): started the first time one
//! of its answers is asked for, and its replies taken to where they are shown. What it does is
//! not in this wasm, so a first visit does not download it. The runbook's reply is taken here;
//! the others go to the one place that asked for them (`route_replies`): this module knows no
//! part of the page.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::render::worker::{READY, RUNBOOK};

use super::browser;
use super::state::Store;

/// What takes the runbook once written.
type WithRunbook = Box<dyn FnOnce(String)>;

/// What takes every other reply.
type Route = fn(Store, &[String]);

thread_local! {
    /// The worker once started.
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// Requests made before the worker said it is ready: a message that arrives while its wasm
    /// is still loading finds no one listening, so they wait here until then.
    static WAITING: RefCell<Option<Vec<js_sys::Array>>> = const { RefCell::new(Some(Vec::new())) };
    /// What to do with the runbook the worker writes, while one is asked for.
    static RUNBOOK_WANTED: RefCell<Option<WithRunbook>> = RefCell::new(None);
    static ROUTE: std::cell::Cell<Option<Route>> = const { std::cell::Cell::new(None) };
}

/// Where the replies other than the runbook go.
pub(super) fn route_replies(route: Route) {
    ROUTE.with(|slot| slot.set(Some(route)));
}

/// Sends a request to the worker, starting it first if need be. False where it cannot start
/// (a page opened from disk): the caller says so.
pub(super) fn ask(store: Store, request: js_sys::Array) -> bool {
    match WORKER.with(|worker| worker.borrow().clone()).or_else(|| start(store)) {
        Some(worker) => match WAITING.with(|waiting| waiting.borrow_mut().as_mut().map(|queue| queue.push(request.clone()))) {
            Some(()) => true,
            None => worker.post_message(&request).is_ok(),
        },
        None => false,
    }
}

/// Asks for the runbook of `fragment`'s answers; `then` gets it ("" without a plan, or where
/// the worker cannot start).
pub(super) fn ask_runbook(store: Store, fragment: &str, then: impl FnOnce(String) + 'static) {
    RUNBOOK_WANTED.with(|wanted| *wanted.borrow_mut() = Some(Box::new(then)));
    let request = [RUNBOOK, store.lang.token(), fragment].iter().map(|item| wasm_bindgen::JsValue::from_str(item)).collect();
    if !ask(store, request) {
        if let Some(then) = RUNBOOK_WANTED.with(|wanted| wanted.borrow_mut().take()) {
            then(String::new());
        }
    }
}

/// Starts the worker from the address the page names, and routes its replies.
fn start(store: Store) -> Option<web_sys::Worker> {
    let url = browser::by_id("discovery-panel")?.get_attribute("data-worker")?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let ready = worker.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let reply: Vec<String> = js_sys::Array::from(&event.data()).iter().map(|item| item.as_string().unwrap_or_default()).collect();
        match reply.first().map(String::as_str) {
            Some(READY) => {
                for request in WAITING.with(|waiting| waiting.borrow_mut().take()).unwrap_or_default() {
                    let _ = ready.post_message(&request);
                }
            }
            Some(RUNBOOK) => {
                if let Some(then) = RUNBOOK_WANTED.with(|wanted| wanted.borrow_mut().take()) {
                    then(reply.get(1).cloned().unwrap_or_default());
                }
            }
            _ => {
                if let Some(route) = ROUTE.with(std::cell::Cell::get) {
                    route(store, &reply);
                }
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler is never dropped.
    on_message.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(worker.clone()));
    Some(worker)
}
