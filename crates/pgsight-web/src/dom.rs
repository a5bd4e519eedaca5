//! Small DOM helpers: clipboard, downloads, storage, the address bar, the service
//! worker, text selection. Nothing here sends a request.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlTextAreaElement, Url};

use pgsight_core::position::{byte_offset, utf16_offset};

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// `location.hash`, with its `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Sets the fragment without a history entry and without a `hashchange` event.
pub fn replace_hash(hash: &str) {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
        }
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Writes `text` to the clipboard.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    // Absent outside secure contexts.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Saves `content` as a file through a Blob URL (nothing leaves the browser).
pub fn download(filename: &str, mime: &str, content: &str) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Ok(anchor) = document.create_element("a") else {
        return false;
    };
    let anchor: HtmlAnchorElement = anchor.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke once the download has started.
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    true
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn storage_get(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// False when the browser refused (quota, private mode).
pub fn storage_set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Registers the service worker that keeps the app shell for offline use. Relative,
/// so its scope is the directory the page is served from.
pub fn register_service_worker() {
    let Some(w) = window() else { return };
    let container = w.navigator().service_worker();
    if JsValue::from(container.clone()).is_undefined() {
        return;
    }
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Without it the app still works, only not offline.
        let _ = JsFuture::from(promise).await;
    });
}

/// Line height of the inputs (px); the CSS uses the same figure.
pub const EDITOR_LINE_HEIGHT: f64 = 20.0;
/// Top padding of the inputs (px), as in the CSS.
pub const EDITOR_PADDING_TOP: f64 = 10.0;

/// Selects the character at `line`/`column` (1-based; the whole line without a
/// column) in a textarea, and scrolls it to the middle.
pub fn select_position(area: &HtmlTextAreaElement, line: u32, column: Option<u32>) {
    let text = area.value();
    let start = byte_offset(&text, line, column.unwrap_or(1)).unwrap_or(text.len());
    let end = if column.is_some() {
        text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8())
    } else {
        text[start..].find('\n').map_or(text.len(), |i| start + i)
    };
    let (from, to) = (utf16_offset(&text, start), utf16_offset(&text, end));
    let _ = area.focus();
    let _ = area.set_selection_range(from as u32, to as u32);
    let top = (f64::from(line) - 1.0) * EDITOR_LINE_HEIGHT + EDITOR_PADDING_TOP;
    let height = f64::from(area.client_height());
    area.set_scroll_top((top - height / 2.0).max(0.0) as i32);
}

/// Scrolls the element with `id` into view inside its scroll container.
pub fn scroll_into_view(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Reads a dropped or opened file as text (UTF-8, as `Blob.text()` reads it).
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    // As bytes, copied into wasm memory in one go: a 20 MB file read as a JavaScript
    // string is then copied into wasm character by character, on the main thread.
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(utf8_text(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Bytes as text: invalid sequences replaced, a byte-order mark dropped (as the
/// browser's UTF-8 decoding does).
pub fn utf8_text(bytes: Vec<u8>) -> String {
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Moves keyboard focus to the element with `id` (after a route change).
pub fn focus(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::utf8_text;

    #[test]
    fn bytes_read_as_the_browser_reads_utf8() {
        assert_eq!(utf8_text("Seq Scan on \"çé\"\n".into()), "Seq Scan on \"çé\"\n");
        assert_eq!(utf8_text(b"\xef\xbb\xbfEXPLAIN".to_vec()), "EXPLAIN");
        assert_eq!(utf8_text(b"a\xffb".to_vec()), "a\u{fffd}b");
    }
}
