//! Everything that talks to the browser: storage, the URL, the clipboard, downloads, focus.
//! Each call can fail (storage disabled, no clipboard on plain http or file://); none panics.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use crate::core::render::html::{Action, Html};
use crate::core::saved::{self, SavedState, BACKUP_KEY, DISCOVERY_KEY, STORAGE_KEY};
use crate::core::i18n::{Language, Strings, EN};
use crate::core::render::page::STRINGS_ID;

use crate::core::start::Start as Initial;
use crate::core::start::{start, SharedLink, StartFacts};

/// `localStorage`, if this page may use it. Reading `window.localStorage` throws when storage is
/// blocked, which web-sys returns as an error instead of a panic.
fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(STORAGE_KEY).ok()?;
    Some(storage)
}

/// Reads what the start-up decision needs (`core::start::start`) and carries out what it
/// decides: backing up saved state it cannot read, and clearing the address's fragment.
pub fn load_initial() -> Initial {
    let storage = local_storage();
    let facts = StartFacts {
        storage: storage.as_ref().map(|storage| storage.get_item(STORAGE_KEY).ok().flatten()),
        fragment: fragment(),
        lang: page_language(),
    };
    let start = start(facts);
    let moved = match (&start.back_up, &storage) {
        (Some(raw), Some(storage)) => move_to_backup(storage, raw),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let start = start.backed_up(moved);
    if start.forget_fragment {
        forget_fragment();
    }
    start
}

/// The share link in the address bar, if any: read when a link is followed in an open page.
pub fn shared_link() -> Option<SharedLink> {
    SharedLink::read(&fragment())
}

/// Brings `code` (one `<span>` per line) from the lines `shown` to the lines `wanted`, touching
/// only the lines that differ.
pub fn patch_lines(code: &web_sys::Element, shown: &[Html], wanted: &[Html]) {
    let Some(document) = code.owner_document() else { return };
    let same_start = shown.iter().zip(wanted).take_while(|(a, b)| a == b).count();
    let same_end = shown[same_start..].iter().rev().zip(wanted[same_start..].iter().rev()).take_while(|(a, b)| a == b).count();
    let old = &shown[same_start..shown.len() - same_end];
    let new = &wanted[same_start..wanted.len() - same_end];
    let lines = code.children(); // live: indices follow each insertion and removal
    for (offset, html) in new.iter().enumerate() {
        let index = (same_start + offset) as u32;
        match old.get(offset) {
            Some(before) if before == html => {}
            Some(_) => {
                if let Some(line) = lines.item(index) {
                    line.set_inner_html(html);
                }
            }
            None => {
                if let Ok(line) = document.create_element("span") {
                    line.set_inner_html(html);
                    let next: Option<web_sys::Node> = lines.item(index).map(Into::into);
                    let _ = code.insert_before(&line, next.as_ref());
                }
            }
        }
    }
    for _ in new.len()..old.len() {
        if let Some(line) = lines.item((same_start + new.len()) as u32) {
            line.remove();
        }
    }
}

/// For one listener on a list: the `attribute` of the element an event happened in, or of its
/// nearest ancestor that has one (a click may land on a button's inner `<span>`), but only
/// inside the element listening: a card never acts on an attribute of the page around it.
pub fn attribute_from_event(event: &web_sys::Event, attribute: &str) -> Option<String> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let found = target.closest(&format!("[{attribute}]")).ok()??;
    let listening: web_sys::Node = event.current_target()?.dyn_into().ok()?;
    listening.contains(Some(&found)).then(|| found.get_attribute(attribute))?
}

/// The action named by the button a click landed in (`render::html::action_button`), if any.
pub fn action_of(event: &web_sys::Event) -> Option<Action> {
    Action::from_token(&attribute_from_event(event, "data-action")?)
}

/// Checks exactly the inputs under `root` whose value `wanted` accepts.
pub fn set_checked(root: &web_sys::Element, wanted: impl Fn(&str) -> bool) {
    let inputs = root.get_elements_by_tag_name("input");
    for index in 0..inputs.length() {
        if let Some(input) = inputs.item(index).and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_checked(wanted(&input.value()));
        }
    }
}

/// The page's language: each language has its own pre-rendered page (`core::render::page`),
/// which says which it is in `<html lang>`.
fn page_language() -> Language {
    let tag = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).map(|root| root.get_attribute("lang").unwrap_or_default());
    Language::from_token(&tag.unwrap_or_default()).unwrap_or(Language::En)
}

