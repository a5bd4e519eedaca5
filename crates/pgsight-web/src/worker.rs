//! The Web Worker side: listens for requests, runs the engine, answers. The logic is
//! [`crate::protocol::post_analysis`] and [`crate::protocol::handle`]; this is only
//! the `postMessage` plumbing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{handle, post_analysis, Reply};

/// Installs the message handler, then tells the page it listens.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        // A reply that cannot be posted has nowhere to go; the page times nothing out,
        // but its next edit sends a new request.
        let mut post = |reply: String| {
            let _ = reply_to.post_message(&JsValue::from_str(&reply));
        };
        // An analyze request: `[head JSON, text, ...]`; anything else is one JSON string.
        if let Some(message) = data.dyn_ref::<js_sys::Array>() {
            let head = message.get(0).as_string().unwrap_or_default();
            let texts = (1..message.length())
                .map(|i| {
                    let text = message.get(i);
                    match text.dyn_ref::<js_sys::Uint8Array>() {
                        Some(bytes) => crate::dom::utf8_text(bytes.to_vec()),
                        None => text.as_string().unwrap_or_default(),
                    }
                })
                .collect();
            // Each reply goes out as soon as it is written: the findings first.
            post_analysis(&head, texts, js_sys::Date::now, &mut post);
        } else if let Some(message) = data.as_string() {
            post(handle(&message, js_sys::Date::now));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&Reply::ready().to_json()));
}
