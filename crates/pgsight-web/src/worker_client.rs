//! The page side of the workers: starts them, queues messages until a worker says it
//! is ready, hands replies to a callback, and restarts a worker if it dies.
//!
//! There are two workers, so that a page used for plans alone never downloads the SQL
//! parser (issue #9):
//! - the plan worker (`pgsight-plan-worker`, the engine without its `sql` feature),
//!   started with the page;
//! - the full worker (`pgsight-worker`), started the first time a message needs SQL.
//!
//! Routing, in one rule: a message goes to the full worker when it carries SQL
//! ([`needs_sql`]: an input of kind schema, migration or query; the page sends only
//! non-empty inputs), and from then on every message of the session goes there too.
//! The full worker does all the plan worker does, so after the switch there is one
//! queue again and replies keep their order; a request already sent to the plan worker
//! is still answered by it. A new request kind that reads SQL must carry it as such an
//! input (or be added to [`needs_sql`]); plan comparisons stay in the plan worker.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::protocol::{report_reply_id, Reply, REPLY_HEAD_CHARS};

/// The loaders Trunk writes for the `data-type="worker"` links (`data-loader-shim`),
/// relative to the page, so the app works from a subpath.
const PLAN_WORKER_URL: &str = "pgsight-plan-worker_loader.js";
const FULL_WORKER_URL: &str = "pgsight-worker_loader.js";

/// Consecutive restarts tried before giving up.
const MAX_RESTARTS: u32 = 3;

/// The input kinds only the full worker reads, as the protocol's JSON writes them. A
/// quote inside an input's text is escaped (`\"`), so text never matches.
const SQL_KINDS: [&str; 3] = [r#""kind":"schema""#, r#""kind":"migration""#, r#""kind":"query""#];

/// Whether a request (the protocol's JSON) needs the full worker: it carries a schema,
/// a migration or queries.
pub fn needs_sql(message: &str) -> bool {
    // Anonymizing a share link tokenizes SQL, even for a plan alone.
    message.starts_with(crate::protocol::AnonymizeRequest::PREFIX) || SQL_KINDS.iter().any(|kind| message.contains(kind))
}

/// Reads a worker's message, given its first [`REPLY_HEAD_CHARS`] characters and the
/// whole text on demand. A report for an edit older than `latest_edit` (the page's
/// latest) is not read at all: it comes back as a bare reply with its id, which the
/// state takes as "that request is done" and drops.
pub fn read_reply(head: &str, latest_edit: u64, text: impl FnOnce() -> String) -> Reply {
    if let Some(id) = report_reply_id(head).filter(|&id| id < latest_edit) {
        return Reply {
            id: Some(id),
            ..Reply::default()
        };
    }
    match Reply::from_json(&text()) {
        Ok(reply) => reply,
        Err(e) => Reply {
            error: Some(format!("unreadable reply from the worker: {e}")),
            ..Reply::default()
        },
    }
}

pub enum Event {
    Reply(Reply),
    /// The worker died; it has been restarted.
    Crashed(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    Plan,
    Full,
}

impl Engine {
    fn url(self) -> &'static str {
        match self {
            Engine::Plan => PLAN_WORKER_URL,
            Engine::Full => FULL_WORKER_URL,
        }
    }
}

/// One worker and what the page knows of it.
#[derive(Default)]
struct Lane {
    worker: Option<Worker>,
    ready: bool,
    /// Restarts since the worker was last ready: a worker that cannot even start is
    /// not restarted forever.
    restarts: u32,
    /// Messages sent before the worker was ready, in order.
    queued: Vec<String>,
    // Keep the handlers alive as long as the worker.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Lane {
    fn post(&mut self, message: String) {
        match (&self.worker, self.ready) {
            (Some(worker), true) => {
                let _ = worker.post_message(&JsValue::from_str(&message));
            }
            _ => self.queued.push(message),
        }
    }

    fn stop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        self.ready = false;
    }
}

struct Inner {
    plan: Lane,
    full: Lane,
    /// The session has needed SQL: every message goes to the full worker.
    use_full: bool,
    /// The page's latest edit ([`WorkerClient::note_edit`]): older reports are stale.
    latest_edit: u64,
    on_event: Rc<dyn Fn(Event)>,
}

impl Inner {
    fn lane(&mut self, engine: Engine) -> &mut Lane {
        match engine {
            Engine::Plan => &mut self.plan,
            Engine::Full => &mut self.full,
        }
    }

