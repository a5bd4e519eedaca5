//! The Web Worker side: listens for requests, runs the engine, answers. The logic is
//! [`crate::protocol::handle`]; this is only the `postMessage` plumbing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{handle, Reply};

/// Installs the message handler, then tells the page it listens.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(message) = event.data().as_string() else {
            return;
        };
        let reply = handle(&message, js_sys::Date::now);
        // A reply that cannot be posted has nowhere to go; the page times nothing out,
        // but its next edit sends a new request.
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&Reply::ready().to_json()));
}
