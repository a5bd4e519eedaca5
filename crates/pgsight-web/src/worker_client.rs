//! The page side of the worker: starts it, queues messages until it says it is ready,
//! hands replies to a callback, and restarts it if it dies.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::protocol::Reply;

/// The loader Trunk writes for the `data-type="worker"` link (`data-loader-shim`),
/// relative to the page, so the app works from a subpath.
const WORKER_URL: &str = "pgsight-worker_loader.js";

/// Consecutive restarts tried before giving up.
const MAX_RESTARTS: u32 = 3;

pub enum Event {
    Reply(Reply),
    /// The worker died; it has been restarted.
    Crashed(String),
}

struct Inner {
    worker: Option<Worker>,
    ready: bool,
    /// Restarts since the worker was last ready: a worker that cannot even start is
    /// not restarted forever.
    restarts: u32,
    /// The latest message sent before the worker was ready (older ones are moot).
    queued: Option<String>,
    on_event: Rc<dyn Fn(Event)>,
    // Keep the handlers alive as long as the worker.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

#[derive(Clone)]
pub struct WorkerClient {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for WorkerClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl WorkerClient {
    pub fn new(on_event: impl Fn(Event) + 'static) -> Self {
        let client = Self {
            inner: Rc::new(RefCell::new(Inner {
                worker: None,
                ready: false,
                restarts: 0,
                queued: None,
                on_event: Rc::new(on_event),
                _handlers: Vec::new(),
            })),
        };
        client.spawn();
        client
    }

    fn spawn(&self) {
        let worker = match Worker::new(WORKER_URL) {
            Ok(worker) => worker,
            Err(e) => {
                let on_event = self.inner.borrow().on_event.clone();
                on_event(Event::Crashed(format!(
                    "the analysis worker could not start: {e:?}"
                )));
                return;
            }
        };
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            let event: MessageEvent = event.unchecked_into();
            let Some(text) = event.data().as_string() else {
                return;
            };
            let reply = match Reply::from_json(&text) {
                Ok(reply) => reply,
                Err(e) => Reply {
                    error: Some(format!("unreadable reply from the worker: {e}")),
                    ..Reply::default()
                },
            };
            if reply.ready {
                let (worker, queued) = {
                    let mut inner = inner.borrow_mut();
                    inner.ready = true;
                    inner.restarts = 0;
                    (inner.worker.clone(), inner.queued.take())
                };
                if let (Some(worker), Some(message)) = (worker, queued) {
                    let _ = worker.post_message(&JsValue::from_str(&message));
                }
                return;
            }
            let on_event = inner.borrow().on_event.clone();
            on_event(Event::Reply(reply));
        });
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            let message = event
                .dyn_ref::<ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the analysis worker stopped".to_owned());
            let restart = {
                let mut inner = inner.borrow_mut();
                if let Some(worker) = inner.worker.take() {
                    worker.terminate();
                }
                inner.ready = false;
                inner.restarts += 1;
                inner.restarts <= MAX_RESTARTS
            };
            let on_event = inner.borrow().on_event.clone();
            on_event(Event::Crashed(message));
            if restart {
                // Not from inside this handler: spawning replaces (drops) it.
                let client = WorkerClient { inner };
                gloo_timers::callback::Timeout::new(0, move || client.spawn()).forget();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(worker);
        inner.ready = false;
        inner._handlers = vec![on_message, on_error];
    }

    /// Sends a request (JSON), now or once the worker is ready.
    pub fn post(&self, message: String) {
        let mut inner = self.inner.borrow_mut();
        match (&inner.worker, inner.ready) {
            (Some(worker), true) => {
                let _ = worker.post_message(&JsValue::from_str(&message));
            }
            _ => inner.queued = Some(message),
        }
    }
}
