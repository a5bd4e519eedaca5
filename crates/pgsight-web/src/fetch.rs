//! Same-origin files the page loads only when they are needed (issue #9, download
//! size): an example's plan when the user picks it, a rule's doc page when it opens.
//! Trunk copies them into dist/ (index.html) and the service worker precaches them,
//! so they work offline like the rest of the app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `path`, relative to the page (the app may be served from a subpath).
pub async fn text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| format!("{path}: {}", describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{path}: not a response"))?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let body = response
        .text()
        .map_err(|e| format!("{path}: {}", describe(&e)))?;
    JsFuture::from(body)
        .await
        .map_err(|e| format!("{path}: {}", describe(&e)))?
        .as_string()
        .ok_or_else(|| format!("{path}: not text"))
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned())
}
