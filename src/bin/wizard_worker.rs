//! The page's worker: started only when the page asks for one of its answers (a discovery block
//! pasted or kept, the runbook downloaded; `core::render::worker` says what it answers). What it
//! does lives here rather than in the page's own wasm, so a first visit does not download it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use lync_push_wizard::core::render::worker::{read_bytes, read_failed, report_bytes, report_failed, respond, BYTES, READY, REPORT_BYTES};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let items = js_sys::Array::from(&event.data());
        let reply = match items.get(0).as_string().as_deref() {
            // A file: its bytes, whose encoding the reader tells.
            Some(BYTES) => {
                let bytes = web_sys::FileReaderSync::new().and_then(|reader| reader.read_as_array_buffer(&items.get(2).unchecked_into()));
                match bytes {
                    Ok(buffer) => read_bytes(&items.get(1).as_string().unwrap_or_default(), &js_sys::Uint8Array::new(&buffer).to_vec()),
                    Err(_) => read_failed(&items.get(1).as_string().unwrap_or_default()),
                }
            }
            // A run's output saved to a file: the answers given now, then its bytes.
            Some(REPORT_BYTES) => {
                let (lang, fragment) = (items.get(1).as_string().unwrap_or_default(), items.get(2).as_string().unwrap_or_default());
                let bytes = web_sys::FileReaderSync::new().and_then(|reader| reader.read_as_array_buffer(&items.get(3).unchecked_into()));
                match bytes {
                    Ok(buffer) => report_bytes(&lang, &fragment, &js_sys::Uint8Array::new(&buffer).to_vec()),
                    Err(_) => report_failed(&lang),
                }
            }
            _ => respond(&items.iter().map(|item| item.as_string().unwrap_or_default()).collect::<Vec<String>>()),
        };
        let reply: js_sys::Array = reply.into_iter().map(|text| JsValue::from_str(&text)).collect();
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Listening now: the page sends what it held back (`render::worker`).
    let _ = scope.post_message(&js_sys::Array::of1(&JsValue::from_str(READY)));
    // The worker lives as long as the page: its handler is never dropped.
    on_message.forget();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