/// Opens `lang`'s page with this fragment (the page for each language is named in the head's
/// `<link rel="alternate">`). False if the page names none.
pub fn open_language_page(lang: Language, fragment: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let selector = format!("link[rel=alternate][data-lang=\"{}\"]", lang.token());
    let Some(href) = document.query_selector(&selector).ok().flatten().and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok()).map(|link| link.href()) else {
        return false;
    };
    web_sys::window().is_some_and(|w| w.location().replace(&format!("{href}#{fragment}")).is_ok())
}

/// Says the wasm has taken the page over (`data-wizard` on `<html>`): for the stylesheet, start.js,
/// the end-to-end tests and the benchmark, which would otherwise act on the pre-rendered page
/// before anything listens to it.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else { return };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-wizard", "ready");
    }
    // start.js's words while it waited (or thought it never would come) are done with.
    for id in ["load-failed", "load-waiting"] {
        if let Some(note) = by_id(id) {
            set_hidden(&note, true);
        }
    }
}

/// Whether Next was pressed before the wasm arrived (start.js marks it); the mark goes.
pub fn take_pending_next() -> bool {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return false };
    let pending = root.has_attribute("data-pending-next");
    let _ = root.remove_attribute("data-pending-next");
    pending
}

/// An element to mount into.
pub fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    by_id(id)?.dyn_into().ok()
}

/// Calls `handler` on every `event` at `element`, for as long as the page lives.
pub fn listen(element: &web_sys::Element, event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    listen_boxed(element, event, Box::new(handler));
}

/// One instance for every listener: the page's code for it is built once, not per handler.
fn listen_boxed(element: &web_sys::Element, event: &str, handler: Box<dyn FnMut(web_sys::Event)>) {
    let closure = wasm_bindgen::closure::Closure::wrap(handler);
    let _ = element.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The value and checked state of the input a `change` event came from.
pub fn changed_input(event: &web_sys::Event) -> Option<(String, bool)> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    Some((input.value(), input.checked()))
}

/// The values of the checked inputs under `root`, and of all of them, in page order.
pub fn input_values(root: &web_sys::Element) -> (Vec<String>, Vec<String>) {
    let inputs = root.get_elements_by_tag_name("input");
    let inputs: Vec<web_sys::HtmlInputElement> = (0..inputs.length()).filter_map(|index| inputs.item(index)?.dyn_into().ok()).collect();
    (inputs.iter().filter(|input| input.checked()).map(|input| input.value()).collect(), inputs.iter().map(|input| input.value()).collect())
}

/// Each choice under `root` with its hint (`core::render::html::choices::choice` writes the
/// input, then its text, whose last part is the hint).
pub fn choice_hints(root: &web_sys::Element) -> Vec<(String, web_sys::Element)> {
    let inputs = root.get_elements_by_tag_name("input");
    (0..inputs.length())
        .filter_map(|index| {
            let input: web_sys::HtmlInputElement = inputs.item(index)?.dyn_into().ok()?;
            let hint = input.next_element_sibling()?.last_element_child()?;
            Some((input.value(), hint))
        })
        .collect()
}

/// The value of the text field with this id.
pub fn input_value(id: &str) -> Option<String> {
    Some(by_id(id)?.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// The setters below change the page only where it differs: the takeover of a page that already
/// shows the answers changes nothing in it, and the caret stays where the reader left it.
pub fn set_input_value(element: &web_sys::Element, value: &str) {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != value {
            input.set_value(value);
        }
    }
}

pub fn set_text(element: &web_sys::Element, text: &str) {
    if element.text_content().unwrap_or_default() != text {
        element.set_text_content(Some(text));
    }
}

pub fn set_attribute(element: &web_sys::Element, name: &str, value: &str) {
    if element.get_attribute(name).as_deref() != Some(value) {
        let _ = element.set_attribute(name, value);
    }
}

/// A boolean attribute (`hidden`, `disabled`).
pub fn set_flag(element: &web_sys::Element, name: &str, on: bool) {
    if element.has_attribute(name) != on {
        let _ = element.toggle_attribute_with_force(name, on);
    }
}

pub fn set_hidden(element: &web_sys::Element, hidden: bool) {
    set_flag(element, "hidden", hidden);
}

/// Moves (not copies) the value, so even one that fills the quota finds room under the new key.
fn move_to_backup(storage: &web_sys::Storage, raw: &str) -> bool {
    if storage.remove_item(STORAGE_KEY).is_err() {
        return false;
    }
    if storage.set_item(BACKUP_KEY, raw).is_ok() {
        return true;
    }
    let _ = storage.set_item(STORAGE_KEY, raw);
    false
}

/// Written with the core's own codec: serde_json would cost a tenth of the download.
/// Storage can go away while the page is open (site data cleared or blocked): then this is false.
pub fn save(state: &SavedState) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(STORAGE_KEY, &saved::to_json(state)).is_ok())
}