    /// The worker new messages go to.
    fn active(&self) -> Engine {
        if self.use_full {
            Engine::Full
        } else {
            Engine::Plan
        }
    }
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
                plan: Lane::default(),
                full: Lane::default(),
                use_full: false,
                latest_edit: 0,
                on_event: Rc::new(on_event),
            })),
        };
        client.spawn(Engine::Plan);
        client
    }

    fn spawn(&self, engine: Engine) {
        let worker = match Worker::new(engine.url()) {
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
            let data = event.data();
            let Some(data) = data.dyn_ref::<js_sys::JsString>() else {
                return;
            };
            // Only the head is copied out of JavaScript before the id is known.
            let head = String::from(data.slice(0, REPLY_HEAD_CHARS));
            let latest = inner.borrow().latest_edit;
            let reply = read_reply(&head, latest, || String::from(data));
            if reply.ready {
                let (worker, queued) = {
                    let mut inner = inner.borrow_mut();
                    let lane = inner.lane(engine);
                    lane.ready = true;
                    lane.restarts = 0;
                    (lane.worker.clone(), std::mem::take(&mut lane.queued))
                };
                if let Some(worker) = worker {
                    for message in queued {
                        let _ = worker.post_message(&JsValue::from_str(&message));
                    }
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
            let (active, restart) = {
                let mut inner = inner.borrow_mut();
                let active = inner.active() == engine;
                let lane = inner.lane(engine);
                lane.stop();
                lane.restarts += 1;
                (active, active && lane.restarts <= MAX_RESTARTS)
            };
            // The plan worker, once the full one has taken over, is not needed again:
            // its death concerns no request the page waits for.
            if !active {
                return;
            }
            let on_event = inner.borrow().on_event.clone();
            on_event(Event::Crashed(message));
            if restart {
                // Not from inside this handler: spawning replaces (drops) it.
                let client = WorkerClient { inner };
                gloo_timers::callback::Timeout::new(0, move || client.spawn(engine)).forget();
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        let lane = inner.lane(engine);
        lane.worker = Some(worker);
        lane.ready = false;
        lane.handlers = vec![on_message, on_error];
    }

    /// The analyzer's latest edit: a report for an older one is dropped unread.
    pub fn note_edit(&self, edit: u64) {
        self.inner.borrow_mut().latest_edit = edit;
    }

    /// Sends a request (JSON) to the worker it needs, now or once that worker is ready.
    pub fn post(&self, message: String) {
        let start_full = {
            let mut inner = self.inner.borrow_mut();
            let switch = !inner.use_full && needs_sql(&message);
            if switch {
                inner.use_full = true;
                // Messages the plan worker has not yet taken go with the rest.
                let queued = std::mem::take(&mut inner.plan.queued);
                inner.full.queued.extend(queued);
            }
            switch
        };
        if start_full {
            self.spawn(Engine::Full);
        }
        let mut inner = self.inner.borrow_mut();
        let active = inner.active();
        inner.lane(active).post(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{CompareRequest, PlanPair, Request, WireInput};
    use pgsight_core::InputKind;

    fn request(inputs: &[(InputKind, &str)]) -> String {
        Request {
            id: 1,
            inputs: inputs
                .iter()
                .map(|(kind, text)| WireInput {
                    kind: *kind,
                    name: "input".into(),
                    text: (*text).into(),
                })
                .collect(),
        }
        .to_json()
    }

    /// A stale report is dropped on its id: the rest of the text is never read (here
    /// it is not even JSON). The current one, compare replies and errors are read.
    #[test]
    fn a_stale_report_is_dropped_without_being_read() {
        let garbled = r#"{"id":3,"elapsed_ms":12.5,"report":{"findings":[oops"#;
        let head = &garbled[..garbled.len().min(REPLY_HEAD_CHARS as usize)];
        let dropped = read_reply(head, 5, || panic!("a stale report was read"));
        assert_eq!(dropped.id, Some(3));
        assert!(dropped.report.is_none() && dropped.error.is_none());
        let current = read_reply(head, 3, || garbled.to_owned());
        assert!(current
            .error
            .is_some_and(|e| e.starts_with("unreadable reply")));

        let plan = crate::examples::EXAMPLES[0].text;
        let reply = crate::protocol::handle(&request(&[(InputKind::Plan, plan)]), || 0.0);
        let head = &reply[..REPLY_HEAD_CHARS as usize];
        assert!(read_reply(head, 1, || reply.clone()).report.is_some());
        assert!(read_reply(head, 2, || panic!("read")).report.is_none());

        let compare = r#"{"id":1,"elapsed_ms":3.0,"compare":{"error":{"message":"x"}}}"#;
        assert!(read_reply(compare, 9, || compare.to_owned()).compare.is_some());
    }

    #[test]
    fn sql_inputs_need_the_full_worker() {
        let plan = crate::examples::EXAMPLES[0].text;
        assert!(!needs_sql(&request(&[(InputKind::Plan, plan)])));
        for kind in [InputKind::Schema, InputKind::Migration, InputKind::Query] {
            assert!(needs_sql(&request(&[(InputKind::Plan, plan), (kind, "SELECT 1")])));
            assert!(needs_sql(&request(&[(kind, "SELECT 1")])));
        }
    }

    #[test]
    fn plan_text_that_looks_like_a_kind_stays_with_the_plan_worker() {
        let sneaky = r#"{"kind":"schema"} -- "kind":"query""#;
        assert!(!needs_sql(&request(&[(InputKind::Plan, sneaky)])));
        let compare = CompareRequest {
            compare: PlanPair {
                before: sneaky.into(),
                after: sneaky.into(),
            },
            id: 3,
        };
        assert!(!needs_sql(&compare.to_json()));
    }
}
