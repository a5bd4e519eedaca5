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
//! ([`Outgoing::needs_sql`]: an analyze request with an input of kind schema,
//! migration or query, the page sending only non-empty inputs; or an anonymize
//! request), and from then on every message of the session goes there too. The full
//! worker does all the plan worker does, so after the switch there is one queue again
//! and replies keep their order; a request already sent to the plan worker is still
//! answered by it. Plan comparisons stay in the plan worker.
//!
//! A big report comes in parts (findings first, then slices of its plan nodes and
//! schema tables, see [`crate::protocol::report_replies`]): [`receive`] hands the
//! findings on at once and the views once the last part is in.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::protocol::{
    reply_head, AnonymizeRequest, Assembly, Carries, CompareRequest, Reply, Request, Views,
    REPLY_HEAD_CHARS,
};

/// The loaders Trunk writes for the `data-type="worker"` links (`data-loader-shim`),
/// relative to the page, so the app works from a subpath.
const PLAN_WORKER_URL: &str = "pgsight-plan-worker_loader.js";
const FULL_WORKER_URL: &str = "pgsight-worker_loader.js";

/// Consecutive restarts tried before giving up.
const MAX_RESTARTS: u32 = 3;

/// A message for a worker.
pub enum Outgoing {
    /// Sent as `[head JSON, text, text, ...]`, each text as its UTF-8 bytes in a
    /// buffer of its own, transferred: the texts never go through JSON, nor through a
    /// JavaScript string on the page.
    Analyze(Rc<Request>),
    Compare(CompareRequest),
    Anonymize(AnonymizeRequest),
}

impl Outgoing {
    /// Whether it needs the full worker: it carries SQL (anonymizing a share link
    /// tokenizes SQL, even for a plan alone).
    pub fn needs_sql(&self) -> bool {
        match self {
            Outgoing::Analyze(request) => request.needs_sql(),
            Outgoing::Compare(_) => false,
            Outgoing::Anonymize(_) => true,
        }
    }

    /// The message as `postMessage` takes it, and the buffers it transfers.
    fn to_js(&self) -> Posted {
        let transfer = js_sys::Array::new();
        let message = match self {
            Outgoing::Analyze(request) => {
                let message = js_sys::Array::new();
                message.push(&JsValue::from_str(&request.head_json()));
                for text in request.texts() {
                    let bytes = js_sys::Uint8Array::from(text.as_bytes());
                    transfer.push(&bytes.buffer());
                    message.push(&bytes);
                }
                message.into()
            }
            Outgoing::Compare(request) => JsValue::from_str(&request.to_json()),
            Outgoing::Anonymize(request) => JsValue::from_str(&request.to_json()),
        };
        Posted { message, transfer }
    }
}

/// A message ready for `postMessage`.
struct Posted {
    message: JsValue,
    transfer: js_sys::Array,
}

impl Posted {
    fn send(&self, worker: &Worker) {
        let _ = worker.post_message_with_transfer(&self.message, &self.transfer);
    }
}

/// What a worker's message means to the page.
#[derive(Debug)]
pub enum Incoming {
    Ready,
    Reply(Reply),
    /// The plan nodes and schema tables of a report sent findings first, all in.
    Views(Views),
    /// Nothing to do: a part with more to come, or one of a stale report.
    Nothing,
}

/// Reads a worker's message, given its first [`REPLY_HEAD_CHARS`] characters and the
/// whole text on demand. A report for an edit older than `latest_edit` (the page's
/// latest) is not read at all: it comes back as a bare reply with its id, which the
/// state takes as "that request is done" and drops. A part of a report is read only
/// when it belongs to the report `assembly` is putting together, and that report is
/// still current.
pub fn receive(
    assembly: &mut Option<Assembly>,
    head: &str,
    latest_edit: u64,
    text: impl FnOnce() -> String,
) -> Incoming {
    match reply_head(head) {
        Some((id, Carries::Report)) if id < latest_edit => {
            *assembly = None;
            return Incoming::Reply(Reply {
                id: Some(id),
                ..Reply::default()
            });
        }
        Some((id, Carries::Part))
            if id < latest_edit || assembly.as_ref().map(|a| a.id) != Some(id) =>
        {
            return Incoming::Nothing;
        }
        _ => {}
    }
    let mut reply = match Reply::from_json(&text()) {
        Ok(reply) => reply,
        Err(e) => {
            return Incoming::Reply(Reply {
                error: Some(format!("unreadable reply from the worker: {e}")),
                ..Reply::default()
            })
        }
    };
    if reply.ready {
        return Incoming::Ready;
    }
    if let Some(part) = reply.part.take() {
        let views = assembly.as_mut().and_then(|a| a.add(*part));
        if views.is_some() {
            *assembly = None;
        }
        return views.map_or(Incoming::Nothing, Incoming::Views);
    }
    if reply.report.is_some() {
        *assembly = Assembly::start(&mut reply);
    }
    Incoming::Reply(reply)
}