/// The main table in the page's language: English is in the wasm; another language's the page
/// carries (`render::page::strings_carried`). A page without it, or with a table of another
/// shape, is shown in English rather than not at all.
pub fn strings(lang: Language) -> &'static Strings {
    let carried = match lang {
        Language::En => None,
        Language::ZhTw => by_id(STRINGS_ID)
            .and_then(|element| element.get_attribute("data-strings"))
            .and_then(|text| Strings::from_text(Box::leak(text.into_boxed_str()))),
    };
    match carried {
        Some(table) => Box::leak(Box::new(table)),
        None => &EN,
    }
}

/// The discovery block kept from an earlier visit.
pub fn load_discovery() -> Option<String> {
    local_storage()?.get_item(DISCOVERY_KEY).ok()?
}

/// Keeps the discovery block, or forgets it (`None`); false where storage refused.
pub fn save_discovery(block: Option<&str>) -> bool {
    let Some(storage) = local_storage() else { return false };
    match block {
        Some(block) => storage.set_item(DISCOVERY_KEY, block).is_ok(),
        None => storage.remove_item(DISCOVERY_KEY).is_ok(),
    }
}

/// The address's fragment, without `#`.
fn fragment() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Drops the fragment from the address bar, so a reload keeps the edits made since.
pub fn forget_fragment() {
    let Some(window) = web_sys::window() else { return };
    let (Ok(history), Ok(path), Ok(search)) =
        (window.history(), window.location().pathname(), window.location().search())
    else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// This page's address with `fragment` as its share link.
pub fn link_to(fragment: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// An element of the page by its id. The page finds its few elements this way rather than by
/// node references: each kind of reference costs the site its own code.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

pub fn focus_by_id(id: &str) {
    if let Some(element) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses a field: the text field whose id is the field's token, else the first choice of its
/// group (`<token>-choices`).
pub fn focus_field(token: &str) {
    let group = || web_sys::window()?.document()?.query_selector(&format!("#{token}-choices input")).ok()?;
    if let Some(element) = by_id(token).or_else(group).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Brings an element to the top of the screen and gives it the focus (headings that take it
/// have `tabindex="-1"`), so the eye and the keyboard land in the same place.
pub fn scroll_to_and_focus(id: &str) {
    if let Some(element) = by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Scrolls just enough to show the bottom of an element (what was just said about the input
/// above it).
pub fn reveal(id: &str) {
    if let Some(element) = by_id(id) {
        element.scroll_into_view_with_bool(false);
    }
}

/// Marks an element for a moment (`.flash` in the stylesheet), where the eye should go.
pub fn flash(id: &str) {
    let Some(element) = by_id(id) else { return };
    let _ = element.class_list().remove_1("flash");
    // Read the layout, so the animation starts again when it is already on.
    let _ = element.client_width();
    let _ = element.class_list().add_1("flash");
    leptos::prelude::set_timeout(move || drop(element.class_list().remove_1("flash")), std::time::Duration::from_millis(1600));
}

/// Adds or removes a class of the element with this id.
pub fn set_class(id: &str, class: &str, on: bool) {
    if let Some(element) = by_id(id) {
        let _ = element.class_list().toggle_with_force(class, on);
    }
}

/// A screen too narrow for a line of the script (the stylesheet's phone width).
pub fn is_narrow() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 40rem)").ok().flatten()).is_some_and(|query| query.matches())
}

/// Opens every closed `<details>` for printing (`open`), marked so that printing's end closes
/// them again (`!open`), and only them.
pub fn open_for_print(open: bool) {
    let selector = if open { "details:not([open])" } else { "details[data-print-opened]" };
    let Some(list) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(selector).ok()) else {
        return;
    };
    for index in 0..list.length() {
        if let Some(details) = list.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
            if open {
                let _ = details.set_attribute("open", "");
                let _ = details.set_attribute("data-print-opened", "");
            } else {
                let _ = details.remove_attribute("open");
                let _ = details.remove_attribute("data-print-opened");
            }
        }
    }
}

/// Opens the browser's print dialog; the print stylesheet turns the page into the runbook.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
