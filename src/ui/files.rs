//! Text in and out of the page: the clipboard, files saved, chosen, dropped or fetched. Apart
//! from `browser` (the page's elements and storage) because these carry whole scripts.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use super::browser::by_id;

/// Writes to the clipboard where the Clipboard API exists (secure contexts only).
async fn copy_text(text: String) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|value| !value.is_undefined() && !value.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&text)).await.is_ok()
}

/// Copies `text`, or, where the clipboard is closed (plain http, file://), selects the element
/// `fallback_id` so Ctrl+C copies it. True when the clipboard took it.
pub async fn copy_or_select(text: String, fallback_id: &str) -> bool {
    if copy_text(text).await {
        return true;
    }
    if let Some(element) = by_id(fallback_id) {
        select_contents(&element);
    }
    false
}

/// Selects an element's text, so the user can copy it with Ctrl+C where the clipboard is closed.
fn select_contents(element: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let (Ok(range), Ok(Some(selection))) = (document.create_range(), window.get_selection()) else { return };
    if range.select_node_contents(element).is_ok() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}

/// Saves `text` as a file through a temporary link.
pub fn download(filename: &str, text: &str) -> bool {
    let attempt = || -> Result<(), JsValue> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/octet-stream");
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(filename);
        link.click();
        web_sys::Url::revoke_object_url(&url)
    };
    attempt().is_ok()
}

/// The text of a file the user chose or dropped.
pub async fn read_file(file: web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?.as_string()
}

/// A file of this site, as text (the discovery script, for Copy); `None` where it cannot be
/// fetched (a page opened from disk).
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    // fetch() resolves to a Response, always.
    let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.ok()?.unchecked_into();
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