pub enum Event {
    Reply(Reply),
    /// The views of the report last replied, sent after its findings.
    Views(Views),
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
    queued: Vec<Posted>,
    // Keep the handlers alive as long as the worker.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Lane {
    fn post(&mut self, message: Posted) {
        match (&self.worker, self.ready) {
            (Some(worker), true) => message.send(worker),
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
    /// The report whose parts are arriving.
    assembly: Option<Assembly>,
    /// Parts received and not yet read: they are read one per task, after the
    /// findings they follow were painted ([`read_parts`]).
    parts: VecDeque<js_sys::JsString>,
    /// A task to read `parts` is scheduled.
    reading_parts: bool,
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

/// Runs `then` in a task after the next frame was painted (or after 100 ms, in a
/// hidden tab that paints none).
fn after_next_frame(then: impl FnOnce() + 'static) {
    let then = Rc::new(Cell::new(Some(then)));
    let run = move || {
        if let Some(then) = then.take() {
            gloo_timers::callback::Timeout::new(0, then).forget();
        }
    };
    let on_frame = run.clone();
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(&Closure::once_into_js(on_frame).unchecked_into());
    }
    gloo_timers::callback::Timeout::new(100, run).forget();
}

/// Reads the next part received, then schedules the next read in a task of its own:
/// a part is some 20 ms of work, and typing and painting go on between parts.
fn read_parts(inner: Weak<RefCell<Inner>>) {
    let Some(inner) = inner.upgrade() else { return };
    let Some(data) = inner.borrow_mut().parts.pop_front() else {
        inner.borrow_mut().reading_parts = false;
        return;
    };
    let head = String::from(data.slice(0, REPLY_HEAD_CHARS));
    let incoming = {
        let mut inner = inner.borrow_mut();
        let latest = inner.latest_edit;
        receive(&mut inner.assembly, &head, latest, || String::from(&data))
    };
    if let Incoming::Views(views) = incoming {
        let on_event = inner.borrow().on_event.clone();
        on_event(Event::Views(views));
    }
    let weak = Rc::downgrade(&inner);
    gloo_timers::callback::Timeout::new(0, move || read_parts(weak)).forget();
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
                assembly: None,
                parts: VecDeque::new(),
                reading_parts: false,
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
            // The parts of a report come right behind its findings: read now, they
            // would hold the frame that paints the findings until the last is read.
            if matches!(reply_head(&head), Some((_, Carries::Part))) {
                let start = {
                    let mut inner = inner.borrow_mut();
                    inner.parts.push_back(data.clone());
                    !std::mem::replace(&mut inner.reading_parts, true)
                };
                if start {
                    after_next_frame(move || read_parts(Rc::downgrade(&inner)));
                }
                return;
            }
            let reply = {
                let mut inner = inner.borrow_mut();
                let latest = inner.latest_edit;
                receive(&mut inner.assembly, &head, latest, || String::from(data))
            };
            let event = match reply {
                Incoming::Ready => None,
                Incoming::Reply(reply) => Some(Event::Reply(reply)),
                Incoming::Views(views) => Some(Event::Views(views)),
                Incoming::Nothing => return,
            };
            let Some(event) = event else {
                let (worker, queued) = {
                    let mut inner = inner.borrow_mut();
                    let lane = inner.lane(engine);
                    lane.ready = true;
                    lane.restarts = 0;
                    (lane.worker.clone(), std::mem::take(&mut lane.queued))
                };
                if let Some(worker) = worker {
                    for message in queued {
                        message.send(&worker);
                    }
                }
                return;
            };
            let on_event = inner.borrow().on_event.clone();
            on_event(event);
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

    /// Sends a request to the worker it needs, now or once that worker is ready.
    pub fn post(&self, message: Outgoing) {
        let start_full = {
            let mut inner = self.inner.borrow_mut();
            let switch = !inner.use_full && message.needs_sql();
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
        let message = message.to_js();
        let mut inner = self.inner.borrow_mut();
        let active = inner.active();
        inner.lane(active).post(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{analyze_request, report_replies, PlanPair, WireInput};
    use pgsight_core::{Config, Input, InputKind};

    fn request(id: u64, inputs: &[(InputKind, &str)]) -> Rc<Request> {
        Rc::new(Request {
            id,
            inputs: inputs
                .iter()
                .map(|(kind, text)| WireInput {
                    kind: *kind,
                    name: "input".into(),
                    text: text.to_string().into(),
                })
                .collect(),
        })
    }

    fn head(reply: &str) -> &str {
        &reply[..reply.len().min(REPLY_HEAD_CHARS as usize)]
    }

    fn read(assembly: &mut Option<Assembly>, reply: &str, latest: u64) -> Incoming {
        receive(assembly, head(reply), latest, || reply.to_owned())
    }

    /// A stale report is dropped on its id: the rest of the text is never read (here
    /// it is not even JSON). The current one, compare replies and errors are read.
    #[test]
    fn a_stale_report_is_dropped_without_being_read() {
        let mut assembly = None;
        let garbled = r#"{"id":3,"elapsed_ms":12.5,"report":{"findings":[oops"#;
        let dropped = receive(&mut assembly, head(garbled), 5, || {
            panic!("a stale report was read")
        });
        let Incoming::Reply(dropped) = dropped else {
            panic!("{dropped:?}")
        };
        assert_eq!(dropped.id, Some(3));
        assert!(dropped.report.is_none() && dropped.error.is_none());
        let Incoming::Reply(current) = read(&mut assembly, garbled, 3) else {
            panic!("not a reply")
        };
        assert!(current
            .error
            .is_some_and(|e| e.starts_with("unreadable reply")));

        let plan = crate::examples::EXAMPLES[0].text;
        let reply = analyze_request(&request(1, &[(InputKind::Plan, plan)]), || 0.0).remove(0);
        assert!(matches!(read(&mut assembly, &reply, 1), Incoming::Reply(r) if r.report.is_some()));
        let stale = receive(&mut assembly, head(&reply), 2, || panic!("read"));
        assert!(matches!(stale, Incoming::Reply(r) if r.report.is_none()));

        let compare = r#"{"id":1,"elapsed_ms":3.0,"compare":{"error":{"message":"x"}}}"#;
        assert!(
            matches!(read(&mut assembly, compare, 9), Incoming::Reply(r) if r.compare.is_some())
        );
        assert!(matches!(
            read(&mut assembly, r#"{"ready":true}"#, 9),
            Incoming::Ready
        ));
    }

    fn scenario(name: &str) -> String {
        let path = format!(
            "{}/../../tests/scenarios/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// A real plan of more nodes than a part holds, as the worker sends it.
    fn split_replies(id: u64) -> (Vec<String>, pgsight_core::Report) {
        let plan = scenario("high-planning-time-many-partitions.json");
        let mut report = pgsight_core::analyze(
            &[Input::new(InputKind::Plan, "plan", plan)],
            &Config::default(),
        );
        // Repeat its nodes past one part, as a bigger plan has them.
        let nodes = report.plans[0].nodes.clone();
        while report.plans[0].nodes.len() <= crate::protocol::PART_NODES {
            report.plans[0].nodes.extend(nodes.iter().cloned());
        }
        let replies = report_replies(id, 1.0, report.clone());
        assert!(replies.len() > 1, "sent in parts");
        (replies, report)
    }

    /// The findings come first (without nodes); parts with more to come are nothing to
    /// do; the last one brings the views, which complete the report.
    #[test]
    fn a_report_in_parts_is_put_together() {
        let (replies, direct) = split_replies(4);
        let mut assembly = None;
        let Incoming::Reply(first) = read(&mut assembly, &replies[0], 4) else {
            panic!("findings first")
        };
        let findings_first = first.report.expect("report");
        assert_eq!(findings_first.findings, direct.findings);
        assert!(findings_first.plans.is_empty());
        assert!(first.parts == replies.len() - 1);
        for part in &replies[1..replies.len() - 1] {
            assert!(matches!(read(&mut assembly, part, 4), Incoming::Nothing));
        }
        let Incoming::Views(views) = read(&mut assembly, &replies[replies.len() - 1], 4) else {
            panic!("views last")
        };
        assert_eq!(views.id, 4);
        assert_eq!(views.complete(&findings_first), direct);
        assert!(assembly.is_none());
    }

    /// Once the page has moved on, the parts of the old report are dropped unread, and
    /// so are parts of a report whose findings were dropped.
    #[test]
    fn stale_parts_are_dropped_unread() {
        let (replies, _) = split_replies(4);
        let mut assembly = None;
        assert!(matches!(
            read(&mut assembly, &replies[0], 4),
            Incoming::Reply(_)
        ));
        assert!(matches!(
            read(&mut assembly, &replies[1], 4),
            Incoming::Nothing
        ));
        // A new edit: the rest of report 4 is stale.
        for part in &replies[2..] {
            let dropped = receive(&mut assembly, head(part), 5, || {
                panic!("a stale part was read")
            });
            assert!(matches!(dropped, Incoming::Nothing));
        }
        // A stale report's findings are dropped; its parts find no assembly.
        let mut assembly = None;
        assert!(matches!(
            receive(&mut assembly, head(&replies[0]), 5, || panic!("read")),
            Incoming::Reply(r) if r.report.is_none()
        ));
        for part in &replies[1..] {
            let dropped = receive(&mut assembly, head(part), 4, || {
                panic!("an orphan part was read")
            });
            assert!(matches!(dropped, Incoming::Nothing));
        }
        // The findings of a newer report replace an unfinished assembly.
        let (newer, _) = split_replies(6);
        let mut assembly = None;
        assert!(matches!(
            read(&mut assembly, &replies[0], 4),
            Incoming::Reply(_)
        ));
        assert!(matches!(
            read(&mut assembly, &newer[0], 4),
            Incoming::Reply(_)
        ));
        assert_eq!(assembly.as_ref().map(|a| a.id), Some(6));
        for part in &replies[1..] {
            assert!(matches!(
                receive(&mut assembly, head(part), 4, || panic!("read")),
                Incoming::Nothing
            ));
        }
    }

    #[test]
    fn sql_inputs_need_the_full_worker() {
        let plan = crate::examples::EXAMPLES[0].text;
        assert!(!Outgoing::Analyze(request(1, &[(InputKind::Plan, plan)])).needs_sql());
        for kind in [InputKind::Schema, InputKind::Migration, InputKind::Query] {
            assert!(
                Outgoing::Analyze(request(1, &[(InputKind::Plan, plan), (kind, "SELECT 1")]))
                    .needs_sql()
            );
            assert!(Outgoing::Analyze(request(1, &[(kind, "SELECT 1")])).needs_sql());
        }
        let anonymize = AnonymizeRequest {
            anonymize: pgsight_core::share::SharedInputs {
                plan: plan.to_owned(),
                ..Default::default()
            },
            id: 2,
        };
        assert!(Outgoing::Anonymize(anonymize).needs_sql());
    }

    /// The route follows the kinds, not the texts.
    #[test]
    fn plan_text_that_looks_like_a_kind_stays_with_the_plan_worker() {
        let sneaky = r#"{"kind":"schema"} -- "kind":"query""#;
        assert!(!Outgoing::Analyze(request(1, &[(InputKind::Plan, sneaky)])).needs_sql());
        let compare = CompareRequest {
            compare: PlanPair {
                before: sneaky.into(),
                after: sneaky.into(),
            },
            id: 3,
        };
        assert!(!Outgoing::Compare(compare).needs_sql());
    }
}
